import type { Queryable } from '../../db/create-db.ts';

/**
 * How many users hold a certificate of every course required for opening, counted in SQL.
 * `requiredCourses` 0 means no course is required, so every partner is certified and the
 * count of certificate holders says nothing: the caller counts partners instead.
 */
export async function certifiedUserCount(
  db: Queryable,
): Promise<{ requiredCourses: number; certified: number }> {
  const required = db.selectFrom('courses').where('required_for_opening', '=', 1);
  const { n } = await required.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const requiredCourses = Number(n);
  if (requiredCourses === 0) return { requiredCourses, certified: 0 };
  const holders = db
    .selectFrom('certificates')
    .where('course_id', 'in', required.select('id'))
    .select('user_id')
    .groupBy('user_id')
    .having((eb) => eb(eb.fn.count('course_id').distinct(), '=', requiredCourses));
  const row = await db
    .selectFrom(holders.as('h'))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { requiredCourses, certified: Number(row.n) };
}
