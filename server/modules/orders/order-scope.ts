import type { Queryable } from '../../db/create-db.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, assertFound, canSeeCenter } from '../identity/index.ts';
import { findOrderRow, orderLines } from './orders.repo.ts';
import type { OrderRow } from './orders.tables.ts';

/**
 * Loads an order the actor may see: its centre's partner, the county's roles, HQ, and a
 * merchant with goods in it. Anything else is 404.
 */
export async function loadVisibleOrder(db: Queryable, actor: Actor, id: string): Promise<OrderRow> {
  const order = await findOrderRow(db, id);
  let visible =
    order !== undefined && canSeeCenter(actor, { id: order.center_id, countyId: order.county_id });
  if (order && actor.role === 'merchant') {
    visible = (await orderLines(db, id)).some((l) => l.merchant_id === actor.merchantId);
  }
  assertFound(visible, 'Order');
  return order!;
}

/** The partner of the order's centre (and, where `staffToo`, the county's staff) may act on it. */
export function assertMayAct(actor: Actor, order: OrderRow, staffToo = false): void {
  const partner = actor.role === 'partner' && actor.centerId === order.center_id;
  const staff = staffToo && actor.role === 'county_staff' && actor.countyId === order.county_id;
  if (!partner && !staff)
    throw new AppError('forbidden', 'Only the partner of the order’s centre may do this');
}
