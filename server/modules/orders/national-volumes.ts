import type { Queryable } from '../../db/create-db.ts';

/**
 * National assisted-order GMV per month (YYYY-MM, China Standard Time): the totals of orders
 * placed in the month and not cancelled, less the refunds of returns taken in it —
 * `orderVolumesOfCenters`'s `gmvFen` summed over every centre. Read from the county-month
 * rollup, a few thousand rows whatever the number of orders.
 */
export async function nationalOrderGmv(db: Queryable, months: readonly string[]): Promise<number[]> {
  if (months.length === 0) return [];
  const rows = await db
    .selectFrom('order_gmv_rollups')
    .where('month', 'in', months)
    .select((eb) => ['month', eb.fn.sum('gmv_fen').as('gmv'), eb.fn.sum('refunds_fen').as('refunds')])
    .groupBy('month')
    .execute();
  const byMonth = new Map(rows.map((r) => [r.month, Number(r.gmv ?? 0) - Number(r.refunds ?? 0)]));
  return months.map((m) => byMonth.get(m) ?? 0);
}
