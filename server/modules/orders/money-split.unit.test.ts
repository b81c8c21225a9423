import fc from 'fast-check';
import { expect, it } from 'vitest';
import { lineMoney, returnedMoney, type SplitLine, splitEntries, unitsShare } from './money-split.ts';

const accounts = {
  payer: 'partner_float:c',
  commission: 'commission_payable:c',
  marketing: 'marketing_expense',
  merchant: (id: string) => `merchant_payable:${id}`,
};

const arbLine = fc
  .record({
    merchantId: fc.constantFrom('m1', 'm2'),
    quantity: fc.integer({ min: 1, max: 50 }),
    unitPriceFen: fc.integer({ min: 1, max: 500_000 }),
    discountPct: fc.integer({ min: 0, max: 90 }),
    bps: fc.integer({ min: 0, max: 2_000 }),
    discountFundedBy: fc.constantFrom('merchant' as const, 'platform' as const),
  })
  .map(({ discountPct, bps, ...l }): SplitLine => {
    const discountFen = Math.floor((l.unitPriceFen * l.quantity * discountPct) / 100);
    const paid = l.unitPriceFen * l.quantity - discountFen;
    return { ...l, discountFen, commissionFen: Math.floor((paid * bps) / 10_000) };
  });

it('splits every order into entries that sum to zero', () => {
  fc.assert(
    fc.property(fc.array(arbLine, { minLength: 1, maxLength: 6 }), (lines) => {
      const entries = splitEntries(
        lines.map((l) => ({ merchantId: l.merchantId, money: lineMoney(l) })),
        accounts,
        1,
      );
      expect(entries.reduce((s, e) => s + e.amountFen, 0)).toBe(0);
      const paid = lines.reduce((s, l) => s + lineMoney(l).paidFen, 0);
      expect(entries.find((e) => e.account === accounts.payer)?.amountFen ?? 0).toBe(paid);
    }),
  );
});

it('returns in any number of parts give back exactly what the order took', () => {
  fc.assert(
    fc.property(arbLine, fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 10 }), (line, parts) => {
      let done = 0;
      const back = { paidFen: 0, platformDiscountFen: 0, merchantShareFen: 0, commissionFen: 0 };
      for (const wanted of [...parts, line.quantity]) {
        const n = Math.min(wanted, line.quantity - done);
        if (n === 0) break;
        const m = returnedMoney(line, done, n);
        expect(m.paidFen + m.platformDiscountFen).toBe(m.merchantShareFen + m.commissionFen);
        for (const k of Object.keys(back) as (keyof typeof back)[]) back[k] += m[k];
        done += n;
      }
      expect(back).toEqual(lineMoney(line));
    }),
  );
});

it('shares units so partial shares add up exactly', () => {
  expect([unitsShare(100, 3, 0, 1), unitsShare(100, 3, 1, 1), unitsShare(100, 3, 2, 1)]).toEqual([
    33, 33, 34,
  ]);
});
