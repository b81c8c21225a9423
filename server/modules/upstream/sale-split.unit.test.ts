import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSale } from './sale-split.ts';

const rates = { partnerBps: 500, platformBps: 300, logisticsFenPerKg: 200, logisticsMinFen: 600 };

describe('storefront sale split', () => {
  it('shares a plain sale by the rates', () => {
    expect(splitSale([{ sellerId: 's', grossFen: 10_000 }], 2_500, rates)).toEqual([
      {
        sellerId: 's',
        grossFen: 10_000,
        partnerFeeFen: 500,
        platformFeeFen: 300,
        logisticsFen: 600,
        sellerShareFen: 8_600,
      },
    ]);
  });

  it('charges logistics per started kilogram above the minimum, never more than is left', () => {
    expect(splitSale([{ sellerId: 's', grossFen: 10_000 }], 5_001, rates)[0]!.logisticsFen).toBe(1_200);
    const tiny = splitSale([{ sellerId: 's', grossFen: 300 }], 20_000, rates)[0]!;
    expect(tiny).toMatchObject({
      partnerFeeFen: 15,
      platformFeeFen: 9,
      logisticsFen: 276,
      sellerShareFen: 0,
    });
  });

  it('always adds up to the gross in whole, non-negative fen, per seller and in total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sellerId: fc.constantFrom('a', 'b', 'c'),
            grossFen: fc.integer({ min: 1, max: 5_000_000 }),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.integer({ min: 1, max: 200_000 }),
        fc.record({
          partnerBps: fc.integer({ min: 0, max: 3_000 }),
          platformBps: fc.integer({ min: 0, max: 3_000 }),
          logisticsFenPerKg: fc.integer({ min: 0, max: 2_000 }),
          logisticsMinFen: fc.integer({ min: 0, max: 5_000 }),
        }),
        (lines, grams, r) => {
          const parts = splitSale(lines, grams, r);
          const gross = lines.reduce((s, l) => s + l.grossFen, 0);
          expect(parts.reduce((s, p) => s + p.grossFen, 0)).toBe(gross);
          for (const p of parts) {
            for (const v of [p.sellerShareFen, p.partnerFeeFen, p.platformFeeFen, p.logisticsFen]) {
              expect(Number.isInteger(v) && v >= 0).toBe(true);
            }
            expect(p.sellerShareFen + p.partnerFeeFen + p.platformFeeFen + p.logisticsFen).toBe(p.grossFen);
          }
          expect(parts.reduce((s, p) => s + p.partnerFeeFen, 0)).toBe(
            Math.floor((gross * r.partnerBps) / 10_000),
          );
        },
      ),
    );
  });
});
