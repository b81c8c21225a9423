import type { Kysely } from 'kysely';

/** Refunds advanced by a centre's guarantee fund, settled by the merchant later. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('order_returns')
    .addColumn('paid_from', 'text', (c) => c.notNull().defaultTo('merchant'))
    .execute();
  await db.schema.alterTable('order_return_lines').addColumn('merchant_id', 'text').execute();
  await db.schema
    .alterTable('order_return_lines')
    .addColumn('merchant_share_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('order_return_lines').addColumn('settled_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('order_return_lines').dropColumn('settled_at').execute();
  await db.schema.alterTable('order_return_lines').dropColumn('merchant_share_fen').execute();
  await db.schema.alterTable('order_return_lines').dropColumn('merchant_id').execute();
  await db.schema.alterTable('order_returns').dropColumn('paid_from').execute();
}
