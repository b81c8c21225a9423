/**
 * Reads at national size: starts the real server on a generated database (`npm run generate`)
 * and measures, one read at a time, p50/p99 of what county teams, partners and HQ open all
 * day — a county's lists, a partner's statement, a centre's performance, a county leaderboard,
 * the HQ dashboards, the message logs. Each request picks one of several sampled counties / centres / partners,
 * so the figures are not those of one hot row. A read whose route answers 404 is skipped
 * (not deployed here). Target: p99 ≤ 200 ms each.
 *
 *   npm run bench:reads -- [--db FILE | DATABASE_URL=postgres://…] [--duration S] [--connections C]
 *                          [--only NAME,NAME]
 */
import { parseArgs } from 'node:util';
// @ts-expect-error autocannon ships no type declarations.
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { createDb } from '../server/db/create-db.ts';
import { GENERATED_PASSWORD } from './generate/generate.ts';
import { log, startServer } from './lib.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/generated.db' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '4' },
    samples: { type: 'string', default: '12' },
    only: { type: 'string' },
  },
});
const TARGET_P99_MS = 200;
const databaseUrl = process.env.DATABASE_URL || undefined;

type Sample = {
  countyId: string;
  staffLogin: string;
  centreId: string;
  partnerId: string;
  partnerLogin: string;
  /** A villager of the centre, whose messages HQ looks up by phone. */
  villagerPhone: string;
};
type Who = 'hq' | 'staff' | 'partner';
type Read = { name: string; who: Who; path: (s: Sample) => string };

const month = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);
const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const now = Date.now();

/** The reads, by name. A new dashboard is one more line here. */
const reads: Read[] = [
  { name: 'county centres', who: 'staff', path: (s) => `/api/v1/centers?countyId=${s.countyId}&limit=50` },
  { name: 'county villagers', who: 'staff', path: () => '/api/v1/villagers?limit=50' },
  { name: 'county orders', who: 'staff', path: () => '/api/v1/orders?limit=50' },
  { name: 'county parcels', who: 'staff', path: () => '/api/v1/parcels?limit=50' },
  { name: 'county parcels at hub', who: 'staff', path: () => '/api/v1/parcels?status=at_hub&limit=50' },
  {
    name: 'county runs of a day',
    who: 'staff',
    path: (s) => `/api/v1/runs?countyId=${s.countyId}&date=${day(now - 86_400_000)}`,
  },
  {
    name: 'county support tickets',
    who: 'staff',
    path: (s) => `/api/v1/support/tickets?countyId=${s.countyId}`,
  },
  {
    name: 'county service requests',
    who: 'staff',
    path: (s) => `/api/v1/services/requests?countyId=${s.countyId}`,
  },
  {
    name: 'county applications',
    who: 'staff',
    path: (s) => `/api/v1/recruitment/applications?countyId=${s.countyId}`,
  },
  {
    name: 'county training partners',
    who: 'staff',
    path: (s) => `/api/v1/training/partners?countyId=${s.countyId}`,
  },
  { name: 'county message log', who: 'staff', path: () => '/api/v1/notifications?limit=50' },
  { name: 'gov dashboard', who: 'staff', path: (s) => `/api/v1/gov/dashboard?countyId=${s.countyId}` },
  { name: 'centre orders (partner)', who: 'partner', path: () => '/api/v1/orders?limit=50' },
  {
    name: 'partner statement',
    who: 'partner',
    path: (s) => `/api/v1/partners/${s.partnerId}/statement?month=${month(now - 20 * 86_400_000)}`,
  },
  { name: 'centre float', who: 'partner', path: (s) => `/api/v1/centers/${s.centreId}/float` },
  {
    name: 'centre performance',
    who: 'staff',
    path: (s) => `/api/v1/centers/${s.centreId}/performance?period=month`,
  },
  {
    name: 'county leaderboard',
    who: 'staff',
    path: (s) => `/api/v1/counties/${s.countyId}/leaderboard?period=month`,
  },
  { name: 'HQ rollout dashboard', who: 'hq', path: () => '/api/v1/rollout/dashboard' },
  { name: 'HQ rollout map', who: 'hq', path: () => '/api/v1/rollout/map' },
  { name: 'HQ message log', who: 'hq', path: () => '/api/v1/notifications?limit=50' },
  {
    name: 'HQ message log by phone',
    who: 'hq',
    path: (s) => `/api/v1/notifications?phone=${s.villagerPhone}&limit=50`,
  },
];

