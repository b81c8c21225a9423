import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCatalog } from '../server/db/catalog.ts';
import type { DbHandle } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../server/demo/seed-demo.ts';
import { daySumMismatches, runningBalanceMismatches, trialBalance } from '../server/modules/ledger/index.ts';
import { uuidv7 } from '../server/shared/ids.ts';
import { createTestApp, createTestDb, describeDb, type TestApp } from './harness.ts';
import { hqAdmin, post, registerVillager, signIn } from './scenarios.ts';
import { countedRows } from './tallies.ts';
import { populatedCounty } from './world.ts';

/**
 * Each module's county-keys migration and every later one of the module, written on the keyed
 * schema: left out of the old database, as a database from before the keys had none of them.
 */
const modules = new URL('../server/modules/', import.meta.url);
const keyedFrom = new Map(
  fs.readdirSync(modules).flatMap((module) => {
    const dir = new URL(`${module}/migrations/`, modules);
    const keys = fs.existsSync(dir)
      ? fs.readdirSync(dir).find((f) => f.endsWith('-county-keys.ts'))
      : undefined;
    return keys ? [[module, keys.replace(/\.ts$/, '')] as const] : [];
  }),
);
const countyKeys = (name: string) => {
  const [module, migration] = name.split('/') as [string, string];
  const from = keyedFrom.get(module);
  return from !== undefined && migration >= from;
};

/** Rows that gained `county_id`, paired with the parent row it was copied from. */
const backfilled = [
  ['order_lines', 'order_id', 'orders'],
  ['order_events', 'order_id', 'orders'],
  ['order_return_lines', 'return_id', 'order_returns'],
  ['store_order_lines', 'order_id', 'store_orders'],
  ['store_payments', 'order_id', 'store_orders'],
  ['payout_lines', 'batch_id', 'payout_batches'],
  ['ledger_entries', 'transaction_id', 'ledger_transactions'],
] as const;

/**
 * Transactions written without a county in the old database, for the migration to find it
 * from the owners of their accounts (a centre's float, commission and fee cash).
 */
const countyless = ['float_deposit', 'order', 'service_fee'];

