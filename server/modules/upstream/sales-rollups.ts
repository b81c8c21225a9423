import type { Queryable, Trx } from '../../db/create-db.ts';
import { monthOf, monthRange, monthsSpanned } from '../../shared/month.ts';
import type { StoreSalesRollupRow } from './upstream.tables.ts';

/**
 * Counts a delivered storefront order into its county's month of delivery, in the delivery's
 * transaction. One upsert; on PostgreSQL it holds the county-month row until commit.
 */
export async function addToSalesRollup(trx: Trx, countyId: string, deliveredAt: string, totalFen: number) {
  await trx
    .insertInto('store_sales_rollups')
    .values({ county_id: countyId, month: monthOf(new Date(deliveredAt)), orders: 1, sales_fen: totalFen })
    .onConflict((oc) =>
      oc.columns(['county_id', 'month']).doUpdateSet((eb) => ({
        orders: eb('store_sales_rollups.orders', '+', eb.ref('excluded.orders')),
        sales_fen: eb('store_sales_rollups.sales_fen', '+', eb.ref('excluded.sales_fen')),
      })),
    )
    .execute();
}

/**
 * The rollup as the storefront orders have it, county by month, with the predicates of
 * `upstreamSalesOfCenters` over each month's `[from, to)`.
 */
export async function recomputeSalesRollups(db: Queryable): Promise<StoreSalesRollupRow[]> {
  const span = await db
    .selectFrom('store_orders')
    .select((eb) => [eb.fn.min('delivered_at').as('first'), eb.fn.max('delivered_at').as('last')])
    .executeTakeFirst();
  const out: StoreSalesRollupRow[] = [];
  for (const month of monthsSpanned(span?.first, span?.last)) {
    const range = monthRange(month);
    const rows = await db
      .selectFrom('store_orders')
      .where('delivered_at', '>=', range.from)
      .where('delivered_at', '<', range.to)
      .select((eb) => ['county_id', eb.fn.countAll().as('n'), eb.fn.sum('total_fen').as('fen')])
      .groupBy('county_id')
      .orderBy('county_id')
      .execute();
    for (const r of rows)
      out.push({ county_id: r.county_id, month, orders: Number(r.n), sales_fen: Number(r.fen ?? 0) });
  }
  return out;
}

/** Rows per insert: well under SQLite's limit of bound variables. */
const BATCH = 500;

/**
 * Recomputes the storefront sales rollup from the storefront orders: the migration's backfill,
 * and the last step of a bulk load that inserted deliveries without `settleDelivery`. Atomic:
 * in the caller's transaction if given one, else in its own; run it while nothing is delivered.
 */
export async function rebuildSalesRollups(db: Queryable): Promise<void> {
  const work = async (trx: Queryable) => {
    const rows = await recomputeSalesRollups(trx);
    await trx.deleteFrom('store_sales_rollups').execute();
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto('store_sales_rollups')
        .values(rows.slice(i, i + BATCH))
        .execute();
    }
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}
