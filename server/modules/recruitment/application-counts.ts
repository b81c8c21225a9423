import type { Queryable } from '../../db/create-db.ts';
import { moveTally } from '../../db/tallies.ts';
import type { ApplicationRow } from './recruitment.tables.ts';

/**
 * `application_counts`: applications per county and status, moved by the only two writes of
 * an application (`insertApplication`, `updateApplication`) in their transaction, so HQ's
 * national funnel sums a few thousand rows instead of every application ever filed.
 */
type Counted = Pick<ApplicationRow, 'county_id' | 'status'>;

const tally = (row: Counted) => ({
  countyId: row.county_id,
  status: row.status,
  counts: { applications: 1 },
});

export async function countApplication(db: Queryable, before: Counted | null, after: Counted): Promise<void> {
  await moveTally(db, 'application_counts', before && tally(before), tally(after));
}

/** Recounts from the applications: fills the table on an existing database, and checks it in tests. */
export async function rebuildApplicationCounts(db: Queryable): Promise<void> {
  await db.deleteFrom('application_counts').execute();
  await db
    .insertInto('application_counts')
    .columns(['county_id', 'status', 'applications'])
    .expression(
      db
        .selectFrom('recruitment_applications')
        .select((eb) => ['county_id', 'status', eb.fn.countAll().as('applications')])
        .groupBy(['county_id', 'status']),
    )
    .execute();
}
