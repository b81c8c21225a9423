import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../identity/index.ts';
import { markCollected, ordersOfBatch, orderToCollect } from '../upstream/index.ts';
import { createOutboundParcel } from './outbound.ts';

/**
 * The partner has the goods of a storefront order from the seller: one outbound parcel,
 * addressed to the buyer's phone, waits at the centre for the next van to the hub.
 */
export async function collectStoreOrder(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  orderId: string,
): Promise<{ parcelId: string; trackingNumber: string }> {
  const order = await orderToCollect(trx, actor, orderId);
  const parcel = await createOutboundParcel(deps, trx, {
    countyId: order.countyId,
    centerId: order.centerId,
    orderId,
    returnId: null,
    recipientPhone: order.recipientPhone,
    weightGrams: order.weightGrams,
    sender: order.sender,
    actorId: actor.id,
  });
  const result = { parcelId: parcel.id, trackingNumber: parcel.tracking_number };
  await markCollected(deps, trx, orderId, result);
  return result;
}

/** The partner collects a closed harvest batch: one outbound parcel per order, in one go. */
export async function collectHarvestBatch(
  deps: Deps,
  actor: Actor,
  productId: string,
): Promise<Array<{ orderId: string; parcelId: string; trackingNumber: string }>> {
  return deps.db.transaction().execute(async (trx) => {
    const parcels = [];
    for (const orderId of await ordersOfBatch(deps, trx, actor, productId)) {
      parcels.push({ orderId, ...(await collectStoreOrder(deps, trx, actor, orderId)) });
    }
    return parcels;
  });
}
