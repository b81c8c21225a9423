import type { Queryable } from '../../db/create-db.ts';

/**
 * Applications nationally, counted in SQL: every one ever filed (whatever became of it) and
 * those approved.
 */
export async function nationalApplications(db: Queryable): Promise<{ submitted: number; approved: number }> {
  const row = await db
    .selectFrom('recruitment_applications')
    .select((eb) => [
      eb.fn.countAll().as('submitted'),
      eb.fn.sum(eb.case().when('status', '=', 'approved').then(1).else(0).end()).as('approved'),
    ])
    .executeTakeFirstOrThrow();
  return { submitted: Number(row.submitted), approved: Number(row.approved ?? 0) };
}
