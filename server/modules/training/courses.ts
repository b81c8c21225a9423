import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Actor } from '../identity/index.ts';
import { rebuildCertifiedPartners } from './certified-count.ts';
import {
  findCourseByTitle,
  findCourseRow,
  insertCourse,
  listCourseRows,
  listUnlockRows,
  replaceUnlocks,
  unlockRowsOfCourse,
} from './training.repo.ts';
import type { CourseRow, GatedFeature } from './training.tables.ts';
import { type Course, toCourse } from './training.views.ts';

export type NewCourse = {
  title: string;
  requiredForOpening: boolean;
  description?: string | undefined;
  /** Partner features this course unlocks; none by default. */
  unlocks?: GatedFeature[] | undefined;
};

/**
 * A national course. Marking one required for opening makes every partner who has not
 * passed it uncertified: centres already open stay open, new ones wait for the course.
 * A course that unlocks a feature locks it at once for every partner who has not passed it.
 */
export async function createCourse(deps: Deps, actor: Actor, input: NewCourse): Promise<Course> {
  if (await findCourseByTitle(deps.db, input.title))
    throw new AppError('conflict', 'A course with this title exists');
  const row: CourseRow = {
    id: uuidv7(),
    title: input.title,
    description: input.description ?? null,
    required_for_opening: input.requiredForOpening ? 1 : 0,
    created_by: actor.id,
    created_at: deps.clock.now().toISOString(),
  };
  const unlocks = [...(input.unlocks ?? [])].sort();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertCourse(trx, row);
      await replaceUnlocks(trx, row.id, unlocks);
      if (row.required_for_opening === 1) await rebuildCertifiedPartners(trx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'A course with this title exists');
    throw error;
  }
  return toCourse(row, unlocks);
}

/**
 * Sets which partner features a course unlocks. Partners who have not passed it lose a
 * newly gated feature at once; nothing already done (returns taken, listings made) is undone.
 */
export async function setCourseUnlocks(
  deps: Deps,
  courseId: string,
  unlocks: GatedFeature[],
): Promise<Course> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findCourseRow(trx, courseId);
    if (!row) throw notFound('Course', courseId);
    await replaceUnlocks(trx, courseId, unlocks);
    return toCourse(
      row,
      (await unlockRowsOfCourse(trx, courseId)).map((u) => u.feature),
    );
  });
}

export async function listCourses(deps: Deps): Promise<Course[]> {
  const unlocks = new Map<string, GatedFeature[]>();
  for (const u of await listUnlockRows(deps.db)) {
    unlocks.set(u.course_id, [...(unlocks.get(u.course_id) ?? []), u.feature]);
  }
  return (await listCourseRows(deps.db)).map((r) => toCourse(r, unlocks.get(r.id) ?? []));
}
