import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState, validationFailed } from '../../shared/app-error.ts';
import {
  type Actor,
  assertFound,
  canManageCounty,
  canSeeCounty,
  getUser,
  setUserCenter,
} from '../identity/index.ts';
import { findCenterRow, updateCenter } from './network.repo.ts';
import { type Center, toCenter } from './network.views.ts';

/** Links centre and partner on both sides, inside the caller's transaction. */
export async function attachPartner(trx: Trx, centerId: string, userId: string, at: string): Promise<void> {
  await updateCenter(trx, centerId, { partner_user_id: userId });
  await setUserCenter(trx, userId, centerId, at);
}

/**
 * Assigns a partner user of the same county to a centre. A centre has one partner and a
 * partner runs one centre; assigning the same pair again changes nothing.
 */
export async function assignPartner(
  deps: Deps,
  actor: Actor,
  centerId: string,
  userId: string,
): Promise<Center> {
  return deps.db.transaction().execute(async (trx) => {
    const center = await findCenterRow(trx, centerId);
    assertFound(center !== undefined && canSeeCounty(actor, center.county_id), 'Centre');
    if (!canManageCounty(actor, center!.county_id)) {
      throw new AppError('forbidden', 'Only staff of this county may assign partners');
    }
    const user = await getUser(trx, userId);
    if (user?.role !== 'partner' || user.countyId !== center!.county_id) {
      throw validationFailed('userId', 'is not a partner user of this county');
    }
    if (center!.partner_user_id === userId) return toCenter(center!);
    if (center!.status === 'closed') throw invalidState('The centre is closed');
    if (center!.partner_user_id) throw new AppError('conflict', 'The centre already has a partner');
    if (user.centerId) throw new AppError('conflict', 'This partner already runs another centre');
    await attachPartner(trx, centerId, userId, deps.clock.now().toISOString());
    return toCenter({ ...center!, partner_user_id: userId });
  });
}
