import type { OrderEventRow, OrderLineRow, OrderRow } from './orders.tables.ts';

export type OrderLine = {
  productId: string;
  sku: string;
  title: string;
  merchantId: string;
  quantity: number;
  unitPriceFen: number;
  discountFen: number;
  commissionFen: number;
  promotionId: string | null;
  returnedQuantity: number;
};

export type Order = {
  id: string;
  channel: string;
  status: OrderRow['status'];
  countyId: string;
  centerId: string;
  villagerId: string;
  payment: OrderRow['payment'];
  lines: OrderLine[];
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  commissionFen: number;
  createdAt: string;
};

export type OrderWithEvents = Order & { events: Array<{ type: string; at: string }> };

export const toOrder = (o: OrderRow, lines: OrderLineRow[]): Order => ({
  id: o.id,
  channel: o.channel,
  status: o.status,
  countyId: o.county_id,
  centerId: o.center_id,
  villagerId: o.villager_id,
  payment: o.payment,
  lines: lines.map((l) => ({
    productId: l.product_id,
    sku: l.sku,
    title: l.title,
    merchantId: l.merchant_id,
    quantity: l.quantity,
    unitPriceFen: Number(l.unit_price_fen),
    discountFen: Number(l.discount_fen),
    commissionFen: Number(l.commission_fen),
    promotionId: l.promotion_id,
    returnedQuantity: l.returned_quantity,
  })),
  subtotalFen: Number(o.subtotal_fen),
  discountFen: Number(o.discount_fen),
  totalFen: Number(o.total_fen),
  commissionFen: Number(o.commission_fen),
  createdAt: o.created_at,
});

export const toEvents = (events: OrderEventRow[]) => events.map((e) => ({ type: e.type, at: e.at }));