describeDb('keying county tables by county on a populated database', () => {
  let t: TestApp;
  let old: DbHandle;
  let before: Record<string, number>;
  let balanceBefore: Awaited<ReturnType<typeof trialBalance>>;
  let countylessBefore: Map<string, number>;

  beforeAll(async () => {
    // The code writes today's columns, so the county is built on today's schema and its
    // rows copied into a database that stops short of the county keys.
    t = await createTestApp();
    await seedDemo(t.deps);
    const county = await populatedCounty(t, await hqAdmin(t));
    // The demo county buys from the other county's merchant: both counties' books then hold
    // rows of the same merchant's payable, as they do of the platform's cash.
    const partner = await signIn(t, 'partner1', DEMO_PASSWORD);
    const villager = await registerVillager(t, partner);
    await post(t, partner, '/api/v1/orders', {
      villagerId: villager.id,
      lines: [{ productId: county.byName.productId, quantity: 1 }],
      payment: 'float',
    });
    await t.drain();
    old = await createTestDb(countyKeys);
    await copyRows(t.handle, old, await ledgerAsBefore(t.handle));
    before = await counts(old);
    balanceBefore = await trialBalance(old.db);
    const nulls = await sql<{ kind: string; n: number }>`
      select kind, count(*) as n from ledger_transactions where county_id is null group by kind`.execute(
      old.db,
    );
    countylessBefore = new Map(nulls.rows.map((r) => [r.kind, Number(r.n)]));
    expect(await migrateToLatest(old)).toContain('orders/0006-county-keys');
  }, 120_000);
  afterAll(async () => {
    await old.close();
    await t.close();
  });

  it('had rows in the tables that gain county_id', () => {
    for (const [table] of backfilled) {
      if (table === 'payout_lines') continue;
      expect(before[table], table).toBeGreaterThan(0);
    }
  });

  it('had national ledger accounts used in several counties, and transactions without a county', async () => {
    const shared = await sql<{ account_id: string }>`
      select account_id from ledger_entries e join ledger_transactions x on x.id = e.transaction_id
      group by account_id having count(distinct x.county_id) > 1`.execute(t.handle.db);
    expect(shared.rows.map((r) => r.account_id.split(':')[0])).toEqual(
      expect.arrayContaining(['cash_clearing', 'merchant_payable']),
    );
    const counties = await sql<{ n: number }>`
      select count(distinct county_id) as n from ledger_transactions`.execute(t.handle.db);
    expect(Number(counties.rows[0]!.n)).toBeGreaterThan(1);
    for (const kind of countyless) expect(countylessBefore.get(kind), kind).toBeGreaterThan(0);
  });

  it('keeps every row and the books; ledger accounts split into one row per county used', async () => {
    const after = await counts(old);
    // Tallies counted by the migrations have no rows at zero, which the live ones keep.
    const tallies = ['center_counts', 'application_counts'];
    const untallied = (c: Record<string, number>) =>
      Object.fromEntries(Object.entries(c).filter(([table]) => !tallies.includes(table)));
    expect(untallied(after)).toEqual(untallied(await counts(t.handle)));
    for (const table of tallies)
      expect(await countedRows(old.db, table), table).toEqual(await countedRows(t.handle.db, table));
    const kept = Object.fromEntries(Object.keys(before).map((table) => [table, after[table]]));
    expect({ ...kept, ledger_accounts: 0 }).toEqual({ ...before, ledger_accounts: 0 });
    expect(after.ledger_accounts).toBeGreaterThan(before.ledger_accounts!);
    expect(await trialBalance(old.db)).toEqual(balanceBefore);
    expect(await runningBalanceMismatches(old.db)).toEqual([]);
    expect(await daySumMismatches(old.db)).toEqual([]);
  });

  it('files the ledger as it is filed today: counties found, sequences and balances per county', async () => {
    const ledger = async (h: DbHandle) => ({
      accounts: await h.db
        .selectFrom('ledger_accounts')
        .selectAll()
        .orderBy('id')
        .orderBy('county_id')
        .execute(),
      transactions: await h.db
        .selectFrom('ledger_transactions')
        .select(['id', 'county_id'])
        .orderBy('id')
        .execute(),
      entries: (
        await h.db
          .selectFrom('ledger_entries')
          .select(['id', 'county_id', 'account_seq', 'balance_after_fen'])
          .orderBy('id')
          .execute()
      ).map((e) => ({ ...e, balance_after_fen: Number(e.balance_after_fen) })),
    });
    expect(await ledger(old)).toEqual(await ledger(t.handle));
  });

  it('gives every child row the county of its parent', async () => {
    for (const [table, via, parent] of backfilled) {
      const wrong = await sql<{ n: number }>`
        select count(*) as n from ${sql.table(table)} c
        where c.county_id is null
           or c.county_id <> (select p.county_id from ${sql.table(parent)} p where p.id = ${sql.ref(`c.${via}`)})`.execute(
        old.db,
      );
      expect(Number(wrong.rows[0]!.n), table).toBe(0);
    }
  });

  it('ends with the same keys as a database migrated from empty', async () => {
    const shape = async (h: DbHandle) =>
      (await readCatalog(h.db)).map((table) => ({
        ...table,
        columns: table.columns.map((c) => c.name).sort(),
        indexes: table.indexes.map((i) => `${i.unique}:${i.columns}`).sort(),
        foreignKeys: table.foreignKeys.map((f) => `${f.columns}->${f.refTable}(${f.refColumns})`).sort(),
      }));
    expect(await shape(old)).toEqual(await shape(t.handle));
  });

  it('refuses a child row filed under another county than its parent', async () => {
    const order = await old.db.selectFrom('orders').select(['id', 'county_id']).executeTakeFirstOrThrow();
    const event = (countyId: string) =>
      old.db
        .insertInto('order_events')
        .values({
          id: uuidv7(),
          order_id: order.id,
          county_id: countyId,
          type: 'note',
          at: 'now',
          actor_id: null,
          data: null,
        })
        .execute();
    await event(order.county_id);
    await expect(event('another-county')).rejects.toThrow();

    const entry = await old.db.selectFrom('ledger_entries').selectAll().executeTakeFirstOrThrow();
    await expect(
      old.db
        .insertInto('ledger_entries')
        .values({ ...entry, id: uuidv7(), county_id: 'another-county', account_seq: 1_000_000 })
        .execute(),
    ).rejects.toThrow();
  });
});

