import type { Queryable } from '../../db/create-db.ts';

export type CenterServiceVolumes = {
  /** Requests that succeeded (were resolved as succeeded) in the range. */
  succeeded: number;
  /** Distinct villagers who asked for a service in the range, whatever became of it. */
  villagerIds: string[];
};

/** Everyday-service figures of some centres over `[from, to)`, aggregated in SQL, for dashboards. */
export async function serviceVolumesOfCenters(
  db: Queryable,
  centerIds: readonly string[],
  range: { from: string; to: string },
): Promise<Map<string, CenterServiceVolumes>> {
  const out = new Map<string, CenterServiceVolumes>(
    centerIds.map((id) => [id, { succeeded: 0, villagerIds: [] }]),
  );
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
  const villagers = await db
    .selectFrom('service_requests')
    .where('center_id', 'in', centerIds)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .select(['center_id', 'villager_id'])
    .distinct()
    .execute();
  for (const r of villagers) out.get(r.center_id)!.villagerIds.push(r.villager_id);
  return out;
}
