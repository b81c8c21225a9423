import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { createTallyTable } from '../../../db/tallies.ts';
import { rebuildApplicationCounts } from '../application-counts.ts';

/** Applications counted per county and status (see `application-counts.ts`), filled from the applications. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTallyTable(db, 'application_counts', ['applications']);
  await rebuildApplicationCounts(db as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_counts').execute();
}
