import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { findCenter } from '../network/index.ts';
import { advanceOrder } from '../orders/index.ts';
import type { ParcelRow } from './logistics.tables.ts';
import { collectAtCenter } from './outbound.ts';
import { parcelStep } from './parcel-status.ts';
import { addParcelEvent, lockParcelByTracking, updateParcel } from './parcels.repo.ts';
import { issuePickupCode } from './pickup-code.ts';

export type CenterScanResult = { parcelId: string; status: 'ready_for_pickup' | 'in_transit' };

/**
 * A scan at the village centre. `arrived`: the partner takes a parcel off the van. `collected`:
 * the partner hands an outbound parcel (a return, a village product) to the van's driver.
 * A parcel of this county that belongs to another centre is refused as misrouted (409
 * `conflict`, so it goes back to the driver); one of another county is 404.
 */
export async function scanAtCenter(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  centerId: string,
  scan: { trackingNumber: string; type: 'arrived' | 'collected' },
): Promise<CenterScanResult> {
  const center = actor.centerId === centerId ? await findCenter(trx, centerId) : null;
  if (!center) throw new AppError('not_found', 'Centre not found');
  const parcel = await lockParcelByTracking(trx, scan.trackingNumber);
  if (!parcel || parcel.county_id !== center.countyId) throw new AppError('not_found', 'Parcel not found');
  if (parcel.center_id !== centerId) {
    throw new AppError('conflict', 'The parcel is misrouted: it belongs to another centre', {
      reason: 'misrouted',
    });
  }
  return scan.type === 'collected'
    ? collectAtCenter(deps, trx, actor, center.name, parcel)
    : arrive(deps, trx, actor, center.name, parcel);
}

/** Ready for pickup, its order too, and the recipient gets the pickup code by SMS (once). */
async function arrive(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  centerName: string,
  parcel: ParcelRow,
): Promise<CenterScanResult> {
  const next = parcelStep(parcel.direction, parcel.status, 'arrive');
  if (next === null)
    throw invalidState(`A ${parcel.direction} parcel ${parcel.status} cannot arrive`, {
      status: parcel.status,
    });
  if (next === 'repeat') return { parcelId: parcel.id, status: 'ready_for_pickup' };

  const at = deps.clock.now().toISOString();
  if (
    !(await updateParcel(trx, parcel.id, parcel.status, { status: next, arrived_at: at, updated_at: at }))
  ) {
    throw invalidState('The parcel changed meanwhile');
  }
  await addParcelEvent(trx, parcel, { type: next, at, place: centerName, actorId: actor.id });
  if (parcel.order_id) await advanceOrder(trx, parcel.order_id, 'arrive', at, actor.id);
  await issuePickupCode(deps, trx, parcel, centerName);
  return { parcelId: parcel.id, status: 'ready_for_pickup' };
}
