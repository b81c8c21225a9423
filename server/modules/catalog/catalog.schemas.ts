import { Type } from '@sinclair/typebox';
import { Id, Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { productKinds, productStatuses, promotionTypes, settableStatuses } from './catalog.tables.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const ProductKindSchema = literals(productKinds);
export const ProductStatusSchema = literals(productStatuses);
export const PromotionTypeSchema = literals(promotionTypes);
const Fen = Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 });
const Category = Text(50);

export const ProductPromotionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: PromotionTypeSchema,
  value: Type.Integer(),
  unitPriceAfterFen: Type.Integer(),
});

export const PhotoSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  thumbUrl: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
});

export const ProductSchema = Type.Object({
  id: Type.String(),
  merchantId: Type.String(),
  sku: Type.String(),
  title: Type.String(),
  description: Type.String(),
  category: Type.String(),
  kind: Type.String(),
  priceFen: Type.Integer(),
  stock: Type.Integer(),
  weightGrams: Type.Integer(),
  status: ProductStatusSchema,
  /** Local specialties: the selling unit, the origin, and the county's reason for a rejection. */
  unit: Type.Optional(Nullable(Type.String())),
  origin: Type.Optional(Nullable(Type.Object({}, { additionalProperties: true }))),
  reviewNote: Type.Optional(Nullable(Type.String())),
  /** Storefront and listings: the product's photos, in order. */
  photos: Type.Optional(Type.Array(PhotoSchema)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The best promotion for the caller's county; absent only where no county pricing applies. */
  promotion: Type.Optional(Nullable(ProductPromotionSchema)),
});

export const NewProductSchema = Type.Object({
  sku: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._/-]+$' }),
  title: Text(200),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  category: Category,
  kind: ProductKindSchema,
  priceFen: Fen,
  stock: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
  weightGrams: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
});

export const ProductPatchSchema = Type.Object(
  {
    priceFen: Type.Optional(Fen),
    stock: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
    status: Type.Optional(literals(settableStatuses)),
  },
  { minProperties: 1 },
);

export const ProductQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  category: Type.Optional(Type.String({ maxLength: 50 })),
  kind: Type.Optional(ProductKindSchema),
  countyId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
});

export const CategorySchema = Type.Object({ category: Type.String(), count: Type.Integer() });

export const PromotionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: PromotionTypeSchema,
  value: Type.Integer(),
  productIds: Type.Array(Type.String()),
  categories: Type.Array(Type.String()),
  countyIds: Type.Array(Type.String()),
  startsAt: Timestamp,
  endsAt: Timestamp,
  budgetFen: Nullable(Type.Integer()),
  spentFen: Type.Integer(),
  fundedBy: literals(['merchant', 'platform'] as const),
  merchantId: Nullable(Type.String()),
  createdAt: Timestamp,
  endedAt: Nullable(Timestamp),
});

export const NewPromotionSchema = Type.Object({
  name: Text(100),
  type: PromotionTypeSchema,
  value: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
  productIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
  categories: Type.Optional(Type.Array(Category, { maxItems: 100 })),
  countyIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
  startsAt: Timestamp,
  endsAt: Timestamp,
  budgetFen: Type.Optional(Fen),
});
