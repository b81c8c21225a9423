import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCatalog } from '../server/db/catalog.ts';
import type { DbHandle } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { runningBalanceMismatches, trialBalance } from '../server/modules/ledger/index.ts';
import { uuidv7 } from '../server/shared/ids.ts';
import { createTestApp, createTestDb, describeDb, type TestApp } from './harness.ts';
import { hqAdmin } from './scenarios.ts';
import { populatedCounty } from './world.ts';

const countyKeys = (name: string) => name.endsWith('-county-keys');

/** Rows that gained `county_id`, paired with the parent row it was copied from. */
const backfilled = [
  ['order_lines', 'order_id', 'orders'],
  ['order_events', 'order_id', 'orders'],
  ['order_return_lines', 'return_id', 'order_returns'],
  ['store_order_lines', 'order_id', 'store_orders'],
  ['store_payments', 'order_id', 'store_orders'],
  ['payout_lines', 'batch_id', 'payout_batches'],
] as const;

describeDb('keying county tables by county on a populated database', () => {
  let t: TestApp;
  let old: DbHandle;
  let before: Record<string, number>;
  let balanceBefore: Awaited<ReturnType<typeof trialBalance>>;

  beforeAll(async () => {
    // The code writes today's columns, so the county is built on today's schema and its
    // rows copied into a database that stops short of the county keys.
    t = await createTestApp();
    await seedDemo(t.deps);
    await populatedCounty(t, await hqAdmin(t));
    await t.drain();
    old = await createTestDb(countyKeys);
    await copyRows(t.handle, old);
    before = await counts(old);
    balanceBefore = await trialBalance(old.db);
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

  it('keeps every row and the books', async () => {
    expect(await counts(old)).toEqual(before);
    expect(await counts(old)).toEqual(await counts(t.handle));
    expect(await trialBalance(old.db)).toEqual(balanceBefore);
    expect(await runningBalanceMismatches(old.db)).toEqual([]);
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

/** Copies every row into the columns `to` has, parents before children. */
async function copyRows(from: DbHandle, to: DbHandle): Promise<void> {
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
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(from.db);
    for (const row of rows.rows) {
      const kept = Object.entries(row).filter(([column]) => columns.has(column));
      await sql`insert into ${sql.table(name)} (${sql.join(kept.map(([column]) => sql.ref(column)))})
        values (${sql.join(kept.map(([, value]) => value))})`.execute(to.db);
    }
  }
}
