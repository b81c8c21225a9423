import type { FundedBy, PromotionType } from './catalog.tables.ts';

/** A promotion running now for one county, with the part of its scope that matters here. */
export type Offer = {
  id: string;
  name: string;
  type: PromotionType;
  value: number;
  merchantId: string | null;
  fundedBy: FundedBy;
  /** Budget still to give, or null for no budget. */
  remainingFen: number | null;
  productIds: ReadonlySet<string>;
  categories: ReadonlySet<string>;
};

export type Priceable = { id: string; merchantId: string; category: string; priceFen: number };

/** Discount on one unit: whole percent rounded down to the fen, or fixed fen; never below a 0 price. */
export function unitDiscountFen(type: PromotionType, value: number, priceFen: number): number {
  const off = type === 'percent' ? Math.floor((priceFen * value) / 100) : value;
  return Math.max(0, Math.min(off, priceFen));
}

/** A merchant's promotion only ever discounts that merchant's own products. */
export function offerApplies(offer: Offer, product: Priceable): boolean {
  if (offer.merchantId !== null && offer.merchantId !== product.merchantId) return false;
  return offer.productIds.has(product.id) || offer.categories.has(product.category);
}

/**
 * The offer giving the largest discount on `quantity` units, where a budget caps the line at
 * what is left of it; ties go to the older promotion (smaller UUIDv7) so the choice is stable.
 */
export function bestOffer(
  offers: readonly Offer[],
  product: Priceable,
  quantity: number,
): { offer: Offer; discountFen: number } | null {
  let best: { offer: Offer; discountFen: number } | null = null;
  for (const offer of offers) {
    if (!offerApplies(offer, product)) continue;
    const full = unitDiscountFen(offer.type, offer.value, product.priceFen) * quantity;
    const discountFen = offer.remainingFen === null ? full : Math.min(full, offer.remainingFen);
    if (discountFen <= 0) continue;
    if (
      !best ||
      discountFen > best.discountFen ||
      (discountFen === best.discountFen && offer.id < best.offer.id)
    ) {
      best = { offer, discountFen };
    }
  }
  return best;
}
