import type { Trx } from '../../db/create-db.ts';
import { type Deps, inTrx } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { accountId, balanceOf, post } from '../ledger/index.ts';
import { getVillager } from './villagers.ts';

export async function walletBalance(
  deps: Deps,
  actor: Actor,
  villagerId: string,
): Promise<{ balanceFen: number }> {
  const villager = await getVillager(deps, actor, villagerId);
  return {
    balanceFen: await balanceOf(deps.db, accountId('villager_wallet', villager.id), villager.countyId),
  };
}

/**
 * A villager pays cash into the wallet at the counter: the partner keeps the cash and the
 * same amount moves from the centre's float to the wallet, in one ledger transaction.
 */
export async function topUpWallet(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  villagerId: string,
  amountFen: number,
): Promise<{ villagerId: string; amountFen: number; balanceFen: number }> {
  const villager = await getVillager(inTrx(deps, trx), actor, villagerId);
  if (actor.role !== 'partner' || actor.centerId !== villager.centerId) {
    throw new AppError('forbidden', 'Only the partner of the villager’s centre takes wallet top-ups');
  }
  const wallet = accountId('villager_wallet', villager.id);
  const float = accountId('partner_float', villager.centerId);
  await post(trx, deps.clock, {
    kind: 'wallet_topup',
    refId: villager.id,
    countyId: villager.countyId,
    entries: [
      { account: float, amountFen },
      { account: wallet, amountFen: -amountFen },
    ],
    noOverdraft: [float],
  });
  return { villagerId, amountFen, balanceFen: await balanceOf(trx, wallet, villager.countyId) };
}
