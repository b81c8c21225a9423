import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { findProduct, LOCAL_SPECIALTY, type Product, reviewLocalProduct } from '../catalog/index.ts';
import type { Actor } from '../identity/index.ts';
import { sellerOfMerchant } from './sellers.ts';

/**
 * County staff of the seller's county check a village product for quality and authenticity:
 * approved it goes on the storefront; rejected it carries the reason back to the partner.
 */
export async function reviewProduct(
  deps: Deps,
  actor: Actor,
  productId: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<Product> {
  return deps.db.transaction().execute(async (trx) => {
    const product = await findProduct(trx, productId);
    const seller =
      product?.kind === LOCAL_SPECIALTY ? await sellerOfMerchant(trx, product.merchantId) : undefined;
    if (!seller || actor.role !== 'county_staff' || actor.countyId !== seller.county_id) {
      throw new AppError('not_found', 'Product not found');
    }
    return reviewLocalProduct(trx, deps.clock, productId, decision);
  });
}
