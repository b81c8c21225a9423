export type PayoutMethod = 'bank_card' | 'alipay';

/** A villager who sells village products through the centre's partner. */
export type SellerRow = {
  id: string;
  villager_id: string;
  county_id: string;
  center_id: string;
  /** The catalog merchant record that owns the seller's products. */
  merchant_id: string;
  display_name: string;
  /** The seller's story for the profile page. */
  story: string;
  payout_method: PayoutMethod | null;
  /** Kept for the bank's payout file; answered masked. */
  payout_account: string | null;
  /** When the villager agreed to sell through the platform, as the partner recorded it. */
  consent_at: string;
  created_by: string;
  created_at: string;
};

/** `refunded`: lost or damaged on the way, or sent back after delivery; the buyer got the money back. */
export const storeOrderStatuses = ['placed', 'collected', 'delivered', 'cancelled', 'refunded'] as const;
export type StoreOrderStatus = (typeof storeOrderStatuses)[number];

/** A city buyer's order of village products, all from sellers of one village centre. */
export type StoreOrderRow = {
  id: string;
  buyer_user_id: string;
  county_id: string;
  center_id: string;
  status: StoreOrderStatus;
  total_fen: number;
  weight_grams: number;
  /** JSON `{name, phone, address}`. */
  ship_to: string;
  fee_schedule_version: number;
  /** The outbound parcel the partner sent it in. */
  parcel_id: string | null;
  tracking_number: string | null;
  created_at: string;
  updated_at: string;
  collected_at: string | null;
  delivered_at: string | null;
  cancelled_at: string | null;
  refunded_at: string | null;
  refund_reason: string | null;
};

export type StoreOrderLineRow = {
  order_id: string;
  /** The order's county, so lines are sharded with it. */
  county_id: string;
  line_no: number;
  product_id: string;
  seller_id: string;
  title: string;
  quantity: number;
  unit_price_fen: number;
};

/** Money movements with the payment provider: captured at checkout, refunded on cancellation. */
export type StorePaymentRow = {
  id: string;
  order_id: string;
  county_id: string;
  kind: 'capture' | 'refund';
  amount_fen: number;
  status: 'pending' | 'succeeded';
  provider_ref: string | null;
  created_at: string;
  settled_at: string | null;
};

/** One seller's part of a delivered order, as the ledger split it. */
export type StoreSaleRow = {
  order_id: string;
  seller_id: string;
  county_id: string;
  gross_fen: number;
  seller_share_fen: number;
  partner_fee_fen: number;
  platform_fee_fen: number;
  logistics_fen: number;
  at: string;
};

/** A delivered sale taken back: each seller's part of the split, reversed. */
export type StoreSaleRefundRow = StoreSaleRow;

/**
 * A harvest sold before it is picked (tea, fruit, honey): the listing takes orders until
 * `closes_at`; the partner collects the whole batch at once from `ships_from`.
 */
export type HarvestBatchRow = {
  product_id: string;
  county_id: string;
  closes_at: string;
  ships_from: string;
  collected_at: string | null;
};

/** Seller payouts of one county sent to the bank together, as one payout file. */
export type PayoutBatchRow = {
  id: string;
  county_id: string;
  status: 'sent' | 'paid';
  total_fen: number;
  created_by: string;
  created_at: string;
  paid_at: string | null;
  /** The bank's confirmation reference. */
  bank_reference: string | null;
};

export type PayoutLineRow = {
  batch_id: string;
  county_id: string;
  seller_id: string;
  amount_fen: number;
  payout_method: PayoutMethod;
  payout_account: string;
  account_name: string;
};

/**
 * A county's storefront sales of one China Standard Time month: orders delivered in it and
 * their gross totals, kept in the delivery's transaction (`sales-rollups.ts`). A refund after
 * delivery does not undo the delivery, so it leaves the rollup as it is.
 */
export type StoreSalesRollupRow = {
  county_id: string;
  /** YYYY-MM, China Standard Time. */
  month: string;
  orders: number;
  sales_fen: number;
};

export type UpstreamTables = {
  sellers: SellerRow;
  store_orders: StoreOrderRow;
  store_order_lines: StoreOrderLineRow;
  store_payments: StorePaymentRow;
  store_sales: StoreSaleRow;
  store_sale_refunds: StoreSaleRefundRow;
  harvest_batches: HarvestBatchRow;
  payout_batches: PayoutBatchRow;
  payout_lines: PayoutLineRow;
  store_sales_rollups: StoreSalesRollupRow;
};
