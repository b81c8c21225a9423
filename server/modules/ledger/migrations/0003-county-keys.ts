import { type Kysely, sql } from 'kysely';
import { readCatalog } from '../../../db/catalog.ts';
import { inSqliteRebuild, run } from '../../../db/county-keys.ts';
import { isSqlite } from '../../../db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, not as the code types it today.
type AnyDb = Kysely<any>;

/**
 * The ledger keyed by county like the other distributed tables (docs/scaling.md): every
 * account row, transaction and entry belongs to one county, which is part of its primary key,
 * its unique key and its foreign keys. On an existing database:
 *
 * - a transaction without a county takes the county of the owner of a per-owner account it
 *   moved (a centre's, a villager's, a seller's, a county's own); one that touches none, or
 *   owners in different counties, stops the migration, since inventing a county would file
 *   money in the wrong books;
 * - entries take their transaction's county;
 * - an account becomes one row per county its entries are in (`platform_revenue` in each
 *   county that earned it), created when its first entry there was; an account no entry
 *   ever used has no county and goes;
 * - each row's entries are numbered 1, 2, 3… again in their old order, and their running
 *   balances summed again, per (account, county).
 *
 * PostgreSQL alters the tables in the migration's transaction; SQLite rebuilds them in one
 * transaction of its own, with foreign keys checked before it commits. There is no `down`:
 * a platform account's county rows cannot be merged back into one running sequence.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const any = db as AnyDb;
  if (isSqlite(any)) await rebuildSqlite(any);
  else await alterPostgres(any);
}

/** What owns a per-owner account, by account kind, and so which county its money is in. */
const owners = [
  {
    table: 'centers',
    county: 'county_id',
    kinds: ['partner_float', 'partner_fee_cash', 'commission_payable', 'guarantee_fund'],
  },
  { table: 'villagers', county: 'county_id', kinds: ['villager_wallet'] },
  { table: 'sellers', county: 'county_id', kinds: ['seller_payable'] },
  { table: 'counties', county: 'id', kinds: ['logistics_revenue', 'payouts_in_transit'] },
];

async function fillTransactionCounties(db: AnyDb): Promise<void> {
  const missing = await sql<{ n: number }>`
    select count(*) as n from ledger_transactions where county_id is null`.execute(db);
  if (Number(missing.rows[0]!.n) === 0) return;
  // Other modules' tables are read once, here: ledger accounts name their owner by id only.
  // A table that does not exist yet owns no account.
  const tables = new Set((await readCatalog(db)).map((t) => t.name));
  const ownerCounties = owners
    .filter((o) => tables.has(o.table))
    .map(
      (o) => sql`select a.id as account_id, o.${sql.ref(o.county)} as county_id
        from ledger_accounts a join ${sql.table(o.table)} o on o.id = a.owner_id
        where a.kind in (${sql.join(o.kinds)})`,
    );
  if (ownerCounties.length > 0) {
    await sql`update ledger_transactions set county_id = x.county_id
      from (
        select e.transaction_id, min(o.county_id) as county_id
        from ledger_entries e join (${sql.join(ownerCounties, sql` union all `)}) o on o.account_id = e.account_id
        group by e.transaction_id
        having count(distinct o.county_id) = 1
      ) x
      where x.transaction_id = ledger_transactions.id and ledger_transactions.county_id is null`.execute(db);
  }
  const left = await sql<{ id: string; kind: string; ref_id: string | null }>`
    select id, kind, ref_id from ledger_transactions where county_id is null order by id`.execute(db);
  if (left.rows.length > 0) {
    const some = left.rows
      .slice(0, 10)
      .map((t) => `${t.id} (${t.kind}${t.ref_id ? ` ${t.ref_id}` : ''})`)
      .join(', ');
    throw new Error(
      `ledger/0003-county-keys: ${left.rows.length} ledger transaction(s) have no county, and the owners of ` +
        `their accounts do not name exactly one: ${some}. Set ledger_transactions.county_id to the county ` +
        'whose books each belongs to, then migrate again.',
    );
  }
}

/**
 * The window that numbers each (account, county) row's entries again and sums their running
 * balance, in their old order.
 */
const byAccountRow = (countyId: string) =>
  `window w as (partition by e.account_id, ${countyId} order by e.account_seq
     rows between unbounded preceding and current row)`;

