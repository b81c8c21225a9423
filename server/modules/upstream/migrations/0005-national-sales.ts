import type { Kysely } from 'kysely';

/** National monthly sales range over storefront orders by delivery time; this covers that sum. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('store_orders_delivered_total')
    .on('store_orders')
    .columns(['delivered_at', 'total_fen'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('store_orders_delivered_total').execute();
}
