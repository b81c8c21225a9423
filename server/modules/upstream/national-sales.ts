import type { Queryable } from '../../db/create-db.ts';

/**
 * National storefront sales per month (YYYY-MM, China Standard Time): the gross totals of
 * storefront orders delivered in the month — `upstreamSalesOfCenters` summed over every
 * centre. Read from the county-month rollup, whatever the number of orders.
 */
export async function nationalUpstreamSales(db: Queryable, months: readonly string[]): Promise<number[]> {
  if (months.length === 0) return [];
  const rows = await db
    .selectFrom('store_sales_rollups')
    .where('month', 'in', months)
    .select((eb) => ['month', eb.fn.sum('sales_fen').as('fen')])
    .groupBy('month')
    .execute();
  const byMonth = new Map(rows.map((r) => [r.month, Number(r.fen ?? 0)]));
  return months.map((m) => byMonth.get(m) ?? 0);
}
