import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { rebuildApplicationCounts } from '../application-counts.ts';

/** Applications counted per county and status (see `application-counts.ts`), filled from the applications. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('application_counts')
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applications', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('application_counts_pk', ['county_id', 'status'])
    .execute();
  await rebuildApplicationCounts(db as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_counts').execute();
}
