import type { Queryable } from '../../db/create-db.ts';
import type {
  AttendanceRow,
  CertificateRow,
  CourseRow,
  CourseUnlockRow,
  GatedFeature,
  TrainingSessionRow,
} from './training.tables.ts';

export const listCourseRows = (db: Queryable) =>
  db.selectFrom('courses').selectAll().orderBy('created_at').orderBy('id').execute();

export const findCourseRow = (db: Queryable, id: string) =>
  db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();

export const findCourseByTitle = (db: Queryable, title: string) =>
  db.selectFrom('courses').selectAll().where('title', '=', title).executeTakeFirst();

export async function insertCourse(db: Queryable, row: CourseRow): Promise<void> {
  await db.insertInto('courses').values(row).execute();
}

export const listUnlockRows = (db: Queryable) =>
  db.selectFrom('course_unlocks').selectAll().orderBy('course_id').orderBy('feature').execute();

export const unlockRowsOfCourse = (db: Queryable, courseId: string) =>
  db.selectFrom('course_unlocks').selectAll().where('course_id', '=', courseId).orderBy('feature').execute();

/** Replaces what a course unlocks; the caller's transaction keeps the swap atomic. */
export async function replaceUnlocks(
  db: Queryable,
  courseId: string,
  features: GatedFeature[],
): Promise<void> {
  await db.deleteFrom('course_unlocks').where('course_id', '=', courseId).execute();
  if (features.length === 0) return;
  const rows: CourseUnlockRow[] = features.map((feature) => ({ course_id: courseId, feature }));
  await db.insertInto('course_unlocks').values(rows).execute();
}

/** The courses that unlock any of these features, with the feature each unlocks. */
export const gatingCourseRows = (db: Queryable, features: readonly GatedFeature[]) =>
  db
    .selectFrom('course_unlocks')
    .innerJoin('courses', 'courses.id', 'course_unlocks.course_id')
    .select(['course_unlocks.feature', 'courses.id', 'courses.title'])
    .where('course_unlocks.feature', 'in', features)
    .orderBy('courses.created_at')
    .orderBy('courses.id')
    .execute();

/** Which of these courses the partner holds a certificate for, i.e. has passed. */
export const passedCourseIds = async (db: Queryable, userId: string, courseIds: string[]) =>
  courseIds.length === 0
    ? new Set<string>()
    : new Set(
        (
          await db
            .selectFrom('certificates')
            .select('course_id')
            .where('user_id', '=', userId)
            .where('course_id', 'in', courseIds)
            .execute()
        ).map((r) => r.course_id),
      );

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
