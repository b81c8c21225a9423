import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { rebuildCenterCounts } from '../center-counts.ts';

/** Centres counted per county and status (see `center-counts.ts`), filled from the centres. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('center_counts')
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('centers', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('partners', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('center_counts_pk', ['county_id', 'status'])
    .execute();
  await rebuildCenterCounts(db as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('center_counts').execute();
}
