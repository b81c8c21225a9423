import type { Deps } from '../../deps.ts';
import { monthRange } from '../../shared/month.ts';
import { findMerchant } from '../catalog/index.ts';
import { type Actor, assertFound } from '../identity/index.ts';
import { accountId, naturalBalance } from './accounts.ts';
import { accountEntries, balanceOf } from './balances.ts';

const itemType: Record<string, string> = { order: 'sale', order_cancel: 'cancellation', return: 'return' };

export type MerchantPayable = {
  merchantId: string;
  month: string;
  balanceFen: number;
  items: Array<{ type: string; refId: string | null; amountFen: number; at: string }>;
};

/**
 * What the platform owes a merchant: the balance today, and the month's movements
 * (sales add their share, cancellations and returns take it back). HQ sees every
 * merchant; a merchant its own.
 */
export async function merchantPayable(
  deps: Deps,
  actor: Actor,
  merchantId: string,
  month: string,
): Promise<MerchantPayable> {
  assertFound(actor.role === 'hq_admin' || actor.merchantId === merchantId, 'Merchant');
  // HQ may ask for any merchant: an unknown one is a 404, not an empty account.
  assertFound((await findMerchant(deps.db, merchantId)) !== null, 'Merchant');
  const account = accountId('merchant_payable', merchantId);
  const lines = await accountEntries(deps.db, account, monthRange(month));
  return {
    merchantId,
    month,
    balanceFen: await balanceOf(deps.db, account),
    items: lines.map((l) => ({
      type: itemType[l.kind] ?? l.kind,
      refId: l.refId,
      amountFen: naturalBalance(account, l.amountFen),
      at: l.at,
    })),
  };
}
