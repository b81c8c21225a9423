import type { Trx } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Actor } from '../identity/index.ts';
import { findCenter } from '../network/index.ts';
import type { ParcelRow } from './logistics.tables.ts';
import { type Parcel, toParcel } from './logistics.views.ts';
import { addParcelEvent, findParcelByTracking, insertParcel } from './parcels.repo.ts';

/** An outside carrier's parcel without a declared weight counts as one kilogram. */
export const DEFAULT_PARCEL_GRAMS = 1000;

export type NewParcel = {
  trackingNumber: string;
  carrier: string;
  recipientPhone: string;
  centerId: string;
  weightGrams?: number | undefined;
};

/**
 * County staff register a parcel an outside carrier (express company, postal service)
 * delivered to the hub for a village centre of their county; it then flows like our own.
 */
export async function registerParcel(deps: Deps, trx: Trx, actor: Actor, input: NewParcel): Promise<Parcel> {
  const center = await findCenter(trx, input.centerId);
  if (!center || center.countyId !== actor.countyId) {
    throw validationFailed('centerId', 'no such centre in your county');
  }
  const duplicate = () =>
    new AppError('conflict', `Tracking number ${input.trackingNumber} is already registered`);
  if (await findParcelByTracking(trx, input.trackingNumber)) throw duplicate();
  const at = deps.clock.now().toISOString();
  const row: ParcelRow = {
    id: uuidv7(),
    county_id: center.countyId,
    center_id: center.id,
    direction: 'inbound',
    order_id: null,
    return_id: null,
    tracking_number: input.trackingNumber,
    carrier: input.carrier,
    recipient_phone: input.recipientPhone,
    weight_grams: input.weightGrams ?? DEFAULT_PARCEL_GRAMS,
    status: 'created',
    run_id: null,
    pickup_code_hash: null,
    pickup_attempts: 0,
    exception_reason: null,
    arrived_at: null,
    handoff_carrier: null,
    carrier_tracking_number: null,
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  };
  try {
    await insertParcel(trx, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
  await addParcelEvent(trx, row, { type: 'created', at, place: row.carrier, actorId: actor.id });
  return toParcel(row);
}
