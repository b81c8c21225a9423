import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertFound, canManageCounty, canSeeCounty } from '../identity/index.ts';
import {
  attendanceOfSession,
  certificatesOf,
  findCourseRow,
  findSessionRow,
  insertSession,
  listSessionRows,
} from './training.repo.ts';
import type { TrainingSessionRow } from './training.tables.ts';
import { type Attendance, type TrainingSession, toAttendance, toSession } from './training.views.ts';

export type NewSession = {
  countyId: string;
  courseId: string;
  startsAt: string;
  trainer: string;
  location?: string | undefined;
};

/** A training session the county centre runs for its partners. */
export async function createSession(deps: Deps, actor: Actor, input: NewSession): Promise<TrainingSession> {
  if (!canManageCounty(actor, input.countyId))
    throw new AppError('forbidden', 'Only staff of this county may schedule its training');
  if (!(await findCourseRow(deps.db, input.courseId))) throw validationFailed('courseId', 'no such course');
  const row: TrainingSessionRow = {
    id: uuidv7(),
    county_id: input.countyId,
    course_id: input.courseId,
    starts_at: new Date(input.startsAt).toISOString(),
    trainer: input.trainer,
    location: input.location ?? null,
    created_by: actor.id,
    created_at: deps.clock.now().toISOString(),
  };
  await insertSession(deps.db, row);
  return toSession(row);
}

export async function listSessions(deps: Deps, actor: Actor, countyId: string): Promise<TrainingSession[]> {
  if (!canSeeCounty(actor, countyId)) return [];
  return (await listSessionRows(deps.db, countyId)).map(toSession);
}

/** A session with who attended and how they did. */
export async function getSession(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<TrainingSession & { attendance: Attendance[] }> {
  const row = await findSessionRow(deps.db, id);
  assertFound(row !== undefined && canSeeCounty(actor, row.county_id), 'Training session');
  const attendance = await attendanceOfSession(deps.db, id);
  const certificates = await certificatesOf(
    deps.db,
    attendance.map((a) => a.user_id),
  );
  const earned = new Map(
    certificates.filter((c) => c.session_id === id).map((c) => [`${c.user_id}:${c.course_id}`, c.id]),
  );
  return {
    ...toSession(row!),
    attendance: attendance.map((a) => toAttendance(a, earned.get(`${a.user_id}:${a.course_id}`) ?? null)),
  };
}
