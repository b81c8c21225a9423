import type { Kysely } from 'kysely';

/** Refunds of storefront orders: lost on the way, or sent back after delivery. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('store_orders').addColumn('refunded_at', 'text').execute();
  await db.schema.alterTable('store_orders').addColumn('refund_reason', 'text').execute();
  await db.schema
    .createTable('store_sale_refunds')
    .addColumn('order_id', 'text', (c) => c.notNull().references('store_orders.id'))
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('gross_fen', 'bigint', (c) => c.notNull())
    .addColumn('seller_share_fen', 'bigint', (c) => c.notNull())
    .addColumn('partner_fee_fen', 'bigint', (c) => c.notNull())
    .addColumn('platform_fee_fen', 'bigint', (c) => c.notNull())
    .addColumn('logistics_fen', 'bigint', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('store_sale_refunds_pk', ['order_id', 'seller_id'])
    .execute();
  await db.schema
    .createIndex('store_sale_refunds_seller')
    .on('store_sale_refunds')
    .columns(['seller_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('store_sale_refunds').execute();
  await db.schema.alterTable('store_orders').dropColumn('refund_reason').execute();
  await db.schema.alterTable('store_orders').dropColumn('refunded_at').execute();
}
