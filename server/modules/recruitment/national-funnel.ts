import type { Queryable } from '../../db/create-db.ts';

/**
 * Applications nationally: every one ever filed (whatever became of it) and those approved,
 * summed from the per-county tallies (`application-counts.ts`).
 */
export async function nationalApplications(db: Queryable): Promise<{ submitted: number; approved: number }> {
  const row = await db
    .selectFrom('application_counts')
    .select((eb) => [
      eb.fn.sum('applications').as('submitted'),
      eb.fn
        .sum(eb.case().when('status', '=', 'approved').then(eb.ref('applications')).else(0).end())
        .as('approved'),
    ])
    .executeTakeFirstOrThrow();
  return { submitted: Number(row.submitted ?? 0), approved: Number(row.approved ?? 0) };
}
