import type { Queryable } from '../../db/create-db.ts';

export type CenterServiceVolumes = {
  /** Requests that succeeded (were resolved as succeeded) in the range. */
  succeeded: number;
};

/** Everyday-service figures of some centres over `[from, to)`, aggregated in SQL, for dashboards. */
export async function serviceVolumesOfCenters(
  db: Queryable,
  centerIds: readonly string[],
  range: { from: string; to: string },
): Promise<Map<string, CenterServiceVolumes>> {
  const out = new Map<string, CenterServiceVolumes>(centerIds.map((id) => [id, { succeeded: 0 }]));
  if (centerIds.length === 0) return out;
  const succeeded = await db
    .selectFrom('service_requests')
    .where('center_id', 'in', centerIds)
    .where('status', '=', 'succeeded')
    .where('resolved_at', '>=', range.from)
    .where('resolved_at', '<', range.to)
    .select((eb) => ['center_id', eb.fn.countAll().as('n')])
    .groupBy('center_id')
    .execute();
  for (const r of succeeded) out.get(r.center_id)!.succeeded = Number(r.n);
  return out;
}

/**
 * The villagers who asked a centre for a service in the range, whatever became of it, as a
 * query (`center_id`, `villager_id`) for the caller to combine with other activity and count
 * in SQL.
 */
export function servedVillagers(
  db: Queryable,
  centerIds: readonly string[],
  range: { from: string; to: string },
) {
  return db
    .selectFrom('service_requests')
    .where('center_id', 'in', centerIds)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .select(['center_id', 'villager_id']);
}
