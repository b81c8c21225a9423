/**
 * Catalogue search benchmark over real HTTP: seeds N products (default 100,000) into a fresh
 * SQLite file — and into a fresh PostgreSQL schema with --pg or DATABASE_URL — starts the real
 * server in-process and drives GET /api/v1/products?q=… with autocannon using a mix of Chinese,
 * full-pinyin, initials and English queries. Prints per dialect: requests/s, p50, p99, and the
 * latency of each query alone (one connection).
 *
 *   npx tsx bench/search.ts [--count N] [--duration SECONDS] [--connections C] [--pg] [--no-sqlite]
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
// @ts-expect-error autocannon ships no type declarations (and @types/autocannon is not a dependency).
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pino from 'pino';
import { buildApp } from '../server/app.ts';
import { createDb, type DbHandle } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Deps } from '../server/deps.ts';
import { createPromotion } from '../server/modules/catalog/index.ts';
import { createUser } from '../server/modules/identity/index.ts';
import { createCounty } from '../server/modules/network/index.ts';
import { systemClock } from '../server/shared/clock.ts';
import { benchHq, log, percentile, progress } from './lib.ts';
import { seedCatalog } from './seed-catalog.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '4' },
    pg: { type: 'boolean', default: false },
    'no-sqlite': { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const duration = Number(values.duration);
const connections = Number(values.connections);
const pgUrl = process.env.DATABASE_URL || (values.pg ? 'postgres://postgres@127.0.0.1:5432/test' : undefined);

const queries = [
  '肥料',
  'feiliao',
  'fl',
  '复合肥',
  'fuhefei',
  'urea',
  '玉米种子',
  'ymzz',
  '花生油',
  'jinlongyu',
  'hsy',
  '电饭煲 midea',
  '杀虫剂',
  'npk',
];
const PASSWORD = 'bench-password-1';

type AutocannonResult = {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
};

async function run(dialect: string, handle: DbHandle) {
  await migrateToLatest(handle);
  const deps: Deps = {
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    log: pino({ level: 'silent' }),
    nudgeOutbox: () => {},
    sessionTtlHours: 12,
  };
  const t0 = Date.now();
  // Seeding inserts millions of index rows at random places: a bigger page cache keeps SQLite's
  // B-trees in memory while it does; the server then runs with the default again.
  if (handle.dialect === 'sqlite') await sql`pragma cache_size = -262144`.execute(handle.db);
  await seedCatalog(handle.db, { count, onProgress: progress(`${dialect}: seeding`) });
  log(`${dialect}: seeded ${count} products in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (handle.dialect === 'postgres') await sql`vacuum analyze`.execute(handle.db);
  else await sql`analyze`.execute(handle.db).then(() => sql`pragma cache_size = -2000`.execute(handle.db));

  const root = benchHq;
  const county = await createCounty(deps, {
    code: 'BENCH',
    name: '遂昌县',
    province: '浙江省',
    hub: { lat: 28.59, lon: 119.27, address: '县仓' },
  });
  await createUser(deps, root, {
    login: 'bench-partner',
    password: PASSWORD,
    displayName: '站长',
    role: 'partner',
    countyId: county.id,
  });
  const now = Date.now();
  for (const [category, countyIds] of [
    ['化肥', [county.id]],
    ['种子', []],
    ['粮油', [county.id]],
  ] as const) {
    await createPromotion(deps, root, {
      name: `${category}促销`,
      type: 'percent',
      value: 5,
      categories: [category],
      countyIds: [...countyIds],
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 86_400_000).toISOString(),
    });
  }

  const app = await buildApp(deps, { webDir: null });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const login = await fetch(`${address}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'bench-partner', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    const url = (q: string) => `/api/v1/products?q=${encodeURIComponent(q)}&limit=20`;

    const perQuery: string[] = [];
    for (const q of queries) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < 60; i++) {
        const start = performance.now();
        const res = await fetch(address + url(q), { headers });
        total = ((await res.json()) as { total: number }).total;
        if (i >= 10) times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      perQuery.push(
        `  ${q.padEnd(12)} total=${String(total).padStart(6)}  p50=${percentile(times, 0.5).toFixed(1)} ms  p99=${percentile(times, 0.99).toFixed(1)} ms`,
      );
    }

    const result: AutocannonResult = await autocannon({
      url: address,
      connections,
      duration,
      headers,
      requests: queries.map((q) => ({ method: 'GET', path: url(q) })),
    });
    console.log(
      `\n== ${dialect}: ${count} products, ${connections} connections, ${duration} s, mixed queries ==`,
    );
    console.log(
      `requests/s ${Math.round(result.requests.average)}  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.errors + result.non2xx}`,
    );
    console.log('one connection, per query:');
    console.log(perQuery.join('\n'));
  } finally {
    await app.close();
  }
}

if (!values['no-sqlite']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuntong-bench-'));
  const handle = createDb({ sqliteFile: path.join(dir, 'bench.db') });
  try {
    await run('sqlite', handle);
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (pgUrl) {
  const schema = `cuntong_bench_${randomBytes(4).toString('hex')}`;
  const admin = createDb({ sqliteFile: '', databaseUrl: pgUrl });
  await admin.db.schema.createSchema(schema).execute();
  const handle = createDb({ sqliteFile: '', databaseUrl: pgUrl, pgSchema: schema });
  try {
    await run('postgres', handle);
  } finally {
    await handle.close();
    await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await admin.close();
  }
}
