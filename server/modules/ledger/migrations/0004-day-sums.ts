import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../../../db/dialect.ts';

/**
 * Each account row's net per transaction kind and China Standard Time day
 * (`ledger_day_sums`), counted from the existing entries; from here on `post` keeps it. The
 * key leads with the account, as the period reads do; it includes the county, as every key
 * of the distributed ledger does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const table = db.schema
    .createTable('ledger_day_sums')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('entries', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_day_sums_pk', ['account_id', 'county_id', 'day', 'kind'])
    .addForeignKeyConstraint('ledger_day_sums_account', ['account_id', 'county_id'], 'ledger_accounts', [
      'id',
      'county_id',
    ]);
  // SQLite stores the rows in key order, so an account's days are read together, not fetched
  // one by one from wherever they were first written.
  await (isSqlite(db) ? table.modifyEnd(sql`without rowid`) : table).execute();
  // The entry's instant (ISO, UTC) moved to China Standard Time, as `dayOf` does.
  const day = isSqlite(db)
    ? sql`date(e.created_at, '+8 hours')`
    : sql`to_char((e.created_at::timestamptz at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
  await sql`insert into ledger_day_sums (account_id, county_id, day, kind, amount_fen, entries)
    select e.account_id, e.county_id, ${day}, t.kind, sum(e.amount_fen), count(*)
    from ledger_entries e
    join ledger_transactions t on t.id = e.transaction_id and t.county_id = e.county_id
    group by e.account_id, e.county_id, ${day}, t.kind`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ledger_day_sums').execute();
}
