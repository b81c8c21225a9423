import type { Deps } from '../../deps.ts';
import { invalidState } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { type Parcel, toParcel } from './logistics.views.ts';
import { assertCountyStaff, centerPlace } from './parcel-scope.ts';
import { lockParcel } from './parcels.repo.ts';
import { issuePickupCode } from './pickup-code.ts';

/**
 * County staff send a waiting parcel's recipient a new pickup code: the old one stops
 * working and the wrong-attempt lock is lifted (after they have checked who is asking).
 */
export async function resendPickupCode(deps: Deps, actor: Actor, parcelId: string): Promise<Parcel> {
  return deps.db.transaction().execute(async (trx) => {
    const parcel = assertCountyStaff(actor, await lockParcel(trx, parcelId));
    if (parcel.status !== 'ready_for_pickup') throw invalidState(`The parcel is ${parcel.status}`);
    await issuePickupCode(deps, trx, parcel, await centerPlace(trx, parcel.center_id));
    return toParcel({ ...parcel, pickup_attempts: 0 });
  });
}
