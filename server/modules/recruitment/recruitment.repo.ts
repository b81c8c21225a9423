import type { Queryable, Trx } from '../../db/create-db.ts';
import { forUpdate } from '../../db/dialect.ts';
import { countApplication } from './application-counts.ts';
import type { ApplicationRow, ApplicationStatus, InterviewNoteRow, RubricRow } from './recruitment.tables.ts';
import type { Profile } from './rubric.ts';

export const findApplicationRow = (db: Queryable, id: string) =>
  db.selectFrom('recruitment_applications').selectAll().where('id', '=', id).executeTakeFirst();

/** The application, locked until the caller's transaction ends (a decision is taken once). */
export const lockApplicationRow = (trx: Trx, id: string) =>
  forUpdate(
    trx,
    trx.selectFrom('recruitment_applications').selectAll().where('id', '=', id),
  ).executeTakeFirst();

export const openApplicationByPhone = (db: Queryable, countyId: string, phone: string) =>
  db
    .selectFrom('recruitment_applications')
    .select('id')
    .where('county_id', '=', countyId)
    .where('phone', '=', phone)
    .where('status', 'in', ['submitted', 'interviewed'])
    .executeTakeFirst();

/** Runs in the caller's transaction: the application and its count move together. */
export async function insertApplication(trx: Trx, row: ApplicationRow): Promise<void> {
  await trx.insertInto('recruitment_applications').values(row).execute();
  await countApplication(trx, null, row);
}

/**
 * Runs in the caller's transaction: the application and its count move together. The row is
 * locked before it is read, so a concurrent decision cannot count from the same old status.
 */
export async function updateApplication(trx: Trx, id: string, patch: Partial<ApplicationRow>): Promise<void> {
  const before = await forUpdate(
    trx,
    trx.selectFrom('recruitment_applications').select(['county_id', 'status']).where('id', '=', id),
  ).executeTakeFirstOrThrow();
  await trx.updateTable('recruitment_applications').set(patch).where('id', '=', id).execute();
  await countApplication(trx, before, { ...before, ...patch });
}

export function listApplicationRows(
  db: Queryable,
  f: { countyId: string; status?: ApplicationStatus | undefined; limit: number; offset: number },
) {
  let q = db
    .selectFrom('recruitment_applications')
    .selectAll()
    .where('county_id', '=', f.countyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset);
  if (f.status) q = q.where('status', '=', f.status);
  return q.execute();
}

export const countByStatus = (db: Queryable, countyId: string) =>
  db
    .selectFrom('recruitment_applications')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('county_id', '=', countyId)
    .groupBy('status')
    .execute();

export const approvedApplications = (db: Queryable, countyId: string) =>
  db
    .selectFrom('recruitment_applications')
    .select(['partner_user_id', 'center_id'])
    .where('county_id', '=', countyId)
    .where('status', '=', 'approved')
    .execute();

export const notesOf = (db: Queryable, applicationId: string) =>
  db
    .selectFrom('interview_notes')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export async function insertNote(db: Queryable, row: InterviewNoteRow): Promise<void> {
  await db.insertInto('interview_notes').values(row).execute();
}

export const findRubricRow = (db: Queryable, profile: Profile) =>
  db.selectFrom('recruitment_rubrics').selectAll().where('profile', '=', profile).executeTakeFirst();

export async function saveRubricRow(db: Queryable, row: RubricRow, isNew: boolean): Promise<void> {
  if (isNew) await db.insertInto('recruitment_rubrics').values(row).execute();
  else await db.updateTable('recruitment_rubrics').set(row).where('profile', '=', row.profile).execute();
}
