import type { Queryable } from '../../db/create-db.ts';

export type CenterOrderVolumes = {
  /** Assisted orders placed in the range and not cancelled. */
  orders: number;
  /** Their totals, less the refunds of returns taken in the range. */
  gmvFen: number;
};

/**
 * Assisted-order figures of some centres over `[from, to)`, aggregated in SQL, for
 * dashboards. Centres without orders get zeros.
 */
export async function orderVolumesOfCenters(
  db: Queryable,
  centerIds: readonly string[],
  range: { from: string; to: string },
): Promise<Map<string, CenterOrderVolumes>> {
  const out = new Map<string, CenterOrderVolumes>(centerIds.map((id) => [id, { orders: 0, gmvFen: 0 }]));
  if (centerIds.length === 0) return out;
  // From the covering index (orders/0007) alone.
  const placed = await countedOrders(db, centerIds, range)
    .select((eb) => ['center_id', eb.fn.countAll().as('n'), eb.fn.sum('total_fen').as('fen')])
    .groupBy('center_id')
    .execute();
  for (const r of placed) out.set(r.center_id, { orders: Number(r.n), gmvFen: Number(r.fen ?? 0) });
  const refunds = await db
    .selectFrom('order_returns')
    .where('center_id', 'in', centerIds)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .select((eb) => ['center_id', eb.fn.sum('refund_fen').as('fen')])
    .groupBy('center_id')
    .execute();
  for (const r of refunds) out.get(r.center_id)!.gmvFen -= Number(r.fen ?? 0);
  return out;
}

/**
 * The villagers who placed an order `orderVolumesOfCenters` counts, per centre, as a query
 * (`center_id`, `villager_id`) for the caller to combine with other activity and count in SQL:
 * handing the ids themselves over costs more than finding them.
 */
export function orderingVillagers(
  db: Queryable,
  centerIds: readonly string[],
  range: { from: string; to: string },
) {
  return countedOrders(db, centerIds, range).select(['center_id', 'villager_id']);
}

const countedOrders = (db: Queryable, centerIds: readonly string[], range: { from: string; to: string }) =>
  db
    .selectFrom('orders')
    .where('center_id', 'in', centerIds)
    .where('status', '!=', 'cancelled')
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to);

export type PromotedOrderVolumes = { orders: number; gmvFen: number };

/**
 * Of the orders `orderVolumesOfCenters` counts over `[from, to)`, those with at least one line
 * priced by one of `promotionIds`: how many, and their totals less the refunds of their returns
 * taken in the same range. Aggregated in SQL; centres without such orders get zeros.
 */
export async function promotedOrderVolumesOfCenters(
  db: Queryable,
  centerIds: readonly string[],
  range: { from: string; to: string },
  promotionIds: readonly string[],
): Promise<Map<string, PromotedOrderVolumes>> {
  const out = new Map<string, PromotedOrderVolumes>(centerIds.map((id) => [id, { orders: 0, gmvFen: 0 }]));
  if (centerIds.length === 0 || promotionIds.length === 0) return out;
  const promoted = db
    .selectFrom('orders as o')
    .where('o.center_id', 'in', centerIds)
    .where('o.status', '!=', 'cancelled')
    .where('o.created_at', '>=', range.from)
    .where('o.created_at', '<', range.to)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('order_lines as l')
          .select('l.order_id')
          .whereRef('l.order_id', '=', 'o.id')
          .where('l.promotion_id', 'in', promotionIds),
      ),
    );
  const totals = await promoted
    .select((eb) => ['o.center_id', eb.fn.countAll().as('n'), eb.fn.sum('o.total_fen').as('fen')])
    .groupBy('o.center_id')
    .execute();
  for (const r of totals) out.set(r.center_id, { orders: Number(r.n), gmvFen: Number(r.fen ?? 0) });
  // Driven by the window's returns (few) with a look-up of each one's order, rather than by
  // the promoted orders again (many).
  const refunds = await db
    .selectFrom('order_returns as r')
    .where('r.center_id', 'in', centerIds)
    .where('r.created_at', '>=', range.from)
    .where('r.created_at', '<', range.to)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('orders as o')
          .select('o.id')
          .whereRef('o.id', '=', 'r.order_id')
          .where('o.status', '!=', 'cancelled')
          .where('o.created_at', '>=', range.from)
          .where('o.created_at', '<', range.to)
          .where(({ exists: has, selectFrom: from }) =>
            has(
              from('order_lines as l')
                .select('l.order_id')
                .whereRef('l.order_id', '=', 'o.id')
                .where('l.promotion_id', 'in', promotionIds),
            ),
          ),
      ),
    )
    .select((eb) => ['r.center_id', eb.fn.sum('r.refund_fen').as('fen')])
    .groupBy('r.center_id')
    .execute();
  for (const r of refunds) out.get(r.center_id)!.gmvFen -= Number(r.fen ?? 0);
  return out;
}
