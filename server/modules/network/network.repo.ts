import type { Queryable } from '../../db/create-db.ts';
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

export async function insertCenter(db: Queryable, row: CenterRow): Promise<void> {
  await db.insertInto('centers').values(row).execute();
}

export async function updateCenter(db: Queryable, id: string, patch: Partial<CenterRow>): Promise<void> {
  await db.updateTable('centers').set(patch).where('id', '=', id).execute();
}
