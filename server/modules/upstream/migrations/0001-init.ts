import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sellers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('villager_id', 'text', (c) => c.notNull().unique())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('payout_method', 'text')
    .addColumn('payout_account', 'text')
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sellers_center').on('sellers').columns(['county_id', 'center_id']).execute();
  await db.schema.createIndex('sellers_merchant').on('sellers').column('merchant_id').execute();

  await db.schema
    .createTable('store_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('buyer_user_id', 'text', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('weight_grams', 'integer', (c) => c.notNull())
    .addColumn('ship_to', 'text', (c) => c.notNull())
    .addColumn('fee_schedule_version', 'integer', (c) => c.notNull())
    .addColumn('parcel_id', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('collected_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('store_orders_buyer').on('store_orders').column('buyer_user_id').execute();
  await db.schema
    .createIndex('store_orders_center_status')
    .on('store_orders')
    .columns(['county_id', 'center_id', 'status'])
    .execute();

  await db.schema
    .createTable('store_order_lines')
    .addColumn('order_id', 'text', (c) => c.notNull().references('store_orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('store_order_lines_pk', ['order_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('store_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('store_orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider_ref', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text')
    .addUniqueConstraint('store_payments_order_kind', ['order_id', 'kind'])
    .execute();

  await db.schema
    .createTable('store_sales')
    .addColumn('order_id', 'text', (c) => c.notNull().references('store_orders.id'))
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('gross_fen', 'bigint', (c) => c.notNull())
    .addColumn('seller_share_fen', 'bigint', (c) => c.notNull())
    .addColumn('partner_fee_fen', 'bigint', (c) => c.notNull())
    .addColumn('platform_fee_fen', 'bigint', (c) => c.notNull())
    .addColumn('logistics_fen', 'bigint', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('store_sales_pk', ['order_id', 'seller_id'])
    .execute();
  await db.schema.createIndex('store_sales_seller').on('store_sales').columns(['seller_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['store_sales', 'store_payments', 'store_order_lines', 'store_orders', 'sellers']) {
    await db.schema.dropTable(table).execute();
  }
}
