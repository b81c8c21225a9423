import { forUpdate, isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertFound, canManageCounty, getUser } from '../identity/index.ts';
import { noteCertificate } from './certified-count.ts';
import { findAttendance, findCertificate, insertAttendance, insertCertificate } from './training.repo.ts';
import type { AttendanceRow } from './training.tables.ts';
import { type Attendance, toAttendance } from './training.views.ts';

export type AttendanceInput = { userId: string; passed: boolean; score?: number | undefined };

/** Certificate numbers people can read out on the phone: year and the id's random tail. */
const certificateNo = (id: string, at: string) =>
  `CT${at.slice(0, 4)}-${id.replace(/-/g, '').slice(-10).toUpperCase()}`;

/**
 * Records that a partner of the session's county attended, and the exam result. The first
 * pass of a course issues its certificate. A partner is recorded once per session: a result
 * is not rewritten afterwards (another session is the retake).
 */
export async function recordAttendance(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: AttendanceInput,
): Promise<Attendance> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const session = await forUpdate(
        trx,
        trx.selectFrom('training_sessions').selectAll().where('id', '=', sessionId),
      ).executeTakeFirst();
      assertFound(session !== undefined && canManageCounty(actor, session.county_id), 'Training session');
      const user = await getUser(trx, input.userId);
      if (user?.role !== 'partner' || user.countyId !== session!.county_id)
        throw validationFailed('userId', 'is not a partner of this county');
      if (await findAttendance(trx, sessionId, input.userId))
        throw new AppError('conflict', 'This partner is already recorded for this session');
      const now = deps.clock.now().toISOString();
      const row: AttendanceRow = {
        id: uuidv7(),
        session_id: sessionId,
        county_id: session!.county_id,
        course_id: session!.course_id,
        user_id: input.userId,
        passed: input.passed ? 1 : 0,
        score: input.score ?? null,
        recorded_by: actor.id,
        recorded_at: now,
      };
      await insertAttendance(trx, row);
      let certificateId: string | null = null;
      if (input.passed && !(await findCertificate(trx, input.userId, session!.course_id))) {
        certificateId = uuidv7();
        await insertCertificate(trx, {
          id: certificateId,
          certificate_no: certificateNo(certificateId, now),
          user_id: input.userId,
          course_id: session!.course_id,
          county_id: session!.county_id,
          session_id: sessionId,
          score: input.score ?? null,
          issued_at: now,
        });
        await noteCertificate(trx, {
          userId: input.userId,
          countyId: session!.county_id,
          courseId: session!.course_id,
          issuedAt: now,
        });
      }
      return toAttendance(row, certificateId);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'This partner is already recorded for this session');
    throw error;
  }
}
