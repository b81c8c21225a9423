/**
 * Fills an empty database with a national-size network and months of its history, written
 * in bulk (multi-row INSERTs in one transaction per county), never through HTTP. The rows are
 * the ones the modules' service functions write, so every invariant holds: the ledger
 * balances and running balances add up, stock is what the orders left, statuses match their
 * events, every county-scoped row carries its county. Downstream (assisted orders, returns,
 * services) and upstream (village sellers, the storefront, payouts) alike.
 * `cli.ts` is the command line.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import type { DbHandle } from '../../server/db/create-db.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { feeScheduleVersion, upstreamRates } from '../../server/modules/fees/index.ts';
import { hashNewPassword } from '../../server/modules/identity/index.ts';
import { rebuildOrderGmvRollups } from '../../server/modules/orders/index.ts';
import { rebuildSalesRollups } from '../../server/modules/upstream/index.ts';
import { makeBooks } from './books.ts';
import { writeCatalogue, writeStock } from './catalog.ts';
import type { Ctx, Options } from './context.ts';
import { writeWholeCounty } from './county.ts';
import { progressBar } from './progress.ts';
import { DAY, iso, makeRng } from './rng.ts';
import { makeSink } from './sink.ts';

export const GENERATED_PASSWORD = 'cuntong2026';

export type GenerateResult = {
  seconds: number;
  /** Rows per table, counted in the database at the end. */
  counts: Map<string, number>;
  bytes: number | null;
  /** Units on the shelves before any order: what orders took is this minus the stock left. */
  initialStock: number;
};

/** Generates into `handle` (migrated here); `endMs` is "now" of the history. */
export async function generate(
  handle: DbHandle,
  opts: Options,
  p: { endMs?: number; sqliteFile?: string; quiet?: boolean } = {},
): Promise<GenerateResult> {
  const started = Date.now();
  await migrateToLatest(handle);
  const existing = await handle.db
    .selectFrom('counties')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0)
    throw new Error('the database already holds counties: generate into an empty one');
  if (handle.dialect === 'sqlite') {
    // A generator that fails is simply run again: durability per commit buys nothing here.
    await sql`pragma synchronous = off`.execute(handle.db);
    await sql`pragma cache_size = -262144`.execute(handle.db);
  }
  const rng = makeRng(opts.seed);
  const endMs = Math.floor((p.endMs ?? Date.now()) / 60_000) * 60_000;
  const startMs = endMs - opts.months * 30 * DAY;
  const setupMs = startMs - 90 * DAY;
  // Every generated login shares one hash; the policy's login check compares it with none of them.
  const passwordHash = await hashNewPassword('', GENERATED_PASSWORD);
  const quiet = p.quiet ?? false;
  const noop = () => {};

  const hqUserId = rng.idAt(setupMs);
  const courses = { required: rng.idAt(setupMs), optional: rng.idAt(setupMs) };
  await handle.db.transaction().execute(async (trx) => {
    const sink = makeSink(trx, handle.dialect, new Map());
    const at = iso(setupMs);
    sink.add('users', {
      id: hqUserId,
      login: 'hq',
      password_hash: passwordHash,
      display_name: '总部运营',
      role: 'hq_admin',
      county_id: null,
      center_id: null,
      merchant_id: null,
      status: 'active',
      created_at: at,
      updated_at: at,
    });
    sink.add('courses', {
      id: courses.required,
      title: '村级服务站合伙人入门培训',
      description: '平台规则、代购下单、包裹收发与资金安全',
      required_for_opening: 1,
      created_by: hqUserId,
      created_at: at,
    });
    sink.add('courses', {
      id: courses.optional,
      title: '农资安全使用与推荐',
      description: '种子、化肥、农药的正确使用',
      required_for_opening: 0,
      created_by: hqUserId,
      created_at: at,
    });
    await sink.flush(true);
  });

  const catalogue = await writeCatalogue(
    handle,
    rng,
    { products: opts.products, merchants: opts.merchants, at: setupMs, passwordHash },
    quiet ? noop : progressBar('products ', opts.products),
  );

  const ctx: Ctx = {
    opts,
    rng,
    books: makeBooks(rng),
    catalogue,
    startMs,
    endMs,
    passwordHash,
    hqUserId,
    courses,
    upstreamRates: upstreamRates(await feeScheduleVersion(handle.db, 1)),
    buyers: [],
    counters: { phone: 0, serial: 0, parcel: 0, receipt: 0, certificate: 0, seller: 0, listing: 0, buyer: 0 },
  };
  const bar = quiet ? noop : progressBar('counties ', opts.counties);
  const written = new Map<string, number>();
  const countiesStarted = Date.now();
  for (let i = 0; i < opts.counties; i++) {
    await writeWholeCounty(ctx, handle.db, handle.dialect, written, i);
    const rows = [...written.values()].reduce((s, n) => s + n, 0);
    const rate = Math.round(rows / Math.max(0.001, (Date.now() - countiesStarted) / 1000));
    bar(i + 1, `${(rows / 1e6).toFixed(2)}M rows, ${rate.toLocaleString('en')} rows/s,`);
  }
  await writeStock(handle, catalogue);
  // Orders went in as rows, not through placeOrder: the national rollups are counted from them.
  await rebuildOrderGmvRollups(handle.db);
  await rebuildSalesRollups(handle.db);
  if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
  else await sql`pragma optimize`.execute(handle.db);
  const seconds = (Date.now() - started) / 1000;
  return {
    seconds,
    counts: await tableCounts(handle),
    bytes: await databaseBytes(handle, p.sqliteFile),
    initialStock: catalogue.initialStock.reduce((s, n) => s + n, 0),
  };
}

async function tableCounts(handle: DbHandle): Promise<Map<string, number>> {
  const tables =
    handle.dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(
          handle.db,
        )
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(handle.db);
  const counts = new Map<string, number>();
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(handle.db);
    const n = Number(r.rows[0]?.n ?? 0);
    if (n > 0) counts.set(name, n);
  }
  return counts;
}

async function databaseBytes(handle: DbHandle, sqliteFile: string | undefined): Promise<number | null> {
  if (handle.dialect === 'postgres') {
    const r = await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(handle.db);
    return Number(r.rows[0]?.n ?? 0);
  }
  if (!sqliteFile || sqliteFile === ':memory:') return null;
  return ['', '-wal'].reduce(
    (s, suffix) => s + (fs.existsSync(sqliteFile + suffix) ? fs.statSync(sqliteFile + suffix).size : 0),
    0,
  );
}
