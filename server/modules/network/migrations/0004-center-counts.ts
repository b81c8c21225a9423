import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { createTallyTable } from '../../../db/tallies.ts';
import { rebuildCenterCounts } from '../center-counts.ts';

/** Centres counted per county and status (see `center-counts.ts`), filled from the centres. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTallyTable(db, 'center_counts', ['centers', 'partners']);
  await rebuildCenterCounts(db as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('center_counts').execute();
}
