import type { Kysely } from 'kysely';

/** Seller payouts in batches: one payout file for the bank per batch. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('payout_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('bank_reference', 'text')
    .execute();
  await db.schema.createIndex('payout_batches_county').on('payout_batches').column('county_id').execute();
  await db.schema
    .createTable('payout_lines')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('payout_batches.id'))
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('payout_method', 'text', (c) => c.notNull())
    .addColumn('payout_account', 'text', (c) => c.notNull())
    .addColumn('account_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payout_lines_pk', ['batch_id', 'seller_id'])
    .execute();
  await db.schema.createIndex('payout_lines_seller').on('payout_lines').column('seller_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('payout_lines').execute();
  await db.schema.dropTable('payout_batches').execute();
}
