import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Actor } from '../identity/index.ts';
import { findCourseByTitle, insertCourse, listCourseRows } from './training.repo.ts';
import type { CourseRow } from './training.tables.ts';
import { type Course, toCourse } from './training.views.ts';

export type NewCourse = { title: string; requiredForOpening: boolean; description?: string | undefined };

/**
 * A national course. Marking one required for opening makes every partner who has not
 * passed it uncertified: centres already open stay open, new ones wait for the course.
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
  try {
    await insertCourse(deps.db, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'A course with this title exists');
    throw error;
  }
  return toCourse(row);
}

export async function listCourses(deps: Deps): Promise<Course[]> {
  return (await listCourseRows(deps.db)).map(toCourse);
}
