import fc from 'fast-check';
import { expect, it } from 'vitest';
import { bestOffer, type Offer, unitDiscountFen } from './promotion-pricing.ts';

const offer = (o: Partial<Offer>): Offer => ({
  id: 'p1',
  name: 'x',
  type: 'percent',
  value: 10,
  merchantId: null,
  fundedBy: 'platform',
  remainingFen: null,
  productIds: new Set(['a']),
  categories: new Set(),
  ...o,
});
const product = { id: 'a', merchantId: 'm1', category: '化肥', priceFen: 999 };

it('rounds percent discounts down and never goes below a zero price', () => {
  expect(unitDiscountFen('percent', 10, 999)).toBe(99);
  expect(unitDiscountFen('fixed', 5_000, 999)).toBe(999);
  fc.assert(
    fc.property(
      fc.constantFrom('percent' as const, 'fixed' as const),
      fc.integer({ min: 1, max: 90 }),
      fc.integer({ min: 1, max: 10 ** 9 }),
      (type, value, price) => {
        const d = unitDiscountFen(type, value, price);
        return Number.isInteger(d) && d >= 0 && d <= price;
      },
    ),
  );
});

it('picks the largest discount, capped by what is left of a budget', () => {
  const pct = offer({ id: 'p1', value: 10 });
  const fixed = offer({ id: 'p2', type: 'fixed', value: 300, remainingFen: 200 });
  expect(bestOffer([pct, fixed], product, 1)).toMatchObject({ offer: { id: 'p2' }, discountFen: 200 });
  expect(bestOffer([pct, fixed], product, 3)).toMatchObject({ offer: { id: 'p1' }, discountFen: 297 });
  expect(bestOffer([offer({ remainingFen: 0 })], product, 1)).toBeNull();
});

it('applies a merchant promotion to that merchant only, by product or category', () => {
  const byCategory = offer({ merchantId: 'm2', productIds: new Set(), categories: new Set(['化肥']) });
  expect(bestOffer([byCategory], product, 1)).toBeNull();
  expect(bestOffer([{ ...byCategory, merchantId: 'm1' }], product, 1)?.discountFen).toBe(99);
  expect(bestOffer([offer({ productIds: new Set(['b']) })], product, 1)).toBeNull();
});
