import type { Queryable, Trx } from '../../db/create-db.ts';
import { monthOf, monthRange, monthsSpanned } from '../../shared/month.ts';
import type { OrderGmvRollupRow } from './orders.tables.ts';

export type GmvChange = {
  countyId: string;
  /** The instant whose month the change belongs to: the order's placement, or the return. */
  at: string;
  orders?: number;
  gmvFen?: number;
  refundsFen?: number;
};

/**
 * Adds a change to its county's month, in the transaction of the write that causes it, so the
 * rollup never disagrees with the rows. One upsert; on PostgreSQL it locks the county-month row
 * until commit, so callers make it their last contended write.
 */
export async function addToGmvRollup(trx: Trx, change: GmvChange): Promise<void> {
  await trx
    .insertInto('order_gmv_rollups')
    .values({
      county_id: change.countyId,
      month: monthOf(new Date(change.at)),
      orders: change.orders ?? 0,
      gmv_fen: change.gmvFen ?? 0,
      refunds_fen: change.refundsFen ?? 0,
    })
    .onConflict((oc) =>
      oc.columns(['county_id', 'month']).doUpdateSet((eb) => ({
        orders: eb('order_gmv_rollups.orders', '+', eb.ref('excluded.orders')),
        gmv_fen: eb('order_gmv_rollups.gmv_fen', '+', eb.ref('excluded.gmv_fen')),
        refunds_fen: eb('order_gmv_rollups.refunds_fen', '+', eb.ref('excluded.refunds_fen')),
      })),
    )
    .execute();
}

/**
 * The rollup as the raw rows have it, county by month, with the very predicates of
 * `orderVolumesOfCenters` over each month's `[from, to)`. Months and counties with nothing
 * to count have no row (a stored row of zeros means the same).
 */
export async function recomputeOrderGmvRollups(db: Queryable): Promise<OrderGmvRollupRow[]> {
  const [orders, returns] = await Promise.all([
    db
      .selectFrom('orders')
      .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
      .executeTakeFirst(),
    db
      .selectFrom('order_returns')
      .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
      .executeTakeFirst(),
  ]);
  const months = [
    ...new Set([
      ...monthsSpanned(orders?.first, orders?.last),
      ...monthsSpanned(returns?.first, returns?.last),
    ]),
  ].sort();
  const out: OrderGmvRollupRow[] = [];
  for (const month of months) {
    const range = monthRange(month);
    const byCounty = new Map<string, OrderGmvRollupRow>();
    const row = (countyId: string) => {
      let r = byCounty.get(countyId);
      if (!r) {
        r = { county_id: countyId, month, orders: 0, gmv_fen: 0, refunds_fen: 0 };
        byCounty.set(countyId, r);
      }
      return r;
    };
    const placed = await db
      .selectFrom('orders')
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)
      .where('status', '!=', 'cancelled')
      .select((eb) => ['county_id', eb.fn.countAll().as('n'), eb.fn.sum('total_fen').as('fen')])
      .groupBy('county_id')
      .execute();
    for (const p of placed)
      Object.assign(row(p.county_id), { orders: Number(p.n), gmv_fen: Number(p.fen ?? 0) });
    const refunded = await db
      .selectFrom('order_returns')
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)
      .select((eb) => ['county_id', eb.fn.sum('refund_fen').as('fen')])
      .groupBy('county_id')
      .execute();
    for (const r of refunded) row(r.county_id).refunds_fen = Number(r.fen ?? 0);
    out.push(...[...byCounty.values()].sort((a, b) => a.county_id.localeCompare(b.county_id)));
  }
  return out;
}

/** Rows per insert: well under SQLite's limit of bound variables. */
const BATCH = 500;

/**
 * Recomputes every county-month of the rollup from the orders and returns: the migration's
 * backfill, and the last step of a bulk load that inserted orders without going through
 * `placeOrder`. Atomic: in the caller's transaction if given one, else in its own. Orders
 * written meanwhile on PostgreSQL would be counted twice or not at all, so run it while none are.
 */
export async function rebuildOrderGmvRollups(db: Queryable): Promise<void> {
  const work = async (trx: Queryable) => {
    const rows = await recomputeOrderGmvRollups(trx);
    await trx.deleteFrom('order_gmv_rollups').execute();
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto('order_gmv_rollups')
        .values(rows.slice(i, i + BATCH))
        .execute();
    }
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}
