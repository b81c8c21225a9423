import type { Queryable } from '../../db/create-db.ts';
import { forUpdate } from '../../db/dialect.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { ParcelDirection, ParcelRow, ParcelStatus } from './logistics.tables.ts';

export const findParcelRow = (db: Queryable, id: string) =>
  db.selectFrom('parcels').selectAll().where('id', '=', id).executeTakeFirst();

export const findParcelByTracking = (db: Queryable, trackingNumber: string) =>
  db.selectFrom('parcels').selectAll().where('tracking_number', '=', trackingNumber).executeTakeFirst();

/** The parcel row, locked for the rest of the transaction (a scan's read-modify-write). */
export const lockParcelByTracking = (db: Queryable, trackingNumber: string) =>
  forUpdate(
    db,
    db.selectFrom('parcels').selectAll().where('tracking_number', '=', trackingNumber),
  ).executeTakeFirst();

export const lockParcel = (db: Queryable, id: string) =>
  forUpdate(db, db.selectFrom('parcels').selectAll().where('id', '=', id)).executeTakeFirst();

export const parcelOfOrder = (db: Queryable, orderId: string) =>
  db
    .selectFrom('parcels')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('direction', '=', 'inbound')
    .orderBy('id', 'desc')
    .executeTakeFirst();

export const insertParcel = (db: Queryable, row: ParcelRow) => db.insertInto('parcels').values(row).execute();

export async function updateParcel(
  db: Queryable,
  id: string,
  from: ParcelStatus,
  patch: Partial<Omit<ParcelRow, 'id' | 'county_id' | 'tracking_number'>>,
): Promise<boolean> {
  const res = await db
    .updateTable('parcels')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function addParcelEvent(
  db: Queryable,
  parcel: Pick<ParcelRow, 'id' | 'county_id'>,
  event: { type: string; at: string; place: string; actorId: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('parcel_events')
    .values({
      id: uuidv7(),
      parcel_id: parcel.id,
      county_id: parcel.county_id,
      type: event.type,
      at: event.at,
      place: event.place,
      actor_id: event.actorId,
      data: event.data ? JSON.stringify(event.data) : null,
    })
    .execute();
}

export const parcelEvents = (db: Queryable, parcelId: string) =>
  db
    .selectFrom('parcel_events')
    .select(['type', 'at', 'place'])
    .where('parcel_id', '=', parcelId)
    .orderBy('id')
    .execute();

export type ParcelFilter = {
  countyId?: string | undefined;
  centerId?: string | undefined;
  status?: ParcelStatus | undefined;
  direction?: ParcelDirection | undefined;
  arrivedBefore?: string | undefined;
  limit: number;
  offset: number;
};

export function listParcelRows(db: Queryable, f: ParcelFilter): Promise<ParcelRow[]> {
  let q = db.selectFrom('parcels').selectAll().orderBy('id', 'desc');
  if (f.countyId) q = q.where('county_id', '=', f.countyId);
  if (f.centerId) q = q.where('center_id', '=', f.centerId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.direction) q = q.where('direction', '=', f.direction);
  if (f.arrivedBefore) q = q.where('arrived_at', '<', f.arrivedBefore);
  return q.limit(f.limit).offset(f.offset).execute();
}
