import { cumulate, perRange, rangesUpTo } from '../../db/buckets.ts';
import type { Queryable } from '../../db/create-db.ts';
import { type CenterStatus, centerStatuses } from './network.tables.ts';

/** National figures for HQ's rollout dashboard, aggregated in SQL; no scope check. */

export type CenterCounts = Record<CenterStatus, number>;

export type NetworkTotals = {
  counties: number;
  /** Provinces with at least one county that has an open centre now. */
  provincesCovered: number;
  centers: CenterCounts;
  /** Partners assigned to a centre that is not closed. */
  partners: number;
};

const zeroCounts = (): CenterCounts => Object.fromEntries(centerStatuses.map((s) => [s, 0])) as CenterCounts;

export async function networkTotals(db: Queryable): Promise<NetworkTotals> {
  // From the per-county tallies (`center-counts.ts`), not from the 100,000 centres themselves.
  const [counties, provinces, byStatus] = await Promise.all([
    db
      .selectFrom('counties')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('counties')
      .innerJoin('center_counts', 'center_counts.county_id', 'counties.id')
      .where('center_counts.status', '=', 'open')
      .where('center_counts.centers', '>', 0)
      .select((eb) => eb.fn.count('counties.province').distinct().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('center_counts')
      .select((eb) => ['status', eb.fn.sum('centers').as('n'), eb.fn.sum('partners').as('partners')])
      .groupBy('status')
      .execute(),
  ]);
  const centers = zeroCounts();
  let partners = 0;
  for (const r of byStatus) {
    centers[r.status] = Number(r.n);
    if (r.status !== 'closed') partners += Number(r.partners);
  }
  return { counties: Number(counties.n), provincesCovered: Number(provinces.n), centers, partners };
}

/** How many counties existed at each instant (ascending), from their creation time. */
export async function countiesAt(db: Queryable, instants: readonly string[]): Promise<number[]> {
  const created = await perRange(rangesUpTo(instants), (r) =>
    db
      .selectFrom('counties')
      .where('created_at', '>=', r.from)
      .where('created_at', '<', r.to)
      .select((eb) => eb.fn.countAll().as('n')),
  );
  return cumulate(created);
}

/**
 * How many centres were open at each instant (ascending). A centre keeps only its current
 * status, the time of its last opening (`opened_at`) and of its last status change, so a
 * centre counts as open at `t` when it opened before `t` and is either open now or left that
 * state at or after `t`. History older than the last change is not kept: a centre reopened
 * after a suspension counts from its reopening only, and one suspended and then closed counts
 * as open until its closure.
 */
export async function centersOpenAt(db: Queryable, instants: readonly string[]): Promise<number[]> {
  const ranges = rangesUpTo(instants);
  const [opened, left] = await Promise.all([
    perRange(ranges, (r) =>
      db
        .selectFrom('centers')
        .where('opened_at', '>=', r.from)
        .where('opened_at', '<', r.to)
        .select((eb) => eb.fn.countAll().as('n')),
    ),
    perRange(ranges, (r) =>
      db
        .selectFrom('centers')
        .where('status', 'in', ['suspended', 'closed'])
        .where('status_changed_at', '>=', r.from)
        .where('status_changed_at', '<', r.to)
        .where('opened_at', 'is not', null)
        .select((eb) => eb.fn.countAll().as('n')),
    ),
  ]);
  const [openings, leavings] = [cumulate(opened), cumulate(left)];
  return openings.map((n, i) => n - leavings[i]!);
}

export type CountyPoint = {
  id: string;
  code: string;
  name: string;
  province: string;
  lat: number;
  lon: number;
  centers: CenterCounts;
};

/** Every county with its hub's coordinates and its centres counted by status, from the tallies. */
export async function countyPoints(db: Queryable): Promise<CountyPoint[]> {
  const [counties, tallies] = await Promise.all([
    db
      .selectFrom('counties')
      .select(['id', 'code', 'name', 'province', 'hub_lat', 'hub_lon'])
      .orderBy('province')
      .orderBy('code')
      .execute(),
    db.selectFrom('center_counts').select(['county_id', 'status', 'centers']).execute(),
  ]);
  const counts = new Map<string, CenterCounts>();
  for (const t of tallies) {
    const c = counts.get(t.county_id) ?? zeroCounts();
    c[t.status] = Number(t.centers);
    counts.set(t.county_id, c);
  }
  return counties.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    province: r.province,
    lat: r.hub_lat,
    lon: r.hub_lon,
    centers: counts.get(r.id) ?? zeroCounts(),
  }));
}

export type CenterPoint = {
  id: string;
  name: string;
  villageName: string;
  lat: number;
  lon: number;
  status: CenterStatus;
};

/** A county's centres where their village lies. */
export async function centerPointsOfCounty(db: Queryable, countyId: string): Promise<CenterPoint[]> {
  const rows = await db
    .selectFrom('centers')
    .innerJoin('villages', 'villages.id', 'centers.village_id')
    .where('centers.county_id', '=', countyId)
    .select([
      'centers.id',
      'centers.name',
      'villages.name as village_name',
      'villages.lat',
      'villages.lon',
      'centers.status',
    ])
    .orderBy('centers.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    villageName: r.village_name,
    lat: r.lat,
    lon: r.lon,
    status: r.status,
  }));
}
