/** `village_seller`: a villager selling specialty products upstream, created with its seller record. */
export type MerchantKind = 'brand' | 'retailer' | 'village_seller';

export type MerchantRow = {
  id: string;
  name: string;
  kind: MerchantKind;
  created_at: string;
};

/** What merchants list for the villages. */
export const productKinds = ['consumer', 'agri_input'] as const;
export type ProductKind = (typeof productKinds)[number];
/** A village's product listed by its partner for a villager, sold to cities on the storefront. */
export const LOCAL_SPECIALTY = 'local_specialty';
/** `pending_review` and `rejected`: a local specialty before, or refused at, the county's review. */
export const productStatuses = ['active', 'inactive', 'pending_review', 'rejected'] as const;
export type ProductStatus = (typeof productStatuses)[number];
/** The statuses a merchant may set on its own products. */
export const settableStatuses = ['active', 'inactive'] as const;

export type ProductRow = {
  id: string;
  merchant_id: string;
  sku: string;
  title: string;
  description: string;
  category: string;
  kind: string;
  price_fen: number;
  /** What is still available to order: reservations take from it, releases give back. */
  stock: number;
  weight_grams: number;
  status: ProductStatus;
  /** Local specialties: the selling unit (jin, box, jar…) and the origin as JSON. */
  unit: string | null;
  origin: string | null;
  /** Why the county rejected a local specialty. */
  review_note: string | null;
  created_at: string;
  updated_at: string;
};

/** Which list a product's search terms belong to: 1 the villages' catalogue, 2 the storefront, 0 neither. */
export const SHELF = { none: 0, catalogue: 1, storefront: 2 } as const;
export type Shelf = 'catalogue' | 'storefront';

/**
 * The search index: one row per (term, product), written with the product. `active` is the
 * product's shelf (`SHELF`) so each list is searched without touching `products`.
 */
export type ProductSearchTermRow = {
  term: string;
  product_id: string;
  weight: number;
  active: number;
};

export const promotionTypes = ['percent', 'fixed'] as const;
export type PromotionType = (typeof promotionTypes)[number];
export type FundedBy = 'merchant' | 'platform';

export type PromotionRow = {
  id: string;
  name: string;
  type: PromotionType;
  /** Whole percent off (1–90) or fen off per unit. */
  value: number;
  /** Set for merchant-funded promotions: they only ever apply to this merchant's products. */
  merchant_id: string | null;
  funded_by: FundedBy;
  /** 0/1: no county list means every county. */
  all_counties: number;
  starts_at: string;
  ends_at: string;
  budget_fen: number | null;
  spent_fen: number;
  created_by: string;
  created_at: string;
  ended_at: string | null;
};

export type PromotionProductRow = { promotion_id: string; product_id: string };
export type PromotionCategoryRow = { promotion_id: string; category: string };
export type PromotionCountyRow = { promotion_id: string; county_id: string };

/** A product photo as shown: `web` up to 1200 px wide, `thumb` a 400 px square (both JPEG). */
export type ProductPhotoRow = {
  id: string;
  product_id: string;
  position: number;
  width: number;
  height: number;
  web: Buffer;
  thumb: Buffer;
  created_at: string;
};

export type CatalogTables = {
  merchants: MerchantRow;
  products: ProductRow;
  product_search_terms: ProductSearchTermRow;
  promotions: PromotionRow;
  promotion_products: PromotionProductRow;
  promotion_categories: PromotionCategoryRow;
  promotion_counties: PromotionCountyRow;
  product_photos: ProductPhotoRow;
};
