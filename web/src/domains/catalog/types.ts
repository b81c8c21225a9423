export type ProductKind = 'consumer' | 'agri_input';
export const productKinds: ProductKind[] = ['agri_input', 'consumer'];
export type ProductStatus = 'active' | 'inactive';
export type PromotionType = 'percent' | 'fixed';

/** The promotion that applies to a product for the caller's county, priced per unit. */
export type ProductPromotion = {
  id: string;
  name: string;
  type: PromotionType;
  value: number;
  unitPriceAfterFen: number;
};

export type Product = {
  id: string;
  merchantId: string;
  sku: string;
  title: string;
  description: string;
  category: string;
  kind: ProductKind;
  priceFen: number;
  stock: number;
  weightGrams: number;
  status: ProductStatus;
  createdAt: string;
  promotion?: ProductPromotion | null;
};

export type Category = { category: string; count: number };

export type Promotion = {
  id: string;
  name: string;
  type: PromotionType;
  /** Whole percent off for `percent`, fen off per unit for `fixed`. */
  value: number;
  productIds: string[];
  categories: string[];
  countyIds: string[];
  startsAt: string;
  endsAt: string;
  budgetFen: number | null;
  spentFen: number;
  fundedBy: 'merchant' | 'platform';
  merchantId: string | null;
  createdAt: string;
  endedAt: string | null;
};

/** What a buyer pays per unit now: the promotion price when one applies. */
export const unitPrice = (p: Product) => p.promotion?.unitPriceAfterFen ?? p.priceFen;
