import type { Kysely } from 'kysely';

/**
 * National monthly GMV ranges over every order by time alone; these cover the columns it
 * reads, so the sum is an index range scan rather than a pass over the tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('orders_created_status_total')
    .on('orders')
    .columns(['created_at', 'status', 'total_fen'])
    .execute();
  await db.schema
    .createIndex('order_returns_created_refund')
    .on('order_returns')
    .columns(['created_at', 'refund_fen'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('order_returns_created_refund').execute();
  await db.schema.dropIndex('orders_created_status_total').execute();
}
