import type { Trx } from '../../db/create-db.ts';
import { forUpdate, isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { findProduct } from '../catalog/index.ts';
import type { Actor } from '../identity/index.ts';
import { returnedGoods } from '../orders/index.ts';
import { settleDelivery } from '../upstream/index.ts';
import type { ParcelRow } from './logistics.tables.ts';
import { type Parcel, toParcel } from './logistics.views.ts';
import { assertCountyStaff, centerPlace, hubPlace } from './parcel-scope.ts';
import { type ParcelAction, parcelStep } from './parcel-status.ts';
import { addParcelEvent, insertParcel, lockParcel, updateParcel } from './parcels.repo.ts';
import { trackingNumber } from './ship-order.ts';

export type NewOutboundParcel = {
  countyId: string;
  centerId: string;
  orderId: string | null;
  returnId: string | null;
  /** Who the goods go to: the buyer's phone for a sale; empty for goods going back to a merchant. */
  recipientPhone: string;
  weightGrams: number;
  /** Shown as the parcel's sender on the tracking page. */
  sender: string;
  actorId: string | null;
};

/**
 * A parcel that leaves a village centre: it waits there for the next van that visits,
 * which brings it to the hub for an outside carrier.
 */
export async function createOutboundParcel(
  deps: Deps,
  trx: Trx,
  input: NewOutboundParcel,
): Promise<ParcelRow> {
  const at = deps.clock.now().toISOString();
  const row: ParcelRow = {
    id: uuidv7(),
    county_id: input.countyId,
    center_id: input.centerId,
    direction: 'outbound',
    order_id: input.orderId,
    return_id: input.returnId,
    tracking_number: trackingNumber(),
    carrier: input.sender,
    recipient_phone: input.recipientPhone,
    weight_grams: Math.max(1, input.weightGrams),
    status: 'awaiting_collection',
    run_id: null,
    pickup_code_hash: null,
    pickup_attempts: 0,
    exception_reason: null,
    arrived_at: null,
    handoff_carrier: null,
    carrier_tracking_number: null,
    created_by: input.actorId ?? 'system',
    created_at: at,
    updated_at: at,
  };
  await insertParcel(trx, row);
  await addParcelEvent(trx, row, {
    type: 'awaiting_collection',
    at,
    place: await centerPlace(trx, row.center_id),
    actorId: input.actorId,
  });
  return row;
}

/**
 * The outbox answer to a counter return: one parcel with the returned goods, weighed from the
 * catalog, waiting at the centre. A second delivery of the same request finds the parcel there
 * (unique per return) and does nothing.
 */
export async function createReturnParcel(deps: Deps, payload: Record<string, unknown>): Promise<void> {
  const returnId = String(payload.returnId);
  await deps.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('parcels').select('id').where('return_id', '=', returnId).executeTakeFirst())
      return;
    const goods = await returnedGoods(trx, returnId);
    if (!goods) throw new Error(`return ${returnId} not found`);
    let grams = 0;
    for (const line of goods.lines)
      grams += ((await findProduct(trx, line.productId))?.weightGrams ?? 0) * line.quantity;
    try {
      await createOutboundParcel(deps, trx, {
        countyId: goods.countyId,
        centerId: goods.centerId,
        orderId: goods.orderId,
        returnId,
        recipientPhone: '',
        weightGrams: grams,
        sender: '退货',
        actorId: typeof payload.actorId === 'string' ? payload.actorId : null,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  });
}

/**
 * The partner hands an outbound parcel to the van's driver: it is on its way to the hub.
 * A repeated scan records nothing.
 */
export async function collectAtCenter(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  centerName: string,
  parcel: ParcelRow,
): Promise<{ parcelId: string; status: 'in_transit' }> {
  const next = parcelStep(parcel.direction, parcel.status, 'collect');
  if (next === null)
    throw invalidState(`A ${parcel.direction} parcel ${parcel.status} cannot be collected`, {
      status: parcel.status,
    });
  if (next === 'repeat') return { parcelId: parcel.id, status: 'in_transit' };
  const at = deps.clock.now().toISOString();
  if (!(await updateParcel(trx, parcel.id, parcel.status, { status: next, updated_at: at })))
    throw invalidState('The parcel changed meanwhile');
  await addParcelEvent(trx, parcel, {
    type: next,
    at,
    place: centerName,
    actorId: actor.id,
    ...(parcel.run_id ? { data: { runId: parcel.run_id } } : {}),
  });
  return { parcelId: parcel.id, status: 'in_transit' };
}

/** County staff give an outbound parcel at the hub to an outside carrier, with its number. */
export function handOffParcel(
  deps: Deps,
  actor: Actor,
  parcelId: string,
  input: { carrier: string; carrierTrackingNumber: string },
): Promise<Parcel> {
  return step(deps, byStaff(actor, parcelId), actor.id, 'hand_off', {
    handoff_carrier: input.carrier,
    carrier_tracking_number: input.carrierTrackingNumber,
  });
}

/** County staff record that the carrier delivered an outbound parcel. */
export function markDelivered(deps: Deps, actor: Actor, parcelId: string): Promise<Parcel> {
  return step(deps, byStaff(actor, parcelId), actor.id, 'deliver', {});
}

/** The carrier itself reports the delivery of a parcel it took, under its own tracking number. */
export function deliveredByCarrier(
  deps: Deps,
  input: { carrier: string; carrierTrackingNumber: string },
): Promise<Parcel> {
  const find = async (trx: Trx) => {
    const parcel = await forUpdate(
      trx,
      trx
        .selectFrom('parcels')
        .selectAll()
        .where('handoff_carrier', '=', input.carrier)
        .where('carrier_tracking_number', '=', input.carrierTrackingNumber),
    ).executeTakeFirst();
    if (!parcel) throw new AppError('not_found', 'Parcel not found');
    return parcel;
  };
  return step(deps, find, null, 'deliver', {});
}

const byStaff = (actor: Actor, parcelId: string) => async (trx: Trx) =>
  assertCountyStaff(actor, await lockParcel(trx, parcelId));

async function step(
  deps: Deps,
  find: (trx: Trx) => Promise<ParcelRow>,
  actorId: string | null,
  action: Extract<ParcelAction, 'hand_off' | 'deliver'>,
  patch: Partial<ParcelRow>,
): Promise<Parcel> {
  return deps.db.transaction().execute(async (trx) => {
    const parcel = await find(trx);
    const next = parcelStep(parcel.direction, parcel.status, action);
    if (next === null)
      throw invalidState(
        `A ${parcel.direction} parcel ${parcel.status} cannot be ${action.replace('_', ' ')}`,
        {
          status: parcel.status,
        },
      );
    if (next === 'repeat') return toParcel(parcel);
    const at = deps.clock.now().toISOString();
    const changed = { ...patch, status: next, updated_at: at };
    if (!(await updateParcel(trx, parcel.id, parcel.status, changed)))
      throw invalidState('The parcel changed meanwhile');
    const carrier = patch.handoff_carrier ?? parcel.handoff_carrier;
    // A storefront order's parcel reached its buyer: the sale is settled with the delivery.
    if (action === 'deliver' && parcel.order_id && !parcel.return_id) {
      await settleDelivery(deps, trx, parcel.order_id);
    }
    await addParcelEvent(trx, parcel, {
      type: next,
      at,
      place: action === 'hand_off' ? await hubPlace(trx, parcel.county_id) : (carrier ?? ''),
      actorId,
      ...(action === 'hand_off'
        ? { data: { carrier, carrierTrackingNumber: patch.carrier_tracking_number } }
        : {}),
    });
    return toParcel({ ...parcel, ...changed });
  });
}
