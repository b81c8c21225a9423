import { Type } from '@sinclair/typebox';
import { Id, Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { ProductSchema } from '../catalog/index.ts';
import { MOBILE_PATTERN } from '../villagers/index.ts';
import { storeOrderStatuses } from './upstream.tables.ts';

const Fen = Type.Integer({ minimum: 1, maximum: 100_000_000 });
const DateOnly = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const NewSellerSchema = Type.Object({
  villagerId: Id,
  story: Type.Optional(Type.String({ maxLength: 2000 })),
  payout: Type.Optional(
    Type.Object({
      method: Type.Union([Type.Literal('bank_card'), Type.Literal('alipay')]),
      account: Type.String({ minLength: 4, maxLength: 64, pattern: '^[A-Za-z0-9@._-]+$' }),
    }),
  ),
});

export const SellerSchema = Type.Object({
  id: Type.String(),
  villagerId: Type.String(),
  countyId: Type.String(),
  centerId: Type.String(),
  displayName: Type.String(),
  story: Type.String(),
  payoutMethod: Nullable(Type.String()),
  payoutAccount: Nullable(Type.String()),
  consentAt: Timestamp,
  createdAt: Timestamp,
});

export const NewListingSchema = Type.Object({
  title: Text(200),
  description: Type.String({ maxLength: 4000 }),
  priceFen: Fen,
  stock: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  unit: Text(20),
  weightGrams: Type.Integer({ minimum: 1, maximum: 100_000 }),
  category: Type.Optional(Text(50)),
  /** Grade and harvest date, or just a line of text about the origin. */
  origin: Type.Union([
    Type.Object({
      village: Type.Optional(Text(100)),
      grade: Type.Optional(Text(50)),
      harvestDate: Type.Optional(DateOnly),
    }),
    Text(200),
  ]),
  batch: Type.Optional(Type.Object({ closesAt: Type.String({ format: 'date-time' }), shipsFrom: DateOnly })),
});

export const RejectSchema = Type.Object({ reason: Text(500) });

export const BuyerAccountSchema = Type.Object({
  login: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' }),
  password: Type.String({ minLength: 8, maxLength: 200 }),
  displayName: Text(100),
});

const ShipToSchema = Type.Object({
  name: Text(100),
  phone: Type.String({ pattern: MOBILE_PATTERN }),
  address: Text(300),
});

export const NewStoreOrderSchema = Type.Object({
  lines: Type.Array(Type.Object({ productId: Id, quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) }), {
    minItems: 1,
    maxItems: 50,
  }),
  shipTo: ShipToSchema,
});

export const StoreOrderStatusSchema = Type.Union(storeOrderStatuses.map((s) => Type.Literal(s)));

export const StoreOrderSchema = Type.Object({
  id: Type.String(),
  channel: Type.Literal('storefront'),
  status: StoreOrderStatusSchema,
  buyerUserId: Type.String(),
  countyId: Type.String(),
  centerId: Type.String(),
  lines: Type.Array(
    Type.Object({
      productId: Type.String(),
      sellerId: Type.String(),
      title: Type.String(),
      quantity: Type.Integer(),
      unitPriceFen: Type.Integer(),
    }),
  ),
  totalFen: Type.Integer(),
  weightGrams: Type.Integer(),
  shipTo: ShipToSchema,
  trackingNumber: Nullable(Type.String()),
  createdAt: Timestamp,
  collectedAt: Nullable(Timestamp),
  deliveredAt: Nullable(Timestamp),
  cancelledAt: Nullable(Timestamp),
  refundedAt: Nullable(Timestamp),
  refundReason: Nullable(Type.String()),
});

export const StatementSchema = Type.Object({
  sellerId: Type.String(),
  items: Type.Array(
    Type.Object({
      orderId: Type.String(),
      grossFen: Type.Integer(),
      sellerShareFen: Type.Integer(),
      partnerFeeFen: Type.Integer(),
      platformFeeFen: Type.Integer(),
      logisticsFen: Type.Integer(),
      at: Timestamp,
    }),
  ),
  totals: Type.Object({
    grossFen: Type.Integer(),
    sellerShareFen: Type.Integer(),
    paidOutFen: Type.Integer(),
    balanceFen: Type.Integer(),
  }),
});

export const StoreProductPageSchema = Type.Object({
  product: ProductSchema,
  seller: Type.Object({ id: Type.String(), displayName: Type.String(), story: Type.String() }),
  origin: Type.Object({
    province: Type.String(),
    county: Type.String(),
    village: Nullable(Type.String()),
    centerId: Type.String(),
    grade: Nullable(Type.String()),
    harvestDate: Nullable(Type.String()),
  }),
});

export const PayoutBatchSchema = Type.Object({
  id: Type.String(),
  countyId: Type.String(),
  status: Type.Union([Type.Literal('sent'), Type.Literal('paid')]),
  totalFen: Type.Integer(),
  createdAt: Timestamp,
  paidAt: Nullable(Timestamp),
  bankReference: Nullable(Type.String()),
  lines: Type.Array(
    Type.Object({
      sellerId: Type.String(),
      accountName: Type.String(),
      amountFen: Type.Integer(),
      payoutMethod: Type.String(),
      payoutAccount: Type.String(),
    }),
  ),
  skipped: Type.Array(Type.String()),
});
