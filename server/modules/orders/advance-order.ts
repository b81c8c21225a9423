import type { Trx } from '../../db/create-db.ts';
import { invalidState } from '../../shared/app-error.ts';
import { nextOrderStatus, type OrderAction } from './order-status.ts';
import { addEvent, findOrderRow, setStatus } from './orders.repo.ts';
import type { OrderStatus } from './orders.tables.ts';

export type OrderSummary = {
  id: string;
  status: OrderStatus;
  countyId: string;
  centerId: string;
  villagerId: string;
  merchantIds: string[];
};

/** An order's routing facts for the logistics module (no scope check: the caller has one). */
export async function orderSummary(trx: Trx, orderId: string): Promise<OrderSummary | null> {
  const order = await findOrderRow(trx, orderId);
  if (!order) return null;
  const lines = await trx
    .selectFrom('order_lines')
    .select('merchant_id')
    .where('order_id', '=', orderId)
    .execute();
  return {
    id: order.id,
    status: order.status,
    countyId: order.county_id,
    centerId: order.center_id,
    villagerId: order.villager_id,
    merchantIds: [...new Set(lines.map((l) => l.merchant_id))],
  };
}

const logisticsOrder: readonly OrderStatus[] = [
  'placed',
  'shipped',
  'at_hub',
  'in_transit',
  'ready_for_pickup',
  'completed',
];
const targetOf: Record<Exclude<OrderAction, 'confirm' | 'cancel' | 'return_all'>, OrderStatus> = {
  ship: 'shipped',
  receive_at_hub: 'at_hub',
  dispatch: 'in_transit',
  arrive: 'ready_for_pickup',
  pick_up: 'completed',
};

/**
 * Moves an order one step along the logistics path (ship, receive_at_hub, dispatch, arrive,
 * pick_up) inside the caller's transaction, recording the event. Returns false when the order
 * is already at or past that step — a repeated scan — or settled (returned, cancelled), and
 * throws `invalid_state` when the step does not apply at all.
 */
export async function advanceOrder(
  trx: Trx,
  orderId: string,
  action: Exclude<OrderAction, 'confirm' | 'cancel' | 'return_all'>,
  at: string,
  actorId: string | null,
): Promise<boolean> {
  const order = await findOrderRow(trx, orderId);
  if (!order) throw invalidState('No such order');
  // A returned or cancelled order is settled; its parcel may still travel (back to the
  // merchant, or recovered), but the order stays where it is.
  if (order.status === 'returned' || order.status === 'cancelled') return false;
  const next = nextOrderStatus(order.status, action);
  if (next === null) {
    const reached = logisticsOrder.indexOf(order.status) >= logisticsOrder.indexOf(targetOf[action]);
    if (reached) return false;
    throw invalidState(`A ${order.status} order cannot ${action.replaceAll('_', ' ')}`, {
      status: order.status,
    });
  }
  if (!(await setStatus(trx, order.id, order.status, next, at)))
    throw invalidState('The order changed meanwhile');
  await addEvent(trx, order, next, at, actorId);
  return true;
}