async function samplesOf(count: number): Promise<Sample[]> {
  const handle = createDb({ sqliteFile: values.db, databaseUrl });
  try {
    const counties = await handle.db.selectFrom('counties').select('id').orderBy('id').execute();
    if (counties.length === 0) throw new Error('no counties: run `npm run generate` first');
    const samples: Sample[] = [];
    for (let i = 0; i < count; i++) {
      const countyId = counties[Math.floor((i * counties.length) / count)]!.id;
      const staff = await handle.db
        .selectFrom('users')
        .select('login')
        .where('county_id', '=', countyId)
        .where('role', '=', 'county_staff')
        .orderBy('login')
        .executeTakeFirstOrThrow();
      const partner = await handle.db
        .selectFrom('users')
        .select(['id', 'login', 'center_id'])
        .where('county_id', '=', countyId)
        .where('role', '=', 'partner')
        .where('center_id', 'in', (eb) =>
          eb
            .selectFrom('centers')
            .select('id')
            .where('county_id', '=', countyId)
            .where('status', '=', 'open'),
        )
        .orderBy(sql`random()`)
        .executeTakeFirstOrThrow();
      const villager = await handle.db
        .selectFrom('villagers')
        .select('phone')
        .where('center_id', '=', partner.center_id!)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      samples.push({
        countyId,
        staffLogin: staff.login,
        centreId: partner.center_id!,
        partnerId: partner.id,
        partnerLogin: partner.login,
        villagerPhone: villager.phone,
      });
    }
    return samples;
  } finally {
    await handle.close();
  }
}

async function signIn(url: string, login: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: GENERATED_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${login} failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

type Row = { name: string; requests: number; p50: number; p99: number; errors: number; note: string };

async function measure(url: string, read: Read, pick: () => { path: string; token: string }): Promise<Row> {
  const probe = pick();
  const first = await fetch(url + probe.path, { headers: { authorization: `Bearer ${probe.token}` } });
  if (first.status === 404)
    return { name: read.name, requests: 0, p50: 0, p99: 0, errors: 0, note: 'skipped: 404' };
  if (!first.ok)
    throw new Error(`${read.name}: ${probe.path} answered ${first.status} ${await first.text()}`);
  const result = await autocannon({
    url,
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests: [
      {
        method: 'GET',
        setupRequest: (req: Record<string, unknown>) => {
          const next = pick();
          return { ...req, path: next.path, headers: { authorization: `Bearer ${next.token}` } };
        },
      },
    ],
  });
  return {
    name: read.name,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    note: result.latency.p99 <= TARGET_P99_MS ? 'ok' : `MISSES ${TARGET_P99_MS} ms`,
  };
}

const only = values.only ? new Set(values.only.split(',')) : null;
const chosen = reads.filter((r) => !only || only.has(r.name));
const samples = await samplesOf(Number(values.samples));
const server = await startServer(databaseUrl ? { DATABASE_URL: databaseUrl } : { CUNTONG_DB: values.db });
const rows: Row[] = [];
try {
  const hq = await signIn(server.url, 'hq');
  const tokens = new Map<string, string>();
  for (const s of samples) {
    tokens.set(s.staffLogin, await signIn(server.url, s.staffLogin));
    tokens.set(s.partnerLogin, await signIn(server.url, s.partnerLogin));
  }
  for (const read of chosen) {
    const pick = () => {
      const s = samples[Math.floor(Math.random() * samples.length)]!;
      const token =
        read.who === 'hq' ? hq : tokens.get(read.who === 'staff' ? s.staffLogin : s.partnerLogin)!;
      return { path: read.path(s), token };
    };
    log(`${read.name} …`);
    rows.push(await measure(server.url, read, pick));
  }
} finally {
  await server.stop();
}

const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(line(['read', 'requests', 'p50 ms', 'p99 ms', 'errors', `p99 ≤ ${TARGET_P99_MS} ms`]));
console.log(line(['---', '---:', '---:', '---:', '---:', '---']));
for (const r of rows) {
  console.log(line([r.name, String(r.requests), String(r.p50), String(r.p99), String(r.errors), r.note]));
}
