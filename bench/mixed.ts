/**
 * A county's working day in miniature, over real HTTP: assisted orders (with Idempotency-Key),
 * hub receive scans, centre arrival scans, catalogue searches and phone top-ups through the
 * sandbox provider, all at once against the real server process on a freshly seeded database.
 *
 * The load is open-loop: requests leave at fixed intervals for the set total rate whatever the
 * server answers, and each latency is measured from the moment its request was due, so a slow
 * server shows as latency (and a queue) instead of quietly lowering the rate.
 *
 *   npm run bench:mixed -- [--duration S] [--rate R] [--db FILE] [--workers N] [--warmup S] [--centres N]
 *                          [--products N] [--villagers N]
 *   DATABASE_URL=postgres://… npm run bench:mixed -- …   (a scratch database is created on that server)
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { createDb, type DbHandle } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Deps } from '../server/deps.ts';
import { createUser } from '../server/modules/identity/index.ts';
import { trialBalance } from '../server/modules/ledger/index.ts';
import { createCounty } from '../server/modules/network/index.ts';
import { systemClock } from '../server/shared/clock.ts';
import { uuidv7 } from '../server/shared/ids.ts';
import {
  benchHq,
  log,
  openFloatedCentre,
  percentile,
  progress,
  scratchPostgres,
  startServer,
} from './lib.ts';
import { seedCatalog } from './seed-catalog.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    /** Seconds of the same load before measuring, not counted. */
    warmup: { type: 'string', default: '3' },
    rate: { type: 'string', default: '100' },
    /** A SQLite file to create and keep (default: a temporary one). */
    db: { type: 'string' },
    /** Passed to the server as CUNTONG_WORKERS (several server processes; PostgreSQL only). */
    workers: { type: 'string' },
    centres: { type: 'string', default: '16' },
    products: { type: 'string', default: '20000' },
    villagers: { type: 'string', default: '50' },
  },
});
const N = {
  duration: Number(values.duration),
  warmup: Number(values.warmup),
  rate: Number(values.rate),
  centres: Number(values.centres),
  products: Number(values.products),
  villagersPerCentre: Number(values.villagers),
};
for (const [name, n] of Object.entries(N))
  if (!(n > 0 || (name === 'warmup' && n === 0)))
    throw new Error(`--${name} must be a positive number, not ${n}`);
const PASSWORD = 'bench-password-1';
const pgBase = process.env.DATABASE_URL;

/** Shares of the total rate: per 20 requests, 6 orders, 5 hub scans, 3 centre scans, 4 searches, 2 top-ups. */
const MIX = { order: 6, hub_scan: 5, centre_scan: 3, search: 4, topup: 2 } as const;
type Operation = keyof typeof MIX;
const CYCLE = Object.values(MIX).reduce((a, b) => a + b, 0);
const QUERIES = [
  '肥料',
  'feiliao',
  'fl',
  '复合肥',
  'urea',
  '玉米种子',
  'ymzz',
  '花生油',
  'hsy',
  '杀虫剂',
  'npk',
];

type Centre = { id: string; login: string; villagers: string[]; inTransit: string[] };
type World = { centres: Centre[]; productIds: string[]; staffLogin: string; atCarrier: string[] };

/** Parcels are seeded for every scan the run can make, with a margin. */
const scansOf = (op: Operation) =>
  Math.ceil((N.rate * (N.warmup + N.duration) * MIX[op] * 1.2) / CYCLE) + 100;

