import { sql } from 'kysely';
import { bucketOf, perBucket } from '../../db/buckets.ts';
import type { Queryable } from '../../db/create-db.ts';
import type { Range } from '../../shared/month.ts';

/**
 * National storefront sales per consecutive range (month), aggregated in SQL: the gross totals
 * of storefront orders delivered in the range — `upstreamSalesOfCenters` summed over every
 * centre, so the two always agree.
 */
export async function nationalUpstreamSales(db: Queryable, ranges: readonly Range[]): Promise<number[]> {
  if (ranges.length === 0) return [];
  const rows = await db
    .selectFrom('store_orders')
    .where('delivered_at', '>=', ranges[0]!.from)
    .where('delivered_at', '<', ranges.at(-1)!.to)
    .select((eb) => [
      bucketOf(
        'delivered_at',
        ranges.map((r) => r.to),
      ).as('bucket'),
      eb.fn.sum('total_fen').as('n'),
    ])
    .groupBy(sql`1`)
    .execute();
  return perBucket(ranges.length, rows);
}
