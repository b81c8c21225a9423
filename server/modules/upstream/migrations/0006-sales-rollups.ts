import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { rebuildSalesRollups } from '../sales-rollups.ts';

/**
 * National storefront sales by month read from county-month rows instead of summing every
 * delivery of the period. Keyed by county first, like every county-scoped table; the
 * deliveries so far are counted in at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('store_sales_rollups')
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('orders', 'bigint', (c) => c.notNull())
    .addColumn('sales_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('store_sales_rollups_pk', ['county_id', 'month'])
    .execute();
  await rebuildSalesRollups(db as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('store_sales_rollups').execute();
}
