import { perRange } from '../../db/buckets.ts';
import type { Queryable } from '../../db/create-db.ts';
import type { Range } from '../../shared/month.ts';

/**
 * National assisted-order GMV per range (month), aggregated in SQL: the totals of orders
 * placed in the range and not cancelled, less the refunds of returns taken in it —
 * `orderVolumesOfCenters`'s `gmvFen` summed over every centre, so the two always agree.
 */
export async function nationalOrderGmv(db: Queryable, ranges: readonly Range[]): Promise<number[]> {
  const [placed, refunded] = await Promise.all([
    perRange(ranges, (r) =>
      db
        .selectFrom('orders')
        .where('created_at', '>=', r.from)
        .where('created_at', '<', r.to)
        .where('status', '!=', 'cancelled')
        .select((eb) => eb.fn.sum('total_fen').as('n')),
    ),
    perRange(ranges, (r) =>
      db
        .selectFrom('order_returns')
        .where('created_at', '>=', r.from)
        .where('created_at', '<', r.to)
        .select((eb) => eb.fn.sum('refund_fen').as('n')),
    ),
  ]);
  return placed.map((fen, i) => fen - refunded[i]!);
}
