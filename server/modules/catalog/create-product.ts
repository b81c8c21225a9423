import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Actor } from '../identity/index.ts';
import type { ProductKind, ProductRow } from './catalog.tables.ts';
import { type CatalogueProduct, toProduct } from './product.views.ts';
import { insertProducts } from './products.repo.ts';

export type NewProduct = {
  sku: string;
  title: string;
  description?: string | undefined;
  category: string;
  kind: ProductKind;
  priceFen: number;
  stock: number;
  weightGrams: number;
};

/** A merchant lists a product of its own; it is active (orderable) at once. */
export async function createProduct(deps: Deps, actor: Actor, input: NewProduct): Promise<CatalogueProduct> {
  if (!actor.merchantId) throw new AppError('forbidden', 'This user has no merchant');
  const now = deps.clock.now().toISOString();
  const row: ProductRow = {
    id: uuidv7(),
    merchant_id: actor.merchantId,
    sku: input.sku,
    title: input.title.trim(),
    description: input.description?.trim() ?? '',
    category: input.category.trim(),
    kind: input.kind,
    price_fen: input.priceFen,
    stock: input.stock,
    weight_grams: input.weightGrams,
    status: 'active',
    unit: null,
    origin: null,
    review_note: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await deps.db.transaction().execute((trx) => insertProducts(trx, [row]));
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', `You already have a product with sku ${input.sku}`);
    throw error;
  }
  return { ...toProduct(row), promotion: null };
}
