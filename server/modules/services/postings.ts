import { accountId } from '../ledger/index.ts';
import type { ServicePayment } from './services.tables.ts';

/**
 * The money of a service request, as ledger entries (debit positive). One transaction when
 * the request is taken (`service_fee`), its exact reverse when it fails (`service_refund`).
 *
 * - The payer — the centre's float (the partner keeps the villager's cash) or the villager's
 *   wallet — is debited exactly `amountFen`, now owed to the provider.
 * - The fee is cash the villager hands the partner on top, never the platform's: it is
 *   earned on the centre's commission account (so the statement shows it as
 *   `serviceFeesFen`) and, because the partner already holds it, set off by the same amount
 *   on `partner_fee_cash`, netted at payout. Neither the float nor the trial balance moves.
 */
export function chargeEntries(r: {
  payment: ServicePayment;
  centerId: string;
  villagerId: string;
  provider: string;
  amountFen: number;
  feeFen: number;
}) {
  const payer = payerAccount(r);
  const entries = [
    { account: payer, amountFen: r.amountFen },
    { account: accountId('service_provider_payable', r.provider), amountFen: -r.amountFen },
  ];
  if (r.feeFen > 0) {
    entries.push(
      { account: accountId('partner_fee_cash', r.centerId), amountFen: r.feeFen },
      { account: accountId('commission_payable', r.centerId), amountFen: -r.feeFen },
    );
  }
  return { entries, payer };
}

export function refundEntries(r: Parameters<typeof chargeEntries>[0]) {
  return chargeEntries(r).entries.map((e) => ({ account: e.account, amountFen: -e.amountFen }));
}

export function payerAccount(r: { payment: ServicePayment; centerId: string; villagerId: string }): string {
  return r.payment === 'float'
    ? accountId('partner_float', r.centerId)
    : accountId('villager_wallet', r.villagerId);
}

export const providerAccount = (provider: string) => accountId('service_provider_payable', provider);
