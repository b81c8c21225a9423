import type { Queryable } from '../../db/create-db.ts';

/** Keeps each `in (…)` list well under every dialect's limit on bound parameters. */
const CHUNK = 1_000;

/**
 * When each centre was last visited, for any number of centres in a few queries; centres never
 * visited are absent from the map. No scope check: the caller applies its own.
 */
export async function lastVisitOfCenters(
  db: Queryable,
  centerIds: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < centerIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('field_visits')
      .select(['center_id', (eb) => eb.fn.max('visited_at').as('last')])
      .where('center_id', 'in', centerIds.slice(i, i + CHUNK))
      .groupBy('center_id')
      .execute();
    for (const r of rows) out.set(r.center_id, r.last);
  }
  return out;
}
