import type { ProductRow, ProductStatus, PromotionType } from './catalog.tables.ts';

export type Product = {
  id: string;
  merchantId: string;
  sku: string;
  title: string;
  description: string;
  category: string;
  kind: string;
  priceFen: number;
  stock: number;
  weightGrams: number;
  status: ProductStatus;
  unit: string | null;
  origin: Record<string, unknown> | null;
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The promotion a caller in a given county would get on one unit today. */
export type ProductPromotion = {
  id: string;
  name: string;
  type: PromotionType;
  value: number;
  unitPriceAfterFen: number;
};

export type CatalogueProduct = Product & { promotion: ProductPromotion | null };

export const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  merchantId: r.merchant_id,
  sku: r.sku,
  title: r.title,
  description: r.description,
  category: r.category,
  kind: r.kind,
  priceFen: r.price_fen,
  stock: r.stock,
  weightGrams: r.weight_grams,
  status: r.status,
  unit: r.unit,
  origin: r.origin ? (JSON.parse(r.origin) as Record<string, unknown>) : null,
  reviewNote: r.review_note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
