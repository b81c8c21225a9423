import type { UpstreamRates } from '../fees/index.ts';

export type SaleLine = { sellerId: string; grossFen: number };
export type SellerPart = {
  sellerId: string;
  grossFen: number;
  sellerShareFen: number;
  partnerFeeFen: number;
  platformFeeFen: number;
  logisticsFen: number;
};

/**
 * How a delivered order's payment is shared: the partner's and the platform's fees are basis
 * points of the gross (rounded down), logistics is per started kilogram with a minimum but
 * never more than what is left, and each fee is spread over the order's sellers in proportion
 * to their gross (largest remainder), so every part is whole fen and the parts add up exactly.
 */
export function splitSale(
  lines: readonly SaleLine[],
  weightGrams: number,
  rates: UpstreamRates,
): SellerPart[] {
  const bySeller = new Map<string, number>();
  for (const l of lines) bySeller.set(l.sellerId, (bySeller.get(l.sellerId) ?? 0) + l.grossFen);
  const sellers = [...bySeller].map(([sellerId, grossFen]) => ({ sellerId, grossFen }));
  const gross = sellers.reduce((s, x) => s + x.grossFen, 0);
  const partnerFee = Math.floor((gross * rates.partnerBps) / 10_000);
  const platformFee = Math.floor((gross * rates.platformBps) / 10_000);
  const perKg = Math.max(rates.logisticsMinFen, Math.ceil(weightGrams / 1000) * rates.logisticsFenPerKg);
  const logistics = Math.max(0, Math.min(perKg, gross - partnerFee - platformFee));
  const weights = sellers.map((s) => s.grossFen);
  const partner = allocate(partnerFee, weights);
  const platform = allocate(platformFee, weights);
  const carriage = allocate(logistics, weights);
  return sellers.map((s, i) => ({
    sellerId: s.sellerId,
    grossFen: s.grossFen,
    partnerFeeFen: partner[i]!,
    platformFeeFen: platform[i]!,
    logisticsFen: carriage[i]!,
    sellerShareFen: s.grossFen - partner[i]! - platform[i]! - carriage[i]!,
  }));
}

/** `total` in whole fen over `weights`, proportionally; the leftover fen go to the largest remainders. */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}
