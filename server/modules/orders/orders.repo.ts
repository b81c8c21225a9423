import type { Queryable } from '../../db/create-db.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { OrderLineRow, OrderRow, OrderStatus } from './orders.tables.ts';

export const findOrderRow = (db: Queryable, id: string) =>
  db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();

export const orderLines = (db: Queryable, orderId: string) =>
  db.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('line_no').execute();

export const orderEvents = (db: Queryable, orderId: string) =>
  db.selectFrom('order_events').selectAll().where('order_id', '=', orderId).orderBy('id').execute();

export async function insertOrder(db: Queryable, order: OrderRow, lines: OrderLineRow[]): Promise<void> {
  await db.insertInto('orders').values(order).execute();
  await db.insertInto('order_lines').values(lines).execute();
}

export async function addEvent(
  db: Queryable,
  order: Pick<OrderRow, 'id' | 'county_id'>,
  type: string,
  at: string,
  actorId: string | null,
  data?: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('order_events')
    .values({
      id: uuidv7(),
      order_id: order.id,
      county_id: order.county_id,
      type,
      at,
      actor_id: actorId,
      data: data ? JSON.stringify(data) : null,
    })
    .execute();
}

/**
 * Moves an order from one status to the next only if nobody moved it meanwhile; false when
 * the order was no longer in `from` (a concurrent request won).
 */
export async function setStatus(
  db: Queryable,
  id: string,
  from: OrderStatus,
  to: OrderStatus,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('orders')
    .set({ status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export type OrderFilter = {
  status?: OrderStatus | undefined;
  countyId?: string | undefined;
  centerId?: string | undefined;
  villagerId?: string | undefined;
  merchantId?: string | undefined;
  limit: number;
  offset: number;
};

export async function listOrderRows(db: Queryable, f: OrderFilter): Promise<OrderRow[]> {
  let q = db
    .selectFrom('orders')
    .selectAll('orders')
    .orderBy('orders.created_at', 'desc')
    .orderBy('orders.id', 'desc');
  if (f.status) q = q.where('orders.status', '=', f.status);
  if (f.countyId) q = q.where('orders.county_id', '=', f.countyId);
  if (f.centerId) q = q.where('orders.center_id', '=', f.centerId);
  if (f.villagerId) q = q.where('orders.villager_id', '=', f.villagerId);
  if (f.merchantId) {
    const merchantId = f.merchantId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('order_lines')
          .select('order_lines.order_id')
          .whereRef('order_lines.order_id', '=', 'orders.id')
          .where('order_lines.merchant_id', '=', merchantId),
      ),
    );
  }
  return q.limit(f.limit).offset(f.offset).execute();
}

export async function linesOf(db: Queryable, orderIds: string[]): Promise<Map<string, OrderLineRow[]>> {
  const byOrder = new Map<string, OrderLineRow[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .selectFrom('order_lines')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .orderBy('line_no')
    .execute();
  for (const r of rows) byOrder.get(r.order_id)?.push(r);
  return byOrder;
}
