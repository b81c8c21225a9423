import type { Queryable } from '../../db/create-db.ts';

/**
 * Storefront sales of some centres' sellers delivered in `[from, to)`: the orders' gross
 * totals, counted when delivered (a later refund does not undo the delivery), in fen.
 */
export async function upstreamSalesOfCenters(
  db: Queryable,
  centerIds: readonly string[],
  range: { from: string; to: string },
): Promise<Map<string, number>> {
  const out = new Map<string, number>(centerIds.map((id) => [id, 0]));
  if (centerIds.length === 0) return out;
  const rows = await db
    .selectFrom('store_orders')
    .where('center_id', 'in', centerIds)
    .where('delivered_at', '>=', range.from)
    .where('delivered_at', '<', range.to)
    .select((eb) => ['center_id', eb.fn.sum('total_fen').as('fen')])
    .groupBy('center_id')
    .execute();
  for (const r of rows) out.set(r.center_id, Number(r.fen ?? 0));
  return out;
}
