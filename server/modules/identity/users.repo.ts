import type { Queryable } from '../../db/create-db.ts';
import type { Role, UserRow } from './identity.tables.ts';

export function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByLogin(db: Queryable, login: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

export async function insertUser(db: Queryable, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function setUserCenterRow(
  db: Queryable,
  userId: string,
  centerId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ center_id: centerId, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

export type UserFilter = {
  role?: Role | undefined;
  countyId?: string | undefined;
  unassigned?: boolean | undefined;
};

export function listUserRows(db: Queryable, filter: UserFilter): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll().orderBy('login').limit(1000);
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.countyId) q = q.where('county_id', '=', filter.countyId);
  if (filter.unassigned) q = q.where('center_id', 'is', null);
  return q.execute();
}
