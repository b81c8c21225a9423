import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import { type Actor, assertFound } from '../identity/index.ts';
import type { ProductRow, settableStatuses } from './catalog.tables.ts';
import { type Product, toProduct } from './product.views.ts';
import { findProductRow, updateProductRow } from './products.repo.ts';

export type ProductPatch = {
  priceFen?: number;
  stock?: number;
  status?: (typeof settableStatuses)[number];
};

/**
 * A merchant changes the price, the available stock or the status of its own products;
 * HQ may only change the status (take a product down, or put it back). Another merchant's
 * product answers 404, as if it did not exist.
 */
export async function updateProduct(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: ProductPatch,
): Promise<Product> {
  if (actor.role === 'hq_admin' && (patch.priceFen !== undefined || patch.stock !== undefined)) {
    throw new AppError('forbidden', 'HQ may change only the status of a product');
  }
  return deps.db.transaction().execute(async (trx) => {
    const row = await findProductRow(trx, id);
    assertFound(
      row !== undefined && (actor.role === 'hq_admin' || row.merchant_id === actor.merchantId),
      'Product',
    );
    if (patch.status && (row!.status === 'pending_review' || row!.status === 'rejected')) {
      throw invalidState('A village product goes on sale only through the county’s review');
    }
    const changes: Partial<ProductRow> = { updated_at: deps.clock.now().toISOString() };
    if (patch.priceFen !== undefined) changes.price_fen = patch.priceFen;
    if (patch.stock !== undefined) changes.stock = patch.stock;
    if (patch.status !== undefined && patch.status !== row!.status) changes.status = patch.status;
    await updateProductRow(trx, id, changes);
    return toProduct({ ...row!, ...changes });
  });
}
