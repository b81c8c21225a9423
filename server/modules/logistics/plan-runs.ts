import type { Queryable, Trx } from '../../db/create-db.ts';
import { forUpdate } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Actor } from '../identity/index.ts';
import { type County, centerCoordinates, findCounty } from '../network/index.ts';
import type { ParcelRow, ParcelStatus, RunRow, VehicleRow } from './logistics.tables.ts';
import { type Run, toRun } from './logistics.views.ts';
import { planTripsInWorker } from './plan-worker.ts';
import { roadDistancesOf } from './road-distances.ts';
import type { Plan, PlanInput, PlannedTrip } from './route-plan.ts';
import {
  deletePlannedRuns,
  insertRun,
  parcelsOfRuns,
  runsOn,
  stopsOf,
  vehiclesOf,
  waitingCollections,
  waitingParcels,
} from './runs.repo.ts';

/**
 * The solver's budget per plan, and a fixed seed (with an iteration cap) so the same parcels
 * give the same runs on any machine: a county's few dozen centres converge well within it.
 */
export const SOLVER = { timeLimitMs: 2_000, seed: 20_141_029, maxIterations: 5_000 } as const;
/** Plans computed again when parcels or vans changed while the solver ran. */
const ATTEMPTS = 3;

type Situation = { input: PlanInput; vans: VehicleRow[]; dispatched: RunRow[] };

/**
 * Plans the county's two-way van runs for a date: every parcel waiting at the hub goes out,
 * every outbound parcel waiting at a centre comes back. Runs of that date still `planned` are
 * replaced; dispatched ones stay, and their vans' time is deducted from the shift.
 *
 * The solver runs in a worker thread outside any transaction, so neither the event loop nor
 * the database waits for it. The plan is then saved in one transaction that locks the
 * county's vans and reads the situation again: if a parcel or a van changed meanwhile, the
 * plan is computed anew; two planners therefore never hand out the same parcel.
 */
export async function planRuns(
  deps: Deps,
  actor: Actor,
  input: { countyId: string; date: string },
): Promise<{ runs: Run[]; unplanned: string[]; uncollected: string[] }> {
  if (actor.role !== 'county_staff' || actor.countyId !== input.countyId) {
    throw new AppError('not_found', 'County not found');
  }
  const county = await findCounty(deps.db, input.countyId);
  if (!county) throw new AppError('not_found', 'County not found');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await situation(deps.db, county, input.date);
    const plan = await planTripsInWorker(before.input, SOLVER);
    const saved = await deps.db.transaction().execute(async (trx) => {
      await forUpdate(
        trx,
        trx.selectFrom('vehicles').select('id').where('county_id', '=', county.id),
      ).execute();
      const now = await situation(trx, county, input.date);
      if (fingerprint(now) !== fingerprint(before)) return null;
      await deletePlannedRuns(trx, county.id, input.date);
      const runs = await saveRuns(trx, county.id, input.date, plan, now, deps.clock.now().toISOString());
      return { runs, unplanned: plan.unplanned, uncollected: plan.uncollected };
    });
    if (saved) return saved;
  }
  throw invalidState('Parcels kept changing while planning; plan again');
}

/** What a plan depends on: the waiting parcels, the centres' places, the vans and their free time. */
async function situation(db: Queryable, county: County, date: string): Promise<Situation> {
  const vans = await vehiclesOf(db, county.id);
  const dispatched = await runsOn(db, county.id, date, 'dispatched');
  const used = (vehicleId: string) =>
    dispatched.filter((r) => r.vehicle_id === vehicleId).reduce((s, r) => s + r.duration_minutes, 0);
  const parcels = await waitingParcels(db, county.id, date);
  const collections = await waitingCollections(db, county.id, date);
  const toPlan = (p: ParcelRow) => ({ id: p.id, centerId: p.center_id, weightGrams: p.weight_grams });
  const roadDistances = await roadDistancesOf(db, county.id);
  return {
    input: {
      hub: county.hub,
      centers: await centerCoordinates(db, [
        ...new Set([...parcels, ...collections].map((p) => p.center_id)),
      ]),
      parcels: parcels.map(toPlan),
      collections: collections.map(toPlan),
      ...(roadDistances ? { roadDistances } : {}),
      vans: vans.map((v) => ({
        id: v.id,
        capacityKg: v.capacity_kg,
        availableMinutes: v.shift_minutes - used(v.id),
      })),
    },
    vans,
    dispatched,
  };
}

const fingerprint = ({ input }: Situation) =>
  JSON.stringify([
    input.parcels,
    input.collections,
    input.vans,
    [...input.centers],
    [...(input.roadDistances ?? [])],
  ]);

async function saveRuns(trx: Trx, countyId: string, date: string, plan: Plan, now: Situation, at: string) {
  const tripsSoFar = new Map(
    now.vans.map((v) => [v.id, now.dispatched.filter((r) => r.vehicle_id === v.id).length]),
  );
  const rows: RunRow[] = [];
  for (const trip of plan.trips) {
    const tripNo = (tripsSoFar.get(trip.vehicleId) ?? 0) + 1;
    tripsSoFar.set(trip.vehicleId, tripNo);
    rows.push(await saveTrip(trx, countyId, date, trip, tripNo, at));
  }
  const ids = rows.map((r) => r.id);
  const stops = await stopsOf(trx, ids);
  const carried = await parcelsOfRuns(trx, ids);
  return rows.map((r) => toRun(r, stops.get(r.id) ?? [], carried));
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

/** Puts parcels on a run; the situation was checked under the vans' lock, so all of them move. */
async function assignRun(trx: Trx, runId: string, ids: string[], status: ParcelStatus): Promise<void> {
  if (ids.length === 0) return;
  const res = await trx
    .updateTable('parcels')
    .set({ run_id: runId })
    .where('id', 'in', ids)
    .where('status', '=', status)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== ids.length) throw new Error('a planned parcel moved under the lock');
}
