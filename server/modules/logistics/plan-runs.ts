import type { Trx } from '../../db/create-db.ts';
import { forUpdate } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Actor } from '../identity/index.ts';
import { findCenter, findCounty, findVillage } from '../network/index.ts';
import type { Point } from './geo.ts';
import type { ParcelRow, ParcelStatus, RunRow } from './logistics.tables.ts';
import { type Run, toRun } from './logistics.views.ts';
import { roadKmOf } from './road-distances.ts';
import { type PlannedTrip, planTrips } from './route-plan.ts';
import {
  deletePlannedRuns,
  insertRun,
  parcelsOfRuns,
  runsOn,
  stopsOf,
  waitingCollections,
  waitingParcels,
} from './runs.repo.ts';

/**
 * The solver's budget per plan, and a fixed seed (with an iteration cap) so the same parcels
 * give the same runs on any machine: a county's few dozen centres converge well within it.
 */
export const SOLVER = { timeLimitMs: 2_000, seed: 20_141_029, maxIterations: 5_000 } as const;

/**
 * Plans the county's two-way van runs for a date: every parcel waiting at the hub goes out,
 * every outbound parcel waiting at a centre comes back. Runs of that
 * date still `planned` are replaced; dispatched ones stay, and their vans' time is deducted
 * from the shift. Runs in one transaction that first locks the county's vans, so two planners
 * never hand out the same parcel. The solver is synchronous and holds the event loop for up
 * to its time limit — acceptable for a county centre's few plans a day (see README).
 */
export async function planRuns(
  deps: Deps,
  actor: Actor,
  input: { countyId: string; date: string },
): Promise<{ runs: Run[]; unplanned: string[]; uncollected: string[] }> {
  if (actor.role !== 'county_staff' || actor.countyId !== input.countyId) {
    throw new AppError('not_found', 'County not found');
  }
  return deps.db.transaction().execute(async (trx) => {
    const county = await findCounty(trx, input.countyId);
    if (!county) throw new AppError('not_found', 'County not found');
    const vans = await forUpdate(
      trx,
      trx.selectFrom('vehicles').selectAll().where('county_id', '=', county.id),
    )
      .orderBy('id')
      .execute();
    await deletePlannedRuns(trx, county.id, input.date);
    const dispatched = await runsOn(trx, county.id, input.date);
    const used = (vehicleId: string) =>
      dispatched.filter((r) => r.vehicle_id === vehicleId).reduce((s, r) => s + r.duration_minutes, 0);
    const parcels = await waitingParcels(trx, county.id);
    const collections = await waitingCollections(trx, county.id, input.date);
    const toPlan = (p: ParcelRow) => ({ id: p.id, centerId: p.center_id, weightGrams: p.weight_grams });
    const plan = planTrips(
      {
        hub: county.hub,
        centers: await centerPoints(trx, [...new Set([...parcels, ...collections].map((p) => p.center_id))]),
        parcels: parcels.map(toPlan),
        collections: collections.map(toPlan),
        roadKm: await roadKmOf(trx, county.id),
        vans: vans.map((v) => ({
          id: v.id,
          capacityKg: v.capacity_kg,
          availableMinutes: v.shift_minutes - used(v.id),
        })),
      },
      SOLVER,
    );
    const at = deps.clock.now().toISOString();
    const tripsSoFar = new Map(
      vans.map((v) => [v.id, dispatched.filter((r) => r.vehicle_id === v.id).length]),
    );
    const rows: RunRow[] = [];
    for (const trip of plan.trips) {
      const tripNo = (tripsSoFar.get(trip.vehicleId) ?? 0) + 1;
      tripsSoFar.set(trip.vehicleId, tripNo);
      rows.push(await saveTrip(trx, county.id, input.date, trip, tripNo, at));
    }
    const stops = await stopsOf(
      trx,
      rows.map((r) => r.id),
    );
    const carried = await parcelsOfRuns(
      trx,
      rows.map((r) => r.id),
    );
    return {
      runs: rows.map((r) => toRun(r, stops.get(r.id) ?? [], carried)),
      unplanned: plan.unplanned,
      uncollected: plan.uncollected,
    };
  });
}

async function saveTrip(
  trx: Trx,
  countyId: string,
  date: string,
  trip: PlannedTrip,
  tripNo: number,
  at: string,
): Promise<RunRow> {
  const run: RunRow = {
    id: uuidv7(),
    county_id: countyId,
    vehicle_id: trip.vehicleId,
    date,
    trip: tripNo,
    status: 'planned',
    distance_km: trip.distanceKm,
    duration_minutes: trip.durationMinutes,
    load_grams: trip.loadGrams,
    created_at: at,
    dispatched_at: null,
  };
  const stops = trip.stops.map((s, i) => ({
    run_id: run.id,
    county_id: countyId,
    sequence: i + 1,
    center_id: s.centerId,
  }));
  await insertRun(trx, run, stops);
  await assignRun(
    trx,
    run.id,
    trip.stops.flatMap((s) => s.parcelIds),
    'at_hub',
  );
  await assignRun(
    trx,
    run.id,
    trip.stops.flatMap((s) => s.collectParcelIds),
    'awaiting_collection',
  );
  return run;
}

/** Puts parcels on a run, refusing the whole plan if any of them moved since it was read. */
async function assignRun(trx: Trx, runId: string, ids: string[], status: ParcelStatus): Promise<void> {
  if (ids.length === 0) return;
  const res = await trx
    .updateTable('parcels')
    .set({ run_id: runId })
    .where('id', 'in', ids)
    .where('status', '=', status)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== ids.length)
    throw invalidState('Parcels changed while planning; plan again');
}

/** Centre → its village's coordinates; centres without one are left out (their parcels wait). */
async function centerPoints(trx: Trx, centerIds: string[]): Promise<Map<string, Point>> {
  const points = new Map<string, Point>();
  for (const id of centerIds) {
    const center = await findCenter(trx, id);
    const village = center ? await findVillage(trx, center.villageId) : null;
    if (village) points.set(id, { lat: village.lat, lon: village.lon });
  }
  return points;
}
