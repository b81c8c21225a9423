import type { Trx } from '../../db/create-db.ts';
import { type Deps, inTrx } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertFound, canManageCounty, canSeeCenter } from '../identity/index.ts';
import { accountId, balanceOf, post } from '../ledger/index.ts';
import { getCenter } from '../network/index.ts';

export type FloatDeposit = {
  id: string;
  centerId: string;
  amountFen: number;
  reference: string;
  recordedBy: string;
  balanceFen: number;
  createdAt: string;
};

export const floatAccount = (centerId: string) => accountId('partner_float', centerId);

/**
 * County staff record money a partner paid in (cash at the county office, a bank transfer):
 * the platform now holds it (cash clearing) and owes it to the centre as float.
 */
export async function recordFloatDeposit(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  centerId: string,
  input: { amountFen: number; reference: string },
): Promise<FloatDeposit> {
  const center = await getCenter(inTrx(deps, trx), actor, centerId);
  if (!canManageCounty(actor, center.countyId) || actor.role !== 'county_staff') {
    throw new AppError('forbidden', 'Float deposits are recorded by the county’s staff');
  }
  const id = uuidv7();
  const createdAt = deps.clock.now().toISOString();
  await trx
    .insertInto('float_deposits')
    .values({
      id,
      center_id: center.id,
      county_id: center.countyId,
      amount_fen: input.amountFen,
      reference: input.reference,
      recorded_by: actor.id,
      created_at: createdAt,
    })
    .execute();
  await post(trx, deps.clock, {
    kind: 'float_deposit',
    refId: id,
    countyId: center.countyId,
    memo: input.reference,
    entries: [
      { account: accountId('cash_clearing'), amountFen: input.amountFen },
      { account: floatAccount(center.id), amountFen: -input.amountFen },
    ],
  });
  return {
    id,
    centerId: center.id,
    amountFen: input.amountFen,
    reference: input.reference,
    recordedBy: actor.id,
    balanceFen: await balanceOf(trx, floatAccount(center.id), center.countyId),
    createdAt,
  };
}

export async function floatBalance(
  deps: Deps,
  actor: Actor,
  centerId: string,
): Promise<{ centerId: string; balanceFen: number }> {
  const center = await getCenter(deps, actor, centerId);
  assertFound(canSeeCenter(actor, center), 'Centre');
  return { centerId, balanceFen: await balanceOf(deps.db, floatAccount(centerId), center.countyId) };
}

export async function listFloatDeposits(deps: Deps, actor: Actor, centerId: string) {
  await getCenter(deps, actor, centerId);
  const rows = await deps.db
    .selectFrom('float_deposits')
    .selectAll()
    .where('center_id', '=', centerId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    centerId: r.center_id,
    amountFen: Number(r.amount_fen),
    reference: r.reference,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
  }));
}
