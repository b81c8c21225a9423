import type { Queryable, Trx } from '../../db/create-db.ts';
import { forUpdate } from '../../db/dialect.ts';
import { countCenter } from './center-counts.ts';
import type { CenterRow, CenterStatus, CountyRow, VillageRow } from './network.tables.ts';

export const findCountyRow = (db: Queryable, id: string) =>
  db.selectFrom('counties').selectAll().where('id', '=', id).executeTakeFirst();

export const findCountyByCode = (db: Queryable, code: string) =>
  db.selectFrom('counties').selectAll().where('code', '=', code).executeTakeFirst();

export function listCountyRows(db: Queryable, ids?: string[]): Promise<CountyRow[]> {
  let q = db.selectFrom('counties').selectAll().orderBy('province').orderBy('name');
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
  return q.execute();
}

export async function insertCounty(db: Queryable, row: CountyRow): Promise<void> {
  await db.insertInto('counties').values(row).execute();
}

export const findVillageRow = (db: Queryable, id: string) =>
  db.selectFrom('villages').selectAll().where('id', '=', id).executeTakeFirst();

export const listVillageRows = (db: Queryable, countyId: string) =>
  db.selectFrom('villages').selectAll().where('county_id', '=', countyId).orderBy('name').execute();

export async function insertVillage(db: Queryable, row: VillageRow): Promise<void> {
  await db.insertInto('villages').values(row).execute();
}

const centerWithVillage = (db: Queryable) =>
  db
    .selectFrom('centers')
    .leftJoin('villages', 'villages.id', 'centers.village_id')
    .selectAll('centers')
    .select('villages.name as village_name');

export const findCenterRow = (db: Queryable, id: string) =>
  centerWithVillage(db).where('centers.id', '=', id).executeTakeFirst();

export const findCenterRows = (db: Queryable, ids: readonly string[]) =>
  centerWithVillage(db).where('centers.id', 'in', ids).execute();

export type CenterFilter = {
  countyId?: string | undefined;
  status?: CenterStatus | undefined;
  centerId?: string | undefined;
  limit: number;
  offset: number;
};

export function listCenterRows(db: Queryable, f: CenterFilter) {
  let q = centerWithVillage(db)
    .orderBy('centers.created_at')
    .orderBy('centers.id')
    .limit(f.limit)
    .offset(f.offset);
  if (f.countyId) q = q.where('centers.county_id', '=', f.countyId);
  if (f.status) q = q.where('centers.status', '=', f.status);
  if (f.centerId) q = q.where('centers.id', '=', f.centerId);
  return q.execute();
}

/** Runs in the caller's transaction: the centre and its count move together. */
export async function insertCenter(trx: Trx, row: CenterRow): Promise<void> {
  await trx.insertInto('centers').values(row).execute();
  await countCenter(trx, null, row);
}

/**
 * Runs in the caller's transaction: the centre and its count move together. The row is locked
 * before it is read, so a concurrent change cannot count from the same old status twice.
 */
export async function updateCenter(trx: Trx, id: string, patch: Partial<CenterRow>): Promise<void> {
  const before = await forUpdate(
    trx,
    trx.selectFrom('centers').select(['county_id', 'status', 'partner_user_id']).where('id', '=', id),
  ).executeTakeFirstOrThrow();
  await trx.updateTable('centers').set(patch).where('id', '=', id).execute();
  await countCenter(trx, before, { ...before, ...patch });
}