async function seed(handle: DbHandle, label: string): Promise<World> {
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
    onProgress: progress(`${label}: products`),
  });
  // Throughput, not stock-outs, is what this measures.
  await handle.db.updateTable('products').set({ stock: 1_000_000_000 }).execute();
  const county = await createCounty(deps, {
    code: 'MIXED',
    name: '遂昌县',
    province: '浙江省',
    hub: { lat: 28.59, lon: 119.27, address: '县仓' },
  });
  const staffLogin = 'bench-staff';
  const staff = await createUser(deps, benchHq, {
    login: staffLogin,
    password: PASSWORD,
    displayName: '县站',
    role: 'county_staff',
    countyId: county.id,
  });
  const centres: Centre[] = [];
  const tick = progress(`${label}: centres`);
  for (let i = 0; i < N.centres; i++) {
    const { id, login } = await openFloatedCentre(deps, county.id, i, PASSWORD);
    centres.push({ id, login, villagers: [], inTransit: [] });
    tick(i + 1, N.centres);
  }
  const now = new Date().toISOString();
  const villagers = [];
  for (let i = 0; i < N.centres * N.villagersPerCentre; i++) {
    const centre = centres[i % centres.length]!;
    const id = uuidv7();
    centre.villagers.push(id);
    // Never ending in 0000: the sandbox declines those top-ups.
    const phone = `139${String(i).padStart(7, '0')}1`;
    villagers.push({
      id,
      county_id: county.id,
      center_id: centre.id,
      name: `村民${i}`,
      phone,
      registered_by: 'bench',
      created_at: now,
    });
  }
  for (let i = 0; i < villagers.length; i += 500)
    await handle.db
      .insertInto('villagers')
      .values(villagers.slice(i, i + 500))
      .execute();

  // Parcels from outside carriers waiting for the hub's receive scan, and parcels on the vans
  // waiting for their centre's arrival scan.
  const atCarrier: string[] = [];
  const parcels = [];
  const hubScans = scansOf('hub_scan');
  const centreScans = scansOf('centre_scan');
  for (let i = 0; i < hubScans + centreScans; i++) {
    const centre = centres[i % centres.length]!;
    const trackingNumber = `MX${String(i).padStart(10, '0')}`;
    const onVan = i >= hubScans;
    if (onVan) centre.inTransit.push(trackingNumber);
    else atCarrier.push(trackingNumber);
    parcels.push({
      id: uuidv7(),
      county_id: county.id,
      center_id: centre.id,
      direction: 'inbound' as const,
      order_id: null,
      return_id: null,
      tracking_number: trackingNumber,
      carrier: '中通快递',
      recipient_phone: `138${String(i).padStart(7, '0')}1`,
      weight_grams: 500 + ((i * 7919) % 4500),
      status: onVan ? ('in_transit' as const) : ('created' as const),
      run_id: null,
      pickup_code_hash: null,
      pickup_attempts: 0,
      exception_reason: null,
      arrived_at: null,
      handoff_carrier: null,
      carrier_tracking_number: null,
      created_by: staff.id,
      created_at: now,
      updated_at: now,
    });
  }
  const parcelTick = progress(`${label}: parcels`);
  for (let i = 0; i < parcels.length; i += 500) {
    await handle.db
      .insertInto('parcels')
      .values(parcels.slice(i, i + 500))
      .execute();
    parcelTick(Math.min(parcels.length, i + 500), parcels.length);
  }
  await (handle.dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(handle.db);
  return { centres, productIds, staffLogin, atCarrier };
}

type Outcome = { latencies: number[]; statuses: Map<string, number> };

/** One HTTP request on a keep-alive connection: resolves with the status, or the error's code. */
function send(
  agent: http.Agent,
  base: URL,
  method: string,
  pathAndQuery: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<string> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path: pathAndQuery,
        headers: payload
          ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : headers,
        timeout: 30_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(String(res.statusCode)));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    req.end(payload);
  });
}

