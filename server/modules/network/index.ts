/** Network: counties with their hub, villages, and village service centres. */
import type { Queryable } from '../../db/create-db.ts';
import {
  findCenterRow,
  findCenterRows,
  findCountyRow,
  findVillageRow,
  listCountyRows,
  listVillageRows,
} from './network.repo.ts';
import { type Center, type County, toCenter, toCounty, toVillage, type Village } from './network.views.ts';

export { assignPartner, attachPartner } from './assign-partner.ts';
export { rebuildCenterCounts } from './center-counts.ts';
export { type CenterAction, nextCenterStatus } from './center-status.ts';
export { createCenter, getCenter, listCenters, type NewCenter, publicCenter } from './centers.ts';
export { changeCenterStatus } from './change-center-status.ts';
export { createCounty, getCounty, listCounties, type NewCounty } from './counties.ts';
export { type CenterStatus, centerStatuses } from './network.tables.ts';
export type { Center, County, Village } from './network.views.ts';
export {
  type CenterCounts,
  type CenterPoint,
  type CountyPoint,
  centerPointsOfCounty,
  centersOpenAt,
  countiesAt,
  countyPoints,
  type NetworkTotals,
  networkTotals,
} from './rollout-figures.ts';
export { addVillage, listVillages, type NewVillage } from './villages.ts';

/** Lookups by id for other modules; no scope check — the caller applies its own. */
export async function findCounty(db: Queryable, id: string): Promise<County | null> {
  const row = await findCountyRow(db, id);
  return row ? toCounty(row) : null;
}

export async function findVillage(db: Queryable, id: string): Promise<Village | null> {
  const row = await findVillageRow(db, id);
  return row ? toVillage(row) : null;
}

export async function findCenter(db: Queryable, id: string): Promise<Center | null> {
  const row = await findCenterRow(db, id);
  return row ? toCenter(row) : null;
}

/** Centres by id, in any status; unknown ids are left out. No scope check. */
export async function findCenters(db: Queryable, ids: readonly string[]): Promise<Center[]> {
  if (ids.length === 0) return [];
  return (await findCenterRows(db, ids)).map(toCenter);
}

/** Every county, for public pages (the partner application form); no scope check. */
export async function allCounties(db: Queryable): Promise<County[]> {
  return (await listCountyRows(db)).map(toCounty);
}

/** A county's villages, for public pages; no scope check. */
export async function villagesOf(db: Queryable, countyId: string): Promise<Village[]> {
  return (await listVillageRows(db, countyId)).map(toVillage);
}

/**
 * Where centres are: their village's coordinates, in one query for any number of centres
 * (the run planner asks for a county's few hundred at once). Unknown ids are left out.
 */
export async function centerCoordinates(
  db: Queryable,
  centerIds: readonly string[],
): Promise<Map<string, { lat: number; lon: number }>> {
  if (centerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('centers')
    .innerJoin('villages', 'villages.id', 'centers.village_id')
    .select(['centers.id', 'villages.lat', 'villages.lon'])
    .where('centers.id', 'in', centerIds)
    .orderBy('centers.id')
    .execute();
  return new Map(rows.map((r) => [r.id, { lat: r.lat, lon: r.lon }]));
}
