/**
 * The chart of accounts. An account id is `<kind>` for platform-wide accounts or
 * `<kind>:<owner id>` for per-owner ones (a centre's float, a villager's wallet).
 *
 * Debit-normal kinds (assets, expenses) show their signed balance; credit-normal kinds
 * (what the platform owes: floats, wallets, payables, revenue) show it negated, so every
 * account reads positive in normal use.
 */
export const accountKinds = {
  /** Money the platform holds in its bank / has in cash being paid in or out. */
  cash_clearing: 'debit',
  /** Money a payment gateway collected from storefront buyers and owes the platform. */
  payment_clearing: 'debit',
  /** Promotions the platform pays for. */
  marketing_expense: 'debit',
  /**
   * Service fees a partner took in cash from villagers at the counter. The partner already
   * holds that money, so it is set off against the centre's commission payable at payout.
   */
  partner_fee_cash: 'debit',
  /** A partner's prepaid float: the platform owes it to the centre. */
  partner_float: 'credit',
  /** A villager's wallet balance. */
  villager_wallet: 'credit',
  /** What the platform owes a merchant for goods sold. */
  merchant_payable: 'credit',
  /** Commissions and service fees earned by a centre's partner, not yet paid out. */
  commission_payable: 'credit',
  /** A centre's guarantee fund, from which counter refunds are paid at once. */
  guarantee_fund: 'credit',
  /** What the platform owes a service provider (top-ups, bills, tickets) it has sold through. */
  service_provider_payable: 'credit',
  platform_revenue: 'credit',
  /** A storefront buyer's payment, held until the goods are delivered (or refunded). */
  buyer_prepayment: 'credit',
  /** What the platform owes a village seller for goods delivered, until paid out. */
  seller_payable: 'credit',
  /** What the county's vans and hub earn for carrying village products out. */
  logistics_revenue: 'credit',
  /** Seller payouts sent to the bank in a payout file, until the bank confirms them. */
  payouts_in_transit: 'credit',
} as const;

export type AccountKind = keyof typeof accountKinds;

export function accountId(kind: AccountKind, ownerId?: string): string {
  return ownerId ? `${kind}:${ownerId}` : kind;
}

export function kindOf(account: string): AccountKind {
  const kind = account.split(':')[0] as AccountKind;
  if (!(kind in accountKinds)) throw new Error(`unknown ledger account kind in ${account}`);
  return kind;
}

/** The balance as people read it: positive for money held (debit) or owed (credit). */
export function naturalBalance(account: string, signedFen: number): number {
  if (signedFen === 0) return 0;
  return accountKinds[kindOf(account)] === 'debit' ? signedFen : -signedFen;
}
