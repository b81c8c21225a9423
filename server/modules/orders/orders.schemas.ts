import { Type } from '@sinclair/typebox';
import { Id, Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { orderStatuses } from './orders.tables.ts';

export const OrderStatusSchema = Type.Union(orderStatuses.map((s) => Type.Literal(s)));
export const PaymentSchema = Type.Union([Type.Literal('float'), Type.Literal('wallet')]);
const Quantity = Type.Integer({ minimum: 1, maximum: 10_000 });
export const LinesInput = Type.Array(Type.Object({ productId: Id, quantity: Quantity }), {
  minItems: 1,
  maxItems: 100,
});

export const NewOrderSchema = Type.Object({ villagerId: Id, lines: LinesInput, payment: PaymentSchema });
export const RefundSourceSchema = Type.Union([Type.Literal('merchant'), Type.Literal('guarantee_fund')]);
export const ReturnInputSchema = Type.Object({
  lines: LinesInput,
  reason: Text(500),
  refundTo: Type.Optional(PaymentSchema),
  payFrom: Type.Optional(RefundSourceSchema),
});

const OrderFields = {
  id: Type.String(),
  channel: Type.String(),
  status: OrderStatusSchema,
  countyId: Type.String(),
  centerId: Type.String(),
  villagerId: Type.String(),
  payment: PaymentSchema,
  lines: Type.Array(
    Type.Object({
      productId: Type.String(),
      sku: Type.String(),
      title: Type.String(),
      merchantId: Type.String(),
      quantity: Type.Integer(),
      unitPriceFen: Type.Integer(),
      discountFen: Type.Integer(),
      commissionFen: Type.Integer(),
      promotionId: Nullable(Type.String()),
      returnedQuantity: Type.Integer(),
    }),
  ),
  subtotalFen: Type.Integer(),
  discountFen: Type.Integer(),
  totalFen: Type.Integer(),
  commissionFen: Type.Integer(),
  createdAt: Timestamp,
};

export const OrderSchema = Type.Object(OrderFields);
export const OrderWithEventsSchema = Type.Object({
  ...OrderFields,
  events: Type.Array(Type.Object({ type: Type.String(), at: Timestamp })),
});

export const ReturnResultSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  status: Type.Literal('refunded'),
  refundFen: Type.Integer(),
  clawbackFen: Type.Integer(),
  refundTo: PaymentSchema,
  payFrom: RefundSourceSchema,
  orderStatus: OrderStatusSchema,
});
