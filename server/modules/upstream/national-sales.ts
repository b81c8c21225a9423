import { perRange } from '../../db/buckets.ts';
import type { Queryable } from '../../db/create-db.ts';
import type { Range } from '../../shared/month.ts';

/**
 * National storefront sales per range (month), aggregated in SQL: the gross totals of
 * storefront orders delivered in the range — `upstreamSalesOfCenters` summed over every
 * centre, so the two always agree.
 */
export async function nationalUpstreamSales(db: Queryable, ranges: readonly Range[]): Promise<number[]> {
  return perRange(ranges, (r) =>
    db
      .selectFrom('store_orders')
      .where('delivered_at', '>=', r.from)
      .where('delivered_at', '<', r.to)
      .select((eb) => eb.fn.sum('total_fen').as('n')),
  );
}
