import type { Kysely } from 'kysely';

/**
 * A county's orders newest first, read in index order: without it every order the county ever
 * placed was sorted for each page (measured on a generated national network).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('orders_county_created')
    .on('orders')
    .columns(['county_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_county_created').execute();
}
