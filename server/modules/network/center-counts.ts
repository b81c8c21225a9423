import type { Queryable } from '../../db/create-db.ts';
import { moveTally } from '../../db/tallies.ts';
import type { CenterRow } from './network.tables.ts';

/**
 * `center_counts`: centres per county and status, with how many have a partner, moved by the
 * only two writes of a centre (`insertCenter`, `updateCenter`) in their transaction. HQ's
 * national totals read these few thousand rows instead of grouping every centre.
 */
type Counted = Pick<CenterRow, 'county_id' | 'status' | 'partner_user_id'>;

const tally = (row: Counted) => ({
  countyId: row.county_id,
  status: row.status,
  counts: { centers: 1, partners: row.partner_user_id === null ? 0 : 1 },
});

export async function countCenter(db: Queryable, before: Counted | null, after: Counted): Promise<void> {
  await moveTally(db, 'center_counts', before && tally(before), tally(after));
}

/** Recounts from the centres: fills the table on an existing database, and checks it in tests. */
export async function rebuildCenterCounts(db: Queryable): Promise<void> {
  await db.deleteFrom('center_counts').execute();
  await db
    .insertInto('center_counts')
    .columns(['county_id', 'status', 'centers', 'partners'])
    .expression(
      db
        .selectFrom('centers')
        .select((eb) => [
          'county_id',
          'status',
          eb.fn.countAll().as('centers'),
          eb.fn.count('partner_user_id').as('partners'),
        ])
        .groupBy(['county_id', 'status']),
    )
    .execute();
}
