import { sql } from 'kysely';
import { bucketOf, perBucket } from '../../db/buckets.ts';
import type { Queryable } from '../../db/create-db.ts';
import type { Range } from '../../shared/month.ts';

/**
 * National assisted-order GMV per consecutive range (month), aggregated in SQL: the totals of
 * orders placed in the range and not cancelled, less the refunds of returns taken in it —
 * `orderVolumesOfCenters`'s `gmvFen` summed over every centre, so the two always agree.
 */
export async function nationalOrderGmv(db: Queryable, ranges: readonly Range[]): Promise<number[]> {
  if (ranges.length === 0) return [];
  const [from, to] = [ranges[0]!.from, ranges.at(-1)!.to];
  const ends = ranges.map((r) => r.to);
  const [placed, refunds] = await Promise.all([
    db
      .selectFrom('orders')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('status', '!=', 'cancelled')
      .select((eb) => [bucketOf('created_at', ends).as('bucket'), eb.fn.sum('total_fen').as('n')])
      .groupBy(sql`1`)
      .execute(),
    db
      .selectFrom('order_returns')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .select((eb) => [bucketOf('created_at', ends).as('bucket'), eb.fn.sum('refund_fen').as('n')])
      .groupBy(sql`1`)
      .execute(),
  ]);
  const refunded = perBucket(ranges.length, refunds);
  return perBucket(ranges.length, placed).map((fen, i) => fen - refunded[i]!);
}
