/**
 * Assisted-order throughput over real HTTP: seeds a database (default 100,000 products,
 * 10,000 villagers across 32 open centres with float, all in one county unless `--counties`
 * spreads the centres over several; 50 merchants, fewer with `--merchants` to make every order
 * meet on the same payable accounts), starts the real server as its own process and drives
 * POST /api/v1/orders with autocannon from 32 connections, each request a random partner
 * ordering 1–3 random products for one of its villagers, paid from float. Prints orders/s,
 * p50/p99 and errors per dialect, then checks the books balance.
 *
 *   npm run bench:orders -- [--products N] [--merchants N] [--villagers N] [--centres N] [--counties N]
 *                           [--duration S] [--connections C] [--pg] [--no-sqlite] [--profile DIR]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
// @ts-expect-error autocannon ships no type declarations.
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pino from 'pino';
import { createDb, type DbHandle } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Deps } from '../server/deps.ts';
import { trialBalance } from '../server/modules/ledger/index.ts';
import { createCounty } from '../server/modules/network/index.ts';
import { systemClock } from '../server/shared/clock.ts';
import { uuidv7 } from '../server/shared/ids.ts';
import { log, openFloatedCentre, progress, scratchPostgres, startServer } from './lib.ts';
import { seedCatalog } from './seed-catalog.ts';

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '100000' },
    merchants: { type: 'string', default: '50' },
    villagers: { type: 'string', default: '10000' },
    centres: { type: 'string', default: '32' },
    counties: { type: 'string', default: '1' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    pg: { type: 'boolean', default: false },
    'no-sqlite': { type: 'boolean', default: false },
    /** Write a V8 CPU profile of the server into this folder. */
    profile: { type: 'string' },
  },
});
const N = {
  products: Number(values.products),
  merchants: Number(values.merchants),
  villagers: Number(values.villagers),
  centres: Number(values.centres),
  counties: Number(values.counties),
  duration: Number(values.duration),
  connections: Number(values.connections),
};
const PASSWORD = 'bench-password-1';
const pgBase =
  process.env.DATABASE_URL || (values.pg ? 'postgres://postgres@127.0.0.1:5432/test' : undefined);

type Centre = { id: string; login: string; countyId: string; villagers: string[] };

async function seed(handle: DbHandle, label: string): Promise<{ centres: Centre[]; productIds: string[] }> {
  const deps: Deps = {
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    log: pino({ level: 'silent' }),
    nudgeOutbox: () => {},
    sessionTtlHours: 12,
  };
  await migrateToLatest(handle);
  const { productIds } = await seedCatalog(handle.db, {
    count: N.products,
    merchants: N.merchants,
    onProgress: progress(`${label}: products`),
  });
  // Throughput, not stock-outs, is what this measures.
  await handle.db.updateTable('products').set({ stock: 1_000_000_000 }).execute();
  const counties = [];
  for (let i = 0; i < N.counties; i++) {
    counties.push(
      await createCounty(deps, {
        code: i === 0 ? 'BENCH' : `BENCH${i}`,
        name: i === 0 ? '遂昌县' : `遂昌${i}县`,
        province: '浙江省',
        hub: { lat: 28.59, lon: 119.27, address: '县仓' },
      }),
    );
  }
  const centres: Centre[] = [];
  const tick = progress(`${label}: centres`);
  for (let i = 0; i < N.centres; i++) {
    const countyId = counties[i % counties.length]!.id;
    const { id, login } = await openFloatedCentre(deps, countyId, i, PASSWORD);
    centres.push({ id, login, countyId, villagers: [] });
    tick(i + 1, N.centres);
  }
  const villagerTick = progress(`${label}: villagers`);
  const now = new Date().toISOString();
  for (let done = 0; done < N.villagers; done += 1000) {
    const rows = [];
    for (let i = done; i < Math.min(N.villagers, done + 1000); i++) {
      const centre = centres[i % centres.length]!;
      const id = uuidv7();
      centre.villagers.push(id);
      rows.push({
        id,
        county_id: centre.countyId,
        center_id: centre.id,
        name: `村民${i}`,
        phone: `139${String(i).padStart(8, '0')}`,
        registered_by: 'bench',
        created_at: now,
      });
    }
    await handle.db.insertInto('villagers').values(rows).execute();
    villagerTick(Math.min(N.villagers, done + 1000), N.villagers);
  }
  await (handle.dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(handle.db);
  return { centres, productIds };
}

async function run(label: string, env: Record<string, string>, handle: DbHandle): Promise<string> {
  const t0 = Date.now();
  const { centres, productIds } = await seed(handle, label);
  await handle.close();
  log(`${label}: seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const server = await startServer(
    env,
    values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [],
  );
  try {
    const tokens = new Map<string, string>();
    for (const c of centres) {
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: c.login, password: PASSWORD }),
      });
      tokens.set(c.id, ((await res.json()) as { token: string }).token);
    }
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    log(`${label}: ${N.connections} connections for ${N.duration} s …`);
    const result = await autocannon({
      url: server.url,
      connections: N.connections,
      duration: N.duration,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/orders',
          setupRequest: (req: Record<string, unknown>) => {
            const centre = pick(centres);
            const lines = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
              productId: pick(productIds),
              quantity: 1 + Math.floor(Math.random() * 3),
            }));
            return {
              ...req,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${tokens.get(centre.id)}`,
              },
              body: JSON.stringify({ villagerId: pick(centre.villagers), lines, payment: 'float' }),
            };
          },
        },
      ],
    });
    const check = createDb(
      env.DATABASE_URL ? { sqliteFile: '', databaseUrl: env.DATABASE_URL } : { sqliteFile: env.CUNTONG_DB! },
    );
    const orders = await check.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const books = await trialBalance(check.db);
    await check.close();
    return [
      `${label}: ${result.requests.average.toFixed(0)} orders/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms`,
      `  ${result.requests.total} requests, ${result['2xx']} placed, ${result.non2xx} non-2xx, ${result.errors} errors; ${Number(orders.n)} orders stored; trial balance total ${books.totalFen}`,
    ].join('\n');
  } finally {
    await server.stop();
  }
}

const lines: string[] = [];
if (!values['no-sqlite']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuntong-bench-'));
  const file = path.join(dir, 'bench.db');
  try {
    lines.push(await run('sqlite', { CUNTONG_DB: file }, createDb({ sqliteFile: file })));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
if (pgBase) {
  const scratch = await scratchPostgres(pgBase);
  try {
    lines.push(
      await run(
        'postgres',
        { DATABASE_URL: scratch.url },
        createDb({ sqliteFile: '', databaseUrl: scratch.url }),
      ),
    );
  } finally {
    await scratch.drop();
  }
}
console.log(
  `\nPOST /api/v1/orders — ${N.products} products of ${N.merchants} merchants, ${N.villagers} villagers, ${N.centres} centres in ${N.counties} ${N.counties === 1 ? 'county' : 'counties'}, ${N.connections} connections, ${N.duration} s, ${os.cpus().length} cores\n${lines.join('\n')}`,
);