async function rebuildSqlite(db: AnyDb): Promise<void> {
  await inSqliteRebuild(db, 'ledger/0003-county-keys', async () => {
    await fillTransactionCounties(db);
    await db.schema
      .createTable('ledger_accounts__keyed')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text')
      .addColumn('county_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ledger_accounts_pkey', ['id', 'county_id'])
      .execute();
    await db.schema
      .createTable('ledger_transactions__keyed')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text')
      .addColumn('county_id', 'text', (c) => c.notNull())
      .addColumn('memo', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ledger_transactions_pkey', ['id', 'county_id'])
      .execute();
    await db.schema
      .createTable('ledger_entries__keyed')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('transaction_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('county_id', 'text', (c) => c.notNull())
      .addColumn('account_seq', 'integer', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('balance_after_fen', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ledger_entries_pkey', ['id', 'county_id'])
      .addUniqueConstraint('ledger_entries_account_seq', ['account_id', 'county_id', 'account_seq'])
      .addForeignKeyConstraint(
        'ledger_entries_transaction_fkey',
        ['transaction_id', 'county_id'],
        'ledger_transactions',
        ['id', 'county_id'],
      )
      .addForeignKeyConstraint(
        'ledger_entries_account_fkey',
        ['account_id', 'county_id'],
        'ledger_accounts',
        ['id', 'county_id'],
      )
      .execute();
    await run(
      db,
      `insert into ledger_transactions__keyed (id, kind, ref_id, county_id, memo, created_at)
       select id, kind, ref_id, county_id, memo, created_at from ledger_transactions`,
    );
    await run(
      db,
      `insert into ledger_entries__keyed
         (id, transaction_id, account_id, county_id, account_seq, amount_fen, balance_after_fen, created_at)
       select e.id, e.transaction_id, e.account_id, t.county_id,
         row_number() over w, e.amount_fen, sum(e.amount_fen) over w, e.created_at
       from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
       ${byAccountRow('t.county_id')}`,
    );
    await run(
      db,
      `insert into ledger_accounts__keyed (id, kind, owner_id, county_id, created_at)
       select a.id, a.kind, a.owner_id, u.county_id, u.created_at from ledger_accounts a
       join (select account_id, county_id, min(created_at) as created_at from ledger_entries__keyed
             group by account_id, county_id) u on u.account_id = a.id`,
    );
    for (const table of ['ledger_entries', 'ledger_transactions', 'ledger_accounts']) {
      await run(db, `drop table ${table}`);
      await run(db, `alter table ${table}__keyed rename to ${table}`);
    }
    await db.schema
      .createIndex('ledger_transactions_ref')
      .on('ledger_transactions')
      .column('ref_id')
      .execute();
    await createEntryIndexes(db);
  });
}

async function alterPostgres(db: AnyDb): Promise<void> {
  await fillTransactionCounties(db);
  // Foreign keys hold on to the parents' primary keys: they go first and come back last.
  await run(
    db,
    `alter table ledger_entries
       drop constraint ledger_entries_transaction_id_fkey,
       drop constraint ledger_entries_account_id_fkey,
       drop constraint ledger_entries_account_seq,
       drop constraint ledger_entries_pkey,
       add column county_id text`,
  );
  await run(
    db,
    `update ledger_entries e set county_id = t.county_id from ledger_transactions t where t.id = e.transaction_id`,
  );
  // Only the rows of accounts used in several counties change; most (a centre's, a
  // villager's) keep their numbers.
  await run(
    db,
    `update ledger_entries e set account_seq = r.seq, balance_after_fen = r.balance
     from (select e.id, row_number() over w as seq, sum(e.amount_fen) over w as balance
           from ledger_entries e ${byAccountRow('e.county_id')}) r
     where r.id = e.id and (r.seq <> e.account_seq or r.balance <> e.balance_after_fen)`,
  );
  await run(db, 'alter table ledger_accounts drop constraint ledger_accounts_pkey');
  await run(
    db,
    `with old as (delete from ledger_accounts returning id, kind, owner_id)
     insert into ledger_accounts (id, kind, owner_id, county_id, created_at)
     select old.id, old.kind, old.owner_id, u.county_id, u.created_at from old
     join (select account_id, county_id, min(created_at) as created_at from ledger_entries
           group by account_id, county_id) u on u.account_id = old.id`,
  );
  await run(
    db,
    `alter table ledger_accounts
       alter column county_id set not null,
       add constraint ledger_accounts_pkey primary key (id, county_id)`,
  );
  await run(
    db,
    `alter table ledger_transactions
       alter column county_id set not null,
       drop constraint ledger_transactions_pkey,
       add constraint ledger_transactions_pkey primary key (id, county_id)`,
  );
  await run(
    db,
    `alter table ledger_entries
       alter column county_id set not null,
       add constraint ledger_entries_pkey primary key (id, county_id),
       add constraint ledger_entries_account_seq unique (account_id, county_id, account_seq),
       add constraint ledger_entries_transaction_fkey foreign key (transaction_id, county_id)
         references ledger_transactions (id, county_id),
       add constraint ledger_entries_account_fkey foreign key (account_id, county_id)
         references ledger_accounts (id, county_id)`,
  );
  await run(db, 'drop index ledger_entries_transaction');
  await run(db, 'drop index ledger_entries_account_created');
  await createEntryIndexes(db);
}

/**
 * An account row's entries by time, carrying the transaction and amount: a statement or
 * leaderboard period of a centre's account in its county reads only that period, from the
 * index alone, and joins the transaction on its whole key; a national account's period is
 * the same read for each of its county rows.
 */
async function createEntryIndexes(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('ledger_entries_transaction')
    .on('ledger_entries')
    .columns(['transaction_id', 'county_id'])
    .execute();
  await db.schema
    .createIndex('ledger_entries_account_created')
    .on('ledger_entries')
    .columns(['account_id', 'county_id', 'created_at', 'transaction_id', 'amount_fen'])
    .execute();
}
