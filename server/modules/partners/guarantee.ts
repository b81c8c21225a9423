import type { Trx } from '../../db/create-db.ts';
import { type Deps, inTrx } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, canManageCounty } from '../identity/index.ts';
import { accountId, balanceOf, post } from '../ledger/index.ts';
import { getCenter } from '../network/index.ts';

export const guaranteeAccount = (centerId: string) => accountId('guarantee_fund', centerId);

/**
 * Money set aside for a centre (by the partner or the county's programme) so that counter
 * refunds can be paid at once, before the merchant has the goods back and settles.
 */
export async function recordGuaranteeDeposit(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  centerId: string,
  input: { amountFen: number; reference: string },
): Promise<{ id: string; centerId: string; amountFen: number; reference: string; balanceFen: number }> {
  const center = await getCenter(inTrx(deps, trx), actor, centerId);
  if (actor.role !== 'county_staff' || !canManageCounty(actor, center.countyId)) {
    throw new AppError('forbidden', 'Guarantee deposits are recorded by the county’s staff');
  }
  const id = uuidv7();
  await post(trx, deps.clock, {
    kind: 'guarantee_deposit',
    refId: id,
    countyId: center.countyId,
    memo: input.reference,
    entries: [
      { account: accountId('cash_clearing'), amountFen: input.amountFen },
      { account: guaranteeAccount(center.id), amountFen: -input.amountFen },
    ],
  });
  return {
    id,
    centerId,
    amountFen: input.amountFen,
    reference: input.reference,
    balanceFen: await balanceOf(trx, guaranteeAccount(center.id), center.countyId),
  };
}

export async function guaranteeBalance(
  deps: Deps,
  actor: Actor,
  centerId: string,
): Promise<{ centerId: string; balanceFen: number }> {
  const center = await getCenter(deps, actor, centerId);
  return { centerId, balanceFen: await balanceOf(deps.db, guaranteeAccount(centerId), center.countyId) };
}
