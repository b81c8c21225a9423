import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { advanceOrder, getOrder, type OrderWithEvents, orderSummary } from '../orders/index.ts';
import type { ParcelRow } from './logistics.tables.ts';
import { MAX_PICKUP_ATTEMPTS, type Parcel, toParcel } from './logistics.views.ts';
import { centerPlace } from './parcel-scope.ts';
import { addParcelEvent, findParcelRow, lockParcel, parcelOfOrder, updateParcel } from './parcels.repo.ts';
import { codeMatches } from './pickup-code.ts';

/** The villager collects an assisted order's parcel with the SMS code; the order is completed. */
export async function pickUpOrder(
  deps: Deps,
  actor: Actor,
  orderId: string,
  code: string,
): Promise<OrderWithEvents> {
  return collect(deps, actor, code, async (trx) => {
    const order = await orderSummary(trx, orderId);
    if (!order || actor.role !== 'partner' || order.centerId !== actor.centerId) {
      throw new AppError('not_found', 'Order not found');
    }
    const parcel = await parcelOfOrder(trx, orderId);
    if (!parcel) throw invalidState('The order has not been shipped yet');
    return parcel;
  }).then(() => getOrder(deps, actor, orderId));
}

/** The recipient collects a parcel (an outside carrier's, or an order's) with the SMS code. */
export async function pickUpParcel(
  deps: Deps,
  actor: Actor,
  parcelId: string,
  code: string,
): Promise<Parcel> {
  const picked = await collect(deps, actor, code, async (trx) => {
    const parcel = await findParcelRow(trx, parcelId);
    if (!parcel || parcel.center_id !== actor.centerId) throw new AppError('not_found', 'Parcel not found');
    return parcel;
  });
  return toParcel(picked);
}

/**
 * Checks the code against the stored hash. A wrong code is counted — and the count commits
 * even though the request fails — so five guesses lock the parcel until county staff send
 * a new code. Only the partner of the parcel's centre hands parcels over.
 */
async function collect(
  deps: Deps,
  actor: Actor,
  code: string,
  find: (trx: Trx) => Promise<ParcelRow>,
): Promise<ParcelRow> {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const parcel = (await lockParcel(trx, (await find(trx)).id))!;
    if (parcel.status !== 'ready_for_pickup') throw invalidState(`The parcel is ${parcel.status}`);
    if (parcel.pickup_attempts >= MAX_PICKUP_ATTEMPTS) {
      throw invalidState('Too many wrong pickup codes; ask the county centre to send a new code', {
        locked: true,
      });
    }
    const at = deps.clock.now().toISOString();
    if (!codeMatches(parcel, code)) {
      const attempts = parcel.pickup_attempts + 1;
      await updateParcel(trx, parcel.id, parcel.status, { pickup_attempts: attempts, updated_at: at });
      return { ok: false, attemptsLeft: MAX_PICKUP_ATTEMPTS - attempts } as const;
    }
    await updateParcel(trx, parcel.id, parcel.status, { status: 'picked_up', updated_at: at });
    await addParcelEvent(trx, parcel, {
      type: 'picked_up',
      at,
      place: await centerPlace(trx, parcel.center_id),
      actorId: actor.id,
    });
    if (parcel.order_id) await advanceOrder(trx, parcel.order_id, 'pick_up', at, actor.id);
    return { ok: true, parcel: { ...parcel, status: 'picked_up' as const, updated_at: at } } as const;
  });
  if (!outcome.ok) {
    throw new AppError('invalid_pickup_code', 'The pickup code is wrong', {
      attemptsLeft: outcome.attemptsLeft,
    });
  }
  return outcome.parcel;
}
