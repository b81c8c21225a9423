export const orderStatuses = [
  'awaiting_confirmation',
  'placed',
  'shipped',
  'at_hub',
  'in_transit',
  'ready_for_pickup',
  'completed',
  'cancelled',
  'returned',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export type Payment = 'float' | 'wallet';

export type OrderRow = {
  id: string;
  channel: string;
  county_id: string;
  center_id: string;
  villager_id: string;
  placed_by: string;
  status: OrderStatus;
  payment: Payment;
  subtotal_fen: number;
  discount_fen: number;
  total_fen: number;
  commission_fen: number;
  fee_schedule_version: number;
  confirmation_code_hash: string | null;
  confirmation_attempts: number;
  created_at: string;
  updated_at: string;
};

export type OrderLineRow = {
  order_id: string;
  /** The order's county, so lines are sharded with it. */
  county_id: string;
  line_no: number;
  product_id: string;
  merchant_id: string;
  sku: string;
  title: string;
  kind: string;
  quantity: number;
  unit_price_fen: number;
  discount_fen: number;
  commission_fen: number;
  promotion_id: string | null;
  discount_funded_by: 'merchant' | 'platform' | null;
  returned_quantity: number;
};

export type OrderEventRow = {
  id: string;
  order_id: string;
  county_id: string;
  type: string;
  at: string;
  actor_id: string | null;
  data: string | null;
};

export type ReturnRow = {
  id: string;
  order_id: string;
  county_id: string;
  center_id: string;
  reason: string;
  refund_fen: number;
  clawback_fen: number;
  refund_to: Payment;
  /** Who bore the refund at once: the merchants' payables, or the centre's guarantee fund. */
  paid_from: RefundSource;
  created_by: string;
  created_at: string;
};

export type RefundSource = 'merchant' | 'guarantee_fund';

export type ReturnLineRow = {
  return_id: string;
  county_id: string;
  product_id: string;
  quantity: number;
  refund_fen: number;
  merchant_id: string | null;
  merchant_share_fen: number;
  /** For refunds the guarantee fund advanced: when the merchant repaid the fund. */
  settled_at: string | null;
};

/**
 * A county's assisted-order figures of one China Standard Time month, kept in the transaction
 * of every write that changes them (`gmv-rollups.ts`): `orders` and `gmv_fen` are the orders
 * placed in the month and not cancelled, `refunds_fen` the refunds of returns taken in it.
 */
export type OrderGmvRollupRow = {
  county_id: string;
  /** YYYY-MM, China Standard Time. */
  month: string;
  orders: number;
  gmv_fen: number;
  refunds_fen: number;
};

export type OrderTables = {
  orders: OrderRow;
  order_lines: OrderLineRow;
  order_events: OrderEventRow;
  order_returns: ReturnRow;
  order_return_lines: ReturnLineRow;
  order_gmv_rollups: OrderGmvRollupRow;
};
