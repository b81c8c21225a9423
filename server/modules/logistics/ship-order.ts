import { randomBytes } from 'node:crypto';
import type { Trx } from '../../db/create-db.ts';
import { type Deps, inTrx } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { findMerchant, findProduct } from '../catalog/index.ts';
import type { Actor } from '../identity/index.ts';
import { advanceOrder, getOrder, orderSummary } from '../orders/index.ts';
import { findVillager } from '../villagers/index.ts';
import type { ParcelRow } from './logistics.tables.ts';
import { addParcelEvent, insertParcel } from './parcels.repo.ts';

/** Our own tracking numbers: CT + 12 hex digits, 2^48 of them, so collisions are not a concern. */
export const trackingNumber = () => `CT${randomBytes(6).toString('hex').toUpperCase()}`;

/**
 * A merchant ships a placed order: one parcel, addressed to the county hub of the order's
 * centre, for the villager's phone, weighing what the order's products weigh (or what the
 * merchant weighed). The order becomes `shipped`. One parcel carries the whole order, so an
 * order with goods of several merchants is shipped once, by any of them.
 */
export async function shipOrder(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  orderId: string,
  input: { weightGrams?: number | undefined },
): Promise<{ parcelId: string; trackingNumber: string }> {
  const order = await orderSummary(trx, orderId);
  if (!order || !actor.merchantId || !order.merchantIds.includes(actor.merchantId)) {
    throw new AppError('not_found', 'Order not found');
  }
  if (order.status !== 'placed')
    throw invalidState(`A ${order.status} order cannot be shipped`, { status: order.status });
  const villager = await findVillager(trx, order.villagerId);
  if (!villager) throw invalidState('The order’s villager is gone');
  const weight = input.weightGrams ?? (await orderWeight(deps, trx, actor, orderId));
  const at = deps.clock.now().toISOString();
  const row: ParcelRow = {
    id: uuidv7(),
    county_id: order.countyId,
    center_id: order.centerId,
    direction: 'inbound',
    order_id: order.id,
    return_id: null,
    tracking_number: trackingNumber(),
    carrier: (await findMerchant(trx, actor.merchantId))?.name ?? '商家',
    recipient_phone: villager.phone,
    weight_grams: weight,
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
  await insertParcel(trx, row);
  await addParcelEvent(trx, row, { type: 'created', at, place: row.carrier, actorId: actor.id });
  await advanceOrder(trx, order.id, 'ship', at, actor.id);
  return { parcelId: row.id, trackingNumber: row.tracking_number };
}

/** The catalog weight of the units still in the order (at least a gram: scales need a number). */
async function orderWeight(deps: Deps, trx: Trx, actor: Actor, orderId: string): Promise<number> {
  const { lines } = await getOrder(inTrx(deps, trx), actor, orderId);
  let grams = 0;
  for (const line of lines) {
    const product = await findProduct(trx, line.productId);
    grams += (product?.weightGrams ?? 0) * (line.quantity - line.returnedQuantity);
  }
  return Math.max(1, grams);
}
