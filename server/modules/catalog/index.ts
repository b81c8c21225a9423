/** Catalog: merchants, their products with stock and search, and promotions. */
import type { Queryable } from '../../db/create-db.ts';
import { type Product, toProduct } from './product.views.ts';
import { findProductRow } from './products.repo.ts';

/** The product response schema, for routes of other modules that answer a product. */
export { PhotoSchema, ProductSchema, ProductStatusSchema } from './catalog.schemas.ts';
export type {
  FundedBy,
  MerchantKind,
  ProductKind,
  ProductRow,
  ProductStatus,
  PromotionType,
  Shelf,
} from './catalog.tables.ts';
export { LOCAL_SPECIALTY } from './catalog.tables.ts';
export { createProduct, type NewProduct } from './create-product.ts';
export { createPromotion, type NewPromotion } from './create-promotion.ts';
export { getProduct, listCategories, listProducts, type ProductQuery } from './list-products.ts';
export { endPromotion, findPromotions, listPromotions, runningPromotions } from './list-promotions.ts';
export {
  createLocalProduct,
  listStoreProducts,
  localProductsOf,
  type NewLocalProduct,
  type PhotographedProduct,
  reviewLocalProduct,
  withPhotos,
} from './local-products.ts';
export { createMerchant, findMerchant, listMerchants, type Merchant } from './merchants.ts';
export type { CatalogueProduct, Product, ProductPromotion } from './product.views.ts';
export { addProductPhoto, MAX_PHOTO_BYTES, type PhotoRef } from './product-photos.ts';
/** Bulk load (seeding, imports): products with their search terms, in the caller's transaction. */
export { insertProducts } from './products.repo.ts';
export type { Promotion } from './promotion.views.ts';
export {
  type PricedLine,
  releaseStock,
  reserveAndPrice,
  returnPromotionBudget,
} from './reserve-and-price.ts';
export { type ProductPatch, updateProduct } from './update-product.ts';

/** A product by id in any status, for other modules; no scope check — the caller applies its own. */
export async function findProduct(db: Queryable, id: string): Promise<Product | null> {
  const row = await findProductRow(db, id);
  return row ? toProduct(row) : null;
}