describeDb('keying the ledger by county when a transaction has no way to one', () => {
  let old: DbHandle;
  beforeAll(async () => {
    old = await createTestDb(countyKeys);
  });
  afterAll(() => old.close());

  it('stops, naming the transaction, and leaves the ledger as it was', async () => {
    const at = new Date().toISOString();
    const accounts = ['cash_clearing', 'platform_revenue'];
    await sql`insert into ledger_accounts (id, kind, owner_id, county_id, created_at)
      values ${sql.join(accounts.map((a) => sql`(${a}, ${a}, ${null}, ${null}, ${at})`))}`.execute(old.db);
    const id = uuidv7();
    await sql`insert into ledger_transactions (id, kind, ref_id, county_id, memo, created_at)
      values (${id}, 'adjustment', ${null}, ${null}, ${null}, ${at})`.execute(old.db);
    await sql`insert into ledger_entries (id, transaction_id, account_id, account_seq, amount_fen, balance_after_fen, created_at)
      values (${uuidv7()}, ${id}, 'cash_clearing', 1, 500, 500, ${at}),
             (${uuidv7()}, ${id}, 'platform_revenue', 1, -500, -500, ${at})`.execute(old.db);
    await expect(migrateToLatest(old)).rejects.toThrow(new RegExp(`1 ledger transaction.*no county.*${id}`));
    const left = await sql<{ county_id: string | null }>`select county_id from ledger_transactions`.execute(
      old.db,
    );
    expect(left.rows).toEqual([{ county_id: null }]);
    expect(
      (await readCatalog(old.db)).find((t) => t.name === 'ledger_entries')!.columns.map((c) => c.name),
    ).not.toContain('county_id');
  });
});

async function counts(h: DbHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of await readCatalog(h.db)) {
    if (table.name.startsWith('kysely_')) continue;
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table.name)}`.execute(h.db);
    out[table.name] = Number(row.rows[0]!.n);
  }
  return out;
}

type Rows = Record<string, unknown>[];

/**
 * The ledger of `from` as the code before the county keys wrote it: one row per account
 * without a county, every account's entries numbered and summed nationally in the order they
 * were written, and the `countyless` kinds of transaction without their county.
 */
async function ledgerAsBefore(from: DbHandle): Promise<Record<string, Rows>> {
  const accounts = await sql<Record<string, unknown>>`
    select id, min(kind) as kind, min(owner_id) as owner_id, min(created_at) as created_at
    from ledger_accounts group by id`.execute(from.db);
  const transactions = await sql<{ kind: string; county_id: string }>`
    select * from ledger_transactions`.execute(from.db);
  const entries = await sql<{ account_id: string; amount_fen: number }>`
    select * from ledger_entries order by created_at, id`.execute(from.db);
  const heads = new Map<string, { seq: number; balance: number }>();
  return {
    ledger_accounts: accounts.rows.map((a) => ({ ...a, county_id: null })),
    ledger_transactions: transactions.rows.map((x) => ({
      ...x,
      county_id: countyless.includes(x.kind) ? null : x.county_id,
    })),
    ledger_entries: entries.rows.map((e) => {
      const head = heads.get(e.account_id) ?? { seq: 0, balance: 0 };
      head.seq += 1;
      head.balance += Number(e.amount_fen);
      heads.set(e.account_id, head);
      return { ...e, account_seq: head.seq, balance_after_fen: head.balance };
    }),
  };
}

/**
 * Copies every row into the columns `to` has, parents before children; `rowsOf` gives the
 * rows of some tables as they were before.
 */
async function copyRows(from: DbHandle, to: DbHandle, rowsOf: Record<string, Rows> = {}): Promise<void> {
  const target = new Map((await readCatalog(to.db)).map((table) => [table.name, table]));
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (name: string) => {
    if (done.has(name)) return;
    done.add(name);
    for (const fk of target.get(name)!.foreignKeys) if (fk.refTable !== name) visit(fk.refTable);
    order.push(name);
  };
  for (const name of target.keys()) if (!name.startsWith('kysely_')) visit(name);
  // Migrations seed some rows (the first fee schedule, ...): the copy replaces them.
  for (const name of [...order].reverse()) await sql`delete from ${sql.table(name)}`.execute(to.db);
  for (const name of order) {
    const columns = new Set(target.get(name)!.columns.map((c) => c.name));
    const rows =
      rowsOf[name] ??
      (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(from.db)).rows;
    for (const row of rows) {
      const kept = Object.entries(row).filter(([column]) => columns.has(column));
      await sql`insert into ${sql.table(name)} (${sql.join(kept.map(([column]) => sql.ref(column)))})
        values (${sql.join(kept.map(([, value]) => value))})`.execute(to.db);
    }
  }
}
