import type { Kysely } from 'kysely';

/**
 * An account's entries within a period — a partner's monthly statement, the earnings column of
 * a county leaderboard — read from the index alone (amount and transaction included), without
 * walking the account's whole history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('ledger_entries_account_created')
    .on('ledger_entries')
    .columns(['account_id', 'created_at', 'transaction_id', 'amount_fen'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('ledger_entries_account_created').execute();
}
