import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import { type Actor, assertFound, canSeeCounty } from '../identity/index.ts';
import { accountId, post } from '../ledger/index.ts';

/**
 * A merchant has its goods back from a return the guarantee fund paid at once: its payable
 * repays the fund, for its own lines of that return. County staff may settle on a
 * merchant's behalf. Settling twice changes nothing the second time.
 */
export async function settleReturn(
  deps: Deps,
  actor: Actor,
  returnId: string,
): Promise<{ returnId: string; settledFen: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const ret = await trx
      .selectFrom('order_returns')
      .selectAll()
      .where('id', '=', returnId)
      .executeTakeFirst();
    const all = ret
      ? await trx.selectFrom('order_return_lines').selectAll().where('return_id', '=', returnId).execute()
      : [];
    const lines = actor.role === 'merchant' ? all.filter((l) => l.merchant_id === actor.merchantId) : all;
    const visible =
      ret !== undefined &&
      (actor.role === 'hq_admin' ||
        (actor.role === 'county_staff' && canSeeCounty(actor, ret.county_id)) ||
        (actor.role === 'merchant' && lines.length > 0));
    assertFound(visible, 'Return');
    if (!ret) throw new AppError('not_found', 'Return not found');
    if (ret.paid_from !== 'guarantee_fund')
      throw invalidState('This return was not paid from the guarantee fund');
    const open = lines.filter((l) => l.settled_at === null && l.merchant_id);
    const at = deps.clock.now().toISOString();
    const fund = accountId('guarantee_fund', ret.center_id);
    const byMerchant = new Map<string, number>();
    for (const l of open)
      byMerchant.set(l.merchant_id!, (byMerchant.get(l.merchant_id!) ?? 0) + Number(l.merchant_share_fen));
    const total = [...byMerchant.values()].reduce((s, v) => s + v, 0);
    if (total > 0) {
      await post(trx, deps.clock, {
        kind: 'return_settlement',
        refId: ret.id,
        countyId: ret.county_id,
        entries: [
          ...[...byMerchant].map(([merchantId, fen]) => ({
            account: accountId('merchant_payable', merchantId),
            amountFen: fen,
          })),
          { account: fund, amountFen: -total },
        ],
      });
    }
    for (const l of open) {
      await trx
        .updateTable('order_return_lines')
        .set({ settled_at: at })
        .where('return_id', '=', ret.id)
        .where('product_id', '=', l.product_id)
        .where('settled_at', 'is', null)
        .execute();
    }
    return { returnId: ret.id, settledFen: total };
  });
}
