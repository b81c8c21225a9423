export type MerchantKind = 'brand' | 'retailer';

export type MerchantRow = {
  id: string;
  name: string;
  kind: MerchantKind;
  created_at: string;
};

/** Text in the table so that later kinds (`local_specialty`) need no migration. */
export const productKinds = ['consumer', 'agri_input'] as const;
export type ProductKind = (typeof productKinds)[number];
export const productStatuses = ['active', 'inactive'] as const;
export type ProductStatus = (typeof productStatuses)[number];

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
  created_at: string;
  updated_at: string;
};

/**
 * The search index: one row per (term, product), written with the product. `active` mirrors
 * the product's status so the national catalogue is searched without touching `products`.
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

export type CatalogTables = {
  merchants: MerchantRow;
  products: ProductRow;
  product_search_terms: ProductSearchTermRow;
  promotions: PromotionRow;
  promotion_products: PromotionProductRow;
  promotion_categories: PromotionCategoryRow;
  promotion_counties: PromotionCountyRow;
};
