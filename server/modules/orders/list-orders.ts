import type { Deps } from '../../deps.ts';
import type { Actor } from '../identity/index.ts';
import { type Order, type OrderWithEvents, toEvents, toOrder } from './order.views.ts';
import { loadVisibleOrder } from './order-scope.ts';
import { linesOf, listOrderRows, orderEvents, orderLines } from './orders.repo.ts';
import type { OrderStatus } from './orders.tables.ts';

export async function getOrder(deps: Deps, actor: Actor, id: string): Promise<OrderWithEvents> {
  const order = await loadVisibleOrder(deps.db, actor, id);
  const [lines, events] = await Promise.all([orderLines(deps.db, id), orderEvents(deps.db, id)]);
  return { ...toOrder(order, lines), events: toEvents(events) };
}

export type OrderQuery = {
  status?: OrderStatus | undefined;
  centerId?: string | undefined;
  villagerId?: string | undefined;
  limit: number;
  offset: number;
};

/** Orders in scope, newest first: a partner's centre, a county, all (HQ), or a merchant's goods. */
export async function listOrders(deps: Deps, actor: Actor, query: OrderQuery): Promise<Order[]> {
  const scope =
    actor.role === 'partner'
      ? { centerId: actor.centerId ?? '-' }
      : actor.role === 'merchant'
        ? { merchantId: actor.merchantId ?? '-' }
        : actor.role === 'hq_admin'
          ? {}
          : { countyId: actor.countyId ?? '-' };
  if (actor.role === 'partner' && query.centerId && query.centerId !== actor.centerId) return [];
  const rows = await listOrderRows(deps.db, { ...query, ...scope });
  const lines = await linesOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOrder(r, lines.get(r.id) ?? []));
}
