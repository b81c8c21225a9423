import type { Queryable } from '../../db/create-db.ts';
import type { AttendanceRow, CertificateRow, CourseRow, TrainingSessionRow } from './training.tables.ts';

export const listCourseRows = (db: Queryable) =>
  db.selectFrom('courses').selectAll().orderBy('created_at').orderBy('id').execute();

export const findCourseRow = (db: Queryable, id: string) =>
  db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();

export const findCourseByTitle = (db: Queryable, title: string) =>
  db.selectFrom('courses').selectAll().where('title', '=', title).executeTakeFirst();

export async function insertCourse(db: Queryable, row: CourseRow): Promise<void> {
  await db.insertInto('courses').values(row).execute();
}

export const requiredCourseRows = (db: Queryable) =>
  db
    .selectFrom('courses')
    .selectAll()
    .where('required_for_opening', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export async function insertSession(db: Queryable, row: TrainingSessionRow): Promise<void> {
  await db.insertInto('training_sessions').values(row).execute();
}

export const findSessionRow = (db: Queryable, id: string) =>
  db.selectFrom('training_sessions').selectAll().where('id', '=', id).executeTakeFirst();

export const listSessionRows = (db: Queryable, countyId: string) =>
  db
    .selectFrom('training_sessions')
    .selectAll()
    .where('county_id', '=', countyId)
    .orderBy('starts_at', 'desc')
    .limit(500)
    .execute();

export const attendanceOfSession = (db: Queryable, sessionId: string) =>
  db
    .selectFrom('training_attendance')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('recorded_at')
    .execute();

export const findAttendance = (db: Queryable, sessionId: string, userId: string) =>
  db
    .selectFrom('training_attendance')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export async function insertAttendance(db: Queryable, row: AttendanceRow): Promise<void> {
  await db.insertInto('training_attendance').values(row).execute();
}

export const certificatesOf = (db: Queryable, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([] as CertificateRow[])
    : db
        .selectFrom('certificates')
        .selectAll()
        .where('user_id', 'in', userIds)
        .orderBy('issued_at')
        .execute();

export const findCertificate = (db: Queryable, userId: string, courseId: string) =>
  db
    .selectFrom('certificates')
    .selectAll()
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();

export async function insertCertificate(db: Queryable, row: CertificateRow): Promise<void> {
  await db.insertInto('certificates').values(row).execute();
}
