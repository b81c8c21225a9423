import type { Kysely } from 'kysely';

/**
 * A county's order list, newest first, read from the index instead of sorting every order the county ever placed (measured on a generated national network: the sort grows with history).
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
