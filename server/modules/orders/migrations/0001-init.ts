import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('villager_id', 'text', (c) => c.notNull())
    .addColumn('placed_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payment', 'text', (c) => c.notNull())
    .addColumn('subtotal_fen', 'bigint', (c) => c.notNull())
    .addColumn('discount_fen', 'bigint', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('commission_fen', 'bigint', (c) => c.notNull())
    .addColumn('fee_schedule_version', 'integer', (c) => c.notNull())
    .addColumn('confirmation_code_hash', 'text')
    .addColumn('confirmation_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('orders_center_created')
    .on('orders')
    .columns(['center_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('orders_county_status')
    .on('orders')
    .columns(['county_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('orders_villager')
    .on('orders')
    .columns(['villager_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_fen', 'bigint', (c) => c.notNull())
    .addColumn('discount_fen', 'bigint', (c) => c.notNull())
    .addColumn('commission_fen', 'bigint', (c) => c.notNull())
    .addColumn('promotion_id', 'text')
    .addColumn('discount_funded_by', 'text')
    .addColumn('returned_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('order_lines_pk', ['order_id', 'line_no'])
    .execute();
  await db.schema
    .createIndex('order_lines_merchant')
    .on('order_lines')
    .columns(['merchant_id', 'order_id'])
    .execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('order_events_order').on('order_events').columns(['order_id', 'id']).execute();

  await db.schema
    .createTable('order_returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('refund_fen', 'bigint', (c) => c.notNull())
    .addColumn('clawback_fen', 'bigint', (c) => c.notNull())
    .addColumn('refund_to', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_returns_order').on('order_returns').column('order_id').execute();

  await db.schema
    .createTable('order_return_lines')
    .addColumn('return_id', 'text', (c) => c.notNull().references('order_returns.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('refund_fen', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('order_return_lines_return')
    .on('order_return_lines')
    .column('return_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['order_return_lines', 'order_returns', 'order_events', 'order_lines', 'orders']) {
    await db.schema.dropTable(table).execute();
  }
}
