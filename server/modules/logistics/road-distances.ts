import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { type Actor, canSeeCounty } from '../identity/index.ts';
import { findCenter, findCounty } from '../network/index.ts';
import type { RoadDistanceRow } from './logistics.tables.ts';
import { HUB, type RoadDistances, roadPairKey } from './route-plan.ts';

/**
 * A county's road distances as a matrix over places (`"hub"` or centre ids), in km, the shape
 * a routing engine's table service (OSRM, Valhalla, a map provider) exports. `null` marks a
 * pair nobody measured; the planner estimates those from coordinates.
 */
export type RoadMatrix = { places: string[]; km: Array<Array<number | null>> };

/** Rows per INSERT: PostgreSQL allows 65,535 bind parameters per statement. */
const CHUNK = 2_000;

/**
 * County staff replace their county's imported road distances. The matrix must be square over
 * distinct places of the county; the diagonal is ignored. An empty `places` clears it.
 */
export async function importRoadDistances(
  deps: Deps,
  actor: Actor,
  countyId: string,
  matrix: RoadMatrix,
): Promise<{ pairs: number }> {
  const county = await findCounty(deps.db, countyId);
  if (!county || actor.role !== 'county_staff' || actor.countyId !== county.id) {
    throw new AppError('not_found', 'County not found');
  }
  const { places, km } = matrix;
  if (new Set(places).size !== places.length) throw validationFailed('places', 'must not repeat a place');
  if (km.length !== places.length) throw validationFailed('km', `must have ${places.length} rows`);
  km.forEach((row, i) => {
    if (row.length !== places.length)
      throw validationFailed(`km[${i}]`, `must have ${places.length} entries`);
  });
  for (const [i, place] of places.entries()) {
    if (place === HUB) continue;
    const center = await findCenter(deps.db, place);
    if (center?.countyId !== county.id)
      throw validationFailed(`places[${i}]`, 'is not a centre of this county');
  }
  const rows: RoadDistanceRow[] = [];
  for (let i = 0; i < places.length; i++) {
    for (let j = 0; j < places.length; j++) {
      const value = km[i]![j];
      if (i === j || value === null || value === undefined) continue;
      rows.push({ county_id: county.id, from_place: places[i]!, to_place: places[j]!, km: value });
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('road_distances').where('county_id', '=', county.id).execute();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('road_distances')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
  });
  return { pairs: rows.length };
}

/** The imported matrix over the places it mentions (HQ and the county's staff and viewers). */
export async function getRoadDistances(deps: Deps, actor: Actor, countyId: string): Promise<RoadMatrix> {
  if (!canSeeCounty(actor, countyId) || !(await findCounty(deps.db, countyId))) {
    throw new AppError('not_found', 'County not found');
  }
  const rows = await pairsOf(deps.db, countyId);
  const places = [...new Set(rows.flatMap((r) => [r.from_place, r.to_place]))].sort();
  const index = new Map(places.map((p, i) => [p, i]));
  const km = places.map(() => places.map((): number | null => null));
  for (const r of rows) km[index.get(r.from_place)!]![index.get(r.to_place)!] = r.km;
  return { places, km };
}

/**
 * The planner's look-up. Vans drive both ways on the same roads, so a pair measured in both
 * directions counts as their mean; one measured in one direction counts for both. Keeping the
 * distances symmetric keeps the solver's route reversals exact.
 */
export async function roadDistancesOf(db: Queryable, countyId: string): Promise<RoadDistances | undefined> {
  const rows = await pairsOf(db, countyId);
  if (rows.length === 0) return undefined;
  const sums = new Map<string, { total: number; n: number }>();
  for (const r of rows) {
    const key = roadPairKey(r.from_place, r.to_place);
    const s = sums.get(key) ?? { total: 0, n: 0 };
    sums.set(key, { total: s.total + r.km, n: s.n + 1 });
  }
  return new Map([...sums].map(([key, s]) => [key, s.total / s.n]));
}

const pairsOf = (db: Queryable, countyId: string) =>
  db
    .selectFrom('road_distances')
    .select(['from_place', 'to_place', 'km'])
    .where('county_id', '=', countyId)
    .execute();
