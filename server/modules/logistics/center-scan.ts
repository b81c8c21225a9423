import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { findCenter } from '../network/index.ts';
import { advanceOrder } from '../orders/index.ts';
import { parcelStep } from './parcel-status.ts';
import { addParcelEvent, lockParcelByTracking, updateParcel } from './parcels.repo.ts';
import { issuePickupCode } from './pickup-code.ts';

/**
 * The partner scans a parcel off the van: it is ready for pickup, its order too, and the
 * recipient gets the pickup code by SMS. A repeated scan records nothing and sends no second
 * SMS. A parcel of this county addressed to another centre is refused as misrouted (409
 * `conflict`, so the partner hands it back to the driver); one of another county is 404.
 */
export async function scanAtCenter(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  centerId: string,
  trackingNumber: string,
): Promise<{ parcelId: string; status: 'ready_for_pickup' }> {
  const center = actor.centerId === centerId ? await findCenter(trx, centerId) : null;
  if (!center) throw new AppError('not_found', 'Centre not found');
  const parcel = await lockParcelByTracking(trx, trackingNumber);
  if (!parcel || parcel.county_id !== center.countyId) throw new AppError('not_found', 'Parcel not found');
  if (parcel.center_id !== centerId) {
    throw new AppError('conflict', 'The parcel is misrouted: it is addressed to another centre', {
      reason: 'misrouted',
    });
  }
  const next = parcelStep(parcel.status, 'arrive');
  if (next === null) throw invalidState(`A parcel ${parcel.status} cannot arrive`, { status: parcel.status });
  if (next === 'repeat') return { parcelId: parcel.id, status: 'ready_for_pickup' };

  const at = deps.clock.now().toISOString();
  if (
    !(await updateParcel(trx, parcel.id, parcel.status, { status: next, arrived_at: at, updated_at: at }))
  ) {
    throw invalidState('The parcel changed meanwhile');
  }
  await addParcelEvent(trx, parcel, { type: next, at, place: center.name, actorId: actor.id });
  if (parcel.order_id) await advanceOrder(trx, parcel.order_id, 'arrive', at, actor.id);
  await issuePickupCode(deps, trx, parcel, center.name);
  return { parcelId: parcel.id, status: 'ready_for_pickup' };
}
