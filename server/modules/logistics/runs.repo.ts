import type { Queryable } from '../../db/create-db.ts';
import type { ParcelRow, RunRow, RunStatus, RunStopRow, VehicleRow } from './logistics.tables.ts';

export const insertVehicle = (db: Queryable, row: VehicleRow) =>
  db.insertInto('vehicles').values(row).execute();

export const vehiclesOf = (db: Queryable, countyId: string) =>
  db.selectFrom('vehicles').selectAll().where('county_id', '=', countyId).orderBy('id').execute();

export const findRunRow = (db: Queryable, id: string) =>
  db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();

export const runsOn = (db: Queryable, countyId: string, date: string, status?: RunStatus) => {
  let q = db.selectFrom('runs').selectAll().where('county_id', '=', countyId).where('date', '=', date);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('vehicle_id').orderBy('trip').execute();
};

export async function insertRun(db: Queryable, run: RunRow, stops: RunStopRow[]): Promise<void> {
  await db.insertInto('runs').values(run).execute();
  if (stops.length > 0) await db.insertInto('run_stops').values(stops).execute();
}

/** Drops runs still `planned`: their parcels go back to waiting at the hub. */
export async function deletePlannedRuns(db: Queryable, countyId: string, date: string): Promise<void> {
  const planned = db
    .selectFrom('runs')
    .select('id')
    .where('county_id', '=', countyId)
    .where('date', '=', date)
    .where('status', '=', 'planned');
  await db.updateTable('parcels').set({ run_id: null }).where('run_id', 'in', planned).execute();
  await db.deleteFrom('run_stops').where('run_id', 'in', planned).execute();
  await db
    .deleteFrom('runs')
    .where('county_id', '=', countyId)
    .where('date', '=', date)
    .where('status', '=', 'planned')
    .execute();
}

/**
 * Inbound parcels at the hub for a plan of `date`: those no run holds, and those on that
 * date's runs still `planned`, which the new plan replaces.
 */
export const waitingParcels = (db: Queryable, countyId: string, date: string) =>
  db
    .selectFrom('parcels')
    .selectAll()
    .where('county_id', '=', countyId)
    .where('direction', '=', 'inbound')
    .where('status', '=', 'at_hub')
    .where((eb) =>
      eb.or([eb('run_id', 'is', null), eb('run_id', 'in', runsOf(db, countyId, 'planned', '=', date))]),
    )
    .orderBy('id')
    .execute();

/**
 * Outbound parcels waiting at the county's centres for a plan of `date`: never planned, on
 * that date's runs still `planned`, or on a run of an earlier day that left without them
 * (the driver missed them; they go on a new run).
 */
export const waitingCollections = (db: Queryable, countyId: string, date: string) =>
  db
    .selectFrom('parcels')
    .selectAll()
    .where('county_id', '=', countyId)
    .where('direction', '=', 'outbound')
    .where('status', '=', 'awaiting_collection')
    .where((eb) =>
      eb.or([
        eb('run_id', 'is', null),
        eb('run_id', 'in', runsOf(db, countyId, 'planned', '=', date)),
        eb('run_id', 'in', runsOf(db, countyId, 'dispatched', '<', date)),
      ]),
    )
    .orderBy('id')
    .execute();

const runsOf = (db: Queryable, countyId: string, status: RunStatus, op: '=' | '<', date: string) =>
  db
    .selectFrom('runs')
    .select('id')
    .where('county_id', '=', countyId)
    .where('status', '=', status)
    .where('date', op, date);

export async function stopsOf(db: Queryable, runIds: string[]): Promise<Map<string, RunStopRow[]>> {
  const byRun = new Map<string, RunStopRow[]>(runIds.map((id) => [id, []]));
  if (runIds.length === 0) return byRun;
  const rows = await db
    .selectFrom('run_stops')
    .selectAll()
    .where('run_id', 'in', runIds)
    .orderBy('sequence')
    .execute();
  for (const r of rows) byRun.get(r.run_id)?.push(r);
  return byRun;
}

export async function parcelsOfRuns(db: Queryable, runIds: string[]): Promise<ParcelRow[]> {
  if (runIds.length === 0) return [];
  return db.selectFrom('parcels').selectAll().where('run_id', 'in', runIds).orderBy('id').execute();
}
