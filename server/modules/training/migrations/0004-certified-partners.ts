import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { rebuildCertifiedPartners } from '../certified-count.ts';

/**
 * Partners who hold every required certificate, kept as rows (see `certified-count.ts`);
 * filled from the existing certificates. Keyed by county like every county-scoped table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('certified_partners')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('certified_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('certified_partners_pk', ['user_id', 'county_id'])
    .execute();
  await rebuildCertifiedPartners(db as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('certified_partners').execute();
}
