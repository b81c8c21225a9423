import type { Kysely } from 'kysely';

/** Pre-orders of a harvest collected later. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('harvest_batches')
    .addColumn('product_id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('ships_from', 'text', (c) => c.notNull())
    .addColumn('collected_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('harvest_batches').execute();
}