async function run(label: string, env: Record<string, string>, handle: DbHandle): Promise<string> {
  const t0 = Date.now();
  const world = await seed(handle, label);
  await handle.close();
  log(`${label}: seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const server = await startServer(values.workers ? { ...env, CUNTONG_WORKERS: values.workers } : env);
  const base = new URL(server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  try {
    const login = async (name: string) => {
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: name, password: PASSWORD }),
      });
      if (!res.ok) throw new Error(`login ${name}: HTTP ${res.status}`);
      return `Bearer ${((await res.json()) as { token: string }).token}`;
    };
    const staffAuth = await login(world.staffLogin);
    const partnerAuth = new Map<string, string>();
    for (const c of world.centres) partnerAuth.set(c.id, await login(c.login));

    const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    let hubNext = 0;
    let centreNext = 0;
    const requests: Record<Operation, () => Promise<string>> = {
      order: () => {
        const c = pick(world.centres);
        const lines = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
          productId: pick(world.productIds),
          quantity: 1 + Math.floor(Math.random() * 3),
        }));
        return send(
          agent,
          base,
          'POST',
          '/api/v1/orders',
          { authorization: partnerAuth.get(c.id)!, 'idempotency-key': uuidv7() },
          { villagerId: pick(c.villagers), lines, payment: 'float' },
        );
      },
      hub_scan: () =>
        send(
          agent,
          base,
          'POST',
          '/api/v1/hub/scans',
          { authorization: staffAuth, 'idempotency-key': uuidv7() },
          { trackingNumber: world.atCarrier[hubNext++ % world.atCarrier.length], type: 'received' },
        ),
      centre_scan: () => {
        const c = world.centres[centreNext % world.centres.length]!;
        const trackingNumber =
          c.inTransit[Math.floor(centreNext++ / world.centres.length) % c.inTransit.length];
        return send(
          agent,
          base,
          'POST',
          `/api/v1/centers/${c.id}/scans`,
          { authorization: partnerAuth.get(c.id)!, 'idempotency-key': uuidv7() },
          { trackingNumber, type: 'arrived' },
        );
      },
      search: () => {
        const c = pick(world.centres);
        return send(agent, base, 'GET', `/api/v1/products?q=${encodeURIComponent(pick(QUERIES))}&limit=20`, {
          authorization: partnerAuth.get(c.id)!,
        });
      },
      topup: () => {
        const c = pick(world.centres);
        return send(
          agent,
          base,
          'POST',
          '/api/v1/services/requests',
          { authorization: partnerAuth.get(c.id)!, 'idempotency-key': uuidv7() },
          { villagerId: pick(c.villagers), kind: 'mobile_topup', amountFen: 5_000, payment: 'float' },
        );
      },
    };

    // The mix as a shuffled cycle, so every stretch of 20 requests carries the same shares.
    const cycle = (Object.entries(MIX) as Array<[Operation, number]>).flatMap(([op, n]) =>
      Array<Operation>(n).fill(op),
    );
    for (let i = cycle.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [cycle[i], cycle[j]] = [cycle[j]!, cycle[i]!];
    }
    const interval = 1000 / N.rate;
    /** Sends `seconds` worth of the mix at the set rate, open-loop, and waits for every answer. */
    const drive = async (seconds: number, tickLabel: string) => {
      const outcomes = Object.fromEntries(
        Object.keys(MIX).map((op) => [op, { latencies: [], statuses: new Map() }]),
      ) as unknown as Record<Operation, Outcome>;
      const total = Math.floor(N.rate * seconds);
      const inFlight: Array<Promise<void>> = [];
      const tick = progress(tickLabel);
      const start = performance.now() + 20;
      let maxLag = 0;
      let lastAnswer = start;
      await new Promise<void>((resolve) => {
        let sent = 0;
        const fire = () => {
          const now = performance.now();
          while (sent < total && start + sent * interval <= now) {
            const due = start + sent * interval;
            maxLag = Math.max(maxLag, now - due);
            const op = cycle[sent % cycle.length]!;
            inFlight.push(
              requests[op]().then((status) => {
                const answered = performance.now();
                lastAnswer = Math.max(lastAnswer, answered);
                const o = outcomes[op];
                o.latencies.push(answered - due);
                o.statuses.set(status, (o.statuses.get(status) ?? 0) + 1);
              }),
            );
            sent++;
            if (sent % Math.max(1, Math.floor(N.rate)) === 0 || sent === total) tick(sent, total);
          }
          if (sent >= total) resolve();
          else setTimeout(fire, Math.max(0, start + sent * interval - performance.now()));
        };
        fire();
      });
      await Promise.all(inFlight);
      return { outcomes, total, maxLag, elapsed: (lastAnswer - start) / 1000 };
    };
    // The server's first seconds (JIT, caches, statement preparation) are not its steady state.
    if (N.warmup > 0) await drive(N.warmup, `${label}: warm-up`);
    log(`${label}: ${N.rate} requests/s for ${N.duration} s …`);
    const { outcomes, total, maxLag, elapsed } = await drive(N.duration, `${label}: sent`);

    const check = createDb(
      env.DATABASE_URL ? { sqliteFile: '', databaseUrl: env.DATABASE_URL } : { sqliteFile: env.CUNTONG_DB! },
    );
    const books = await trialBalance(check.db);
    const topUps = () =>
      check.db
        .selectFrom('service_requests')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
    const atEnd = await topUps();
    // Top-ups reach the provider through the outbox after commit: how long its backlog takes to
    // clear once the load stops tells whether the worker kept up.
    const loadEnded = performance.now();
    let settled = atEnd;
    while (settled.some((s) => s.status === 'pending') && performance.now() - loadEnded < 60_000) {
      await new Promise((r) => setTimeout(r, 500));
      settled = await topUps();
    }
    const settleSeconds = ((performance.now() - loadEnded) / 1000).toFixed(1);
    await check.close();
    const byStatus = (rows: typeof atEnd) =>
      rows.map((s) => `${s.status} ${Number(s.n)}`).join(', ') || 'none';

    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const rows = (Object.keys(MIX) as Operation[]).map((op) => {
      const o = outcomes[op];
      const sorted = [...o.latencies].sort((a, b) => a - b);
      const ok = [...o.statuses].filter(([s]) => /^2\d\d$/.test(s)).reduce((n, [, c]) => n + c, 0);
      const errors = [...o.statuses]
        .filter(([s]) => !/^2\d\d$/.test(s))
        .map(([s, c]) => `${s}×${c}`)
        .join(' ');
      return [
        op.padEnd(12),
        String(sorted.length).padStart(6),
        String(ok).padStart(6),
        `${(ok / elapsed).toFixed(1)}/s`.padStart(9),
        ms(percentile(sorted, 0.5)).padStart(8),
        ms(percentile(sorted, 0.99)).padStart(8),
        ms(sorted.at(-1) ?? 0).padStart(8),
        `  ${errors || '—'}`,
      ].join(' ');
    });
    const all = Object.values(outcomes).flatMap((o) => o.latencies);
    const allOk = Object.values(outcomes).reduce(
      (n, o) => n + [...o.statuses].filter(([s]) => /^2\d\d$/.test(s)).reduce((m, [, c]) => m + c, 0),
      0,
    );
    const sortedAll = all.sort((a, b) => a - b);
    return [
      `${label}: ${total} requests due at ${N.rate}/s over ${N.duration} s, all answered after ${elapsed.toFixed(1)} s; generator lag at most ${ms(maxLag)}`,
      `operation      sent     ok     ok/s      p50      p99      max   errors (count by status)`,
      ...rows,
      `${'all'.padEnd(12)} ${String(all.length).padStart(6)} ${String(allOk).padStart(6)} ${`${(allOk / elapsed).toFixed(1)}/s`.padStart(9)} ${ms(percentile(sortedAll, 0.5)).padStart(8)} ${ms(percentile(sortedAll, 0.99)).padStart(8)} ${ms(sortedAll.at(-1) ?? 0).padStart(8)}`,
      `${label}: trial balance total ${books.totalFen}; top-ups by status when the load ended: ${byStatus(atEnd)}; ${settled.some((s) => s.status === 'pending') ? 'after' : 'all final'} ${settleSeconds} s later: ${byStatus(settled)}`,
    ].join('\n');
  } finally {
    agent.destroy();
    await server.stop();
  }
}

let report: string;
if (pgBase) {
  const scratch = await scratchPostgres(pgBase);
  try {
    report = await run(
      'postgres',
      { DATABASE_URL: scratch.url },
      createDb({ sqliteFile: '', databaseUrl: scratch.url }),
    );
  } finally {
    await scratch.drop();
  }
} else {
  if (values.workers)
    log('note: CUNTONG_WORKERS is for PostgreSQL; one SQLite file takes one server process');
  const keep = values.db !== undefined;
  const file = keep
    ? path.resolve(values.db!)
    : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cuntong-bench-')), 'bench.db');
  if (keep && fs.existsSync(file)) throw new Error(`${file} exists: the benchmark seeds a new database`);
  try {
    report = await run('sqlite', { CUNTONG_DB: file, DATABASE_URL: '' }, createDb({ sqliteFile: file }));
  } finally {
    if (!keep) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
console.log(
  `\nMixed load — ${N.centres} centres × ${N.villagersPerCentre} villagers, ${N.products} products, mix per 20 requests: ${Object.entries(
    MIX,
  )
    .map(([op, n]) => `${op} ${n}`)
    .join(', ')}; server workers: ${values.workers ?? 'default'}; ${os.cpus().length} cores\n${report}`,
);
