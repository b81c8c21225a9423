/**
 * How an assisted order's money divides, as pure arithmetic on integer fen.
 *
 * For each line: the villager pays `paid = unit × qty − discount`; the partner earns
 * `commission = ⌊paid × rate⌋` (paid by the merchant); the merchant is owed
 * `paid − commission`, plus the discount when the platform funded the promotion (the
 * platform books that discount as marketing expense). So per line:
 *   paid + platformDiscount = merchantShare + commission.
 */
export type SplitLine = {
  merchantId: string;
  quantity: number;
  unitPriceFen: number;
  discountFen: number;
  commissionFen: number;
  discountFundedBy: 'merchant' | 'platform' | null;
};

export type LineMoney = {
  paidFen: number;
  platformDiscountFen: number;
  merchantShareFen: number;
  commissionFen: number;
};

export function lineMoney(line: SplitLine): LineMoney {
  const paidFen = line.unitPriceFen * line.quantity - line.discountFen;
  const platformDiscountFen = line.discountFundedBy === 'platform' ? line.discountFen : 0;
  return {
    paidFen,
    platformDiscountFen,
    commissionFen: line.commissionFen,
    merchantShareFen: paidFen + platformDiscountFen - line.commissionFen,
  };
}

/**
 * The share of `totalFen` that belongs to units `done+1 … done+n` of `quantity`, rounded so
 * that the shares of all units add up to `totalFen` exactly, whatever the split into
 * partial returns.
 */
export function unitsShare(totalFen: number, quantity: number, done: number, n: number): number {
  return Math.floor((totalFen * (done + n)) / quantity) - Math.floor((totalFen * done) / quantity);
}

/** The money of returning `n` more units of a line of which `done` came back already. */
export function returnedMoney(line: SplitLine, done: number, n: number): LineMoney {
  const full = lineMoney(line);
  const paidFen = unitsShare(full.paidFen, line.quantity, done, n);
  const platformDiscountFen = unitsShare(full.platformDiscountFen, line.quantity, done, n);
  const commissionFen = unitsShare(full.commissionFen, line.quantity, done, n);
  return {
    paidFen,
    platformDiscountFen,
    commissionFen,
    merchantShareFen: paidFen + platformDiscountFen - commissionFen,
  };
}

export type Entry = { account: string; amountFen: number };

/**
 * Ledger entries for money moving in the order's direction (`sign` 1) or back (`sign` −1):
 * the payer's account (float or wallet) pays `paid`; merchants, the centre's commission
 * account and the platform's marketing expense take their parts. Zero legs are dropped;
 * the entries always sum to zero.
 */
export function splitEntries(
  parts: ReadonlyArray<{ merchantId: string; money: LineMoney }>,
  accounts: { payer: string; commission: string; marketing: string; merchant: (id: string) => string },
  sign: 1 | -1,
): Entry[] {
  const sums = new Map<string, number>();
  const add = (account: string, fen: number) => sums.set(account, (sums.get(account) ?? 0) + sign * fen);
  for (const { merchantId, money } of parts) {
    add(accounts.payer, money.paidFen);
    add(accounts.marketing, money.platformDiscountFen);
    add(accounts.merchant(merchantId), -money.merchantShareFen);
    add(accounts.commission, -money.commissionFen);
  }
  return [...sums].filter(([, fen]) => fen !== 0).map(([account, amountFen]) => ({ account, amountFen }));
}
