import type { Queryable } from '../../db/create-db.ts';
import type { CatalogueProduct, Product } from './product.views.ts';
import { bestOffer, unitDiscountFen } from './promotion-pricing.ts';
import { offersFor } from './promotions.repo.ts';

/**
 * Each product with the best promotion a caller in `countyId` would get on one unit at `at`
 * (null county: promotions for every county only). Indicative: the order prices for real.
 */
export async function withPromotions(
  db: Queryable,
  products: Product[],
  countyId: string | null,
  at: string,
): Promise<CatalogueProduct[]> {
  const offers = await offersFor(db, {
    countyId,
    at,
    productIds: products.map((p) => p.id),
    categories: [...new Set(products.map((p) => p.category))],
  });
  return products.map((p) => {
    const best = offers.length ? bestOffer(offers, p, 1) : null;
    if (!best) return { ...p, promotion: null };
    const { offer } = best;
    return {
      ...p,
      promotion: {
        id: offer.id,
        name: offer.name,
        type: offer.type,
        value: offer.value,
        unitPriceAfterFen: p.priceFen - unitDiscountFen(offer.type, offer.value, p.priceFen),
      },
    };
  });
}
