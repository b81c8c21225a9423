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

export type OrderLine = {
  productId: string;
  sku: string;
  title: string;
  merchantId: string;
  quantity: number;
  unitPriceFen: number;
  /** For the whole line, not per unit. */
  discountFen: number;
  commissionFen: number;
  promotionId: string | null;
  returnedQuantity: number;
};

export type Order = {
  id: string;
  channel: string;
  status: OrderStatus;
  countyId: string;
  centerId: string;
  villagerId: string;
  payment: Payment;
  lines: OrderLine[];
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  commissionFen: number;
  createdAt: string;
};

export type OrderDetail = Order & { events: Array<{ type: string; at: string }> };

export type ReturnResult = {
  id: string;
  orderId: string;
  status: 'refunded';
  refundFen: number;
  clawbackFen: number;
  refundTo: Payment;
  orderStatus: OrderStatus;
};

/** The server lets a partner cancel only before the goods leave the merchant. */
export const cancellable = (o: Order) => o.status === 'awaiting_confirmation' || o.status === 'placed';

/** Returns are for goods already on their way or received; before that, cancelling is the way. */
export const returnable = (o: Order) =>
  !['awaiting_confirmation', 'placed', 'cancelled', 'returned'].includes(o.status) &&
  o.lines.some((l) => l.quantity > l.returnedQuantity);

export const lineTotal = (l: OrderLine) => l.unitPriceFen * l.quantity - l.discountFen;
