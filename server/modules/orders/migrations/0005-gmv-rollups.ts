import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { rebuildOrderGmvRollups } from '../gmv-rollups.ts';

/**
 * National GMV by month read from a few thousand county-month rows instead of summing every
 * order of the period. Keyed by county first, like every county-scoped table; the existing
 * orders and returns are counted in at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('order_gmv_rollups')
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('orders', 'bigint', (c) => c.notNull())
    .addColumn('gmv_fen', 'bigint', (c) => c.notNull())
    .addColumn('refunds_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_gmv_rollups_pk', ['county_id', 'month'])
    .execute();
  await rebuildOrderGmvRollups(db as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_gmv_rollups').execute();
}
