/**
 * County hub throughput over real HTTP, and the time to plan a county's day.
 *
 * 1. Receive scans: seeds a county with 300 centres and N parcels from outside carriers, starts
 *    the real server as its own process and sends POST /api/v1/hub/scans from 32 connections,
 *    each request a different parcel (as at a busy sorting belt). Prints scans/s, p50, p99.
 * 2. Planning: 5,000 parcels waiting at the hub for 300 centres, 12 vans; times
 *    POST /api/v1/runs/plan and reports runs, planned and unplanned parcels.
 *
 *   npm run bench:scans -- [--parcels N] [--duration S] [--connections C] [--pg] [--no-sqlite]
 *                          [--profile DIR]
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
import { createUser } from '../server/modules/identity/index.ts';
import { addVillage, createCenter, createCounty } from '../server/modules/network/index.ts';
import { systemClock } from '../server/shared/clock.ts';
import { uuidv7 } from '../server/shared/ids.ts';
import { benchHq, log, percentile, progress, scratchPostgres, startServer } from './lib.ts';

const { values } = parseArgs({
  options: {
    parcels: { type: 'string', default: '80000' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '32' },
    pg: { type: 'boolean', default: false },
    'no-sqlite': { type: 'boolean', default: false },
    /** Write a V8 CPU profile of the server into this folder. */
    profile: { type: 'string' },
  },
});
const N = {
  parcels: Number(values.parcels),
  duration: Number(values.duration),
  connections: Number(values.connections),
};
const PASSWORD = 'bench-password-1';
const CENTRES = 300;
const PLAN_PARCELS = 5_000;
const VANS = 12;
const pgBase =
  process.env.DATABASE_URL || (values.pg ? 'postgres://postgres@127.0.0.1:5432/test' : undefined);

/** A county of 300 centres around its hub, one staff login, and parcels in the given status. */
async function seedCounty(
  deps: Deps,
  code: string,
  parcels: number,
  status: 'created' | 'at_hub',
  vans: number,
) {
  const county = await createCounty(deps, {
    code,
    name: `${code}县`,
    province: '浙江省',
    hub: { lat: 28.59, lon: 119.27, address: '县仓' },
  });
  const login = `bench-staff-${code}`;
  const staff = await createUser(deps, benchHq, {
    login,
    password: PASSWORD,
    displayName: '县站',
    role: 'county_staff',
    countyId: county.id,
  });
  const centres: string[] = [];
  const tick = progress(`${code}: centres`);
  for (let i = 0; i < CENTRES; i++) {
    // Villages on a spiral out to ~35 km from the hub.
    const angle = i * 2.4;
    const r = 0.03 + (0.3 * i) / CENTRES;
    const village = await addVillage(deps, benchHq, county.id, {
      name: `村${i}`,
      lat: 28.59 + r * Math.sin(angle),
      lon: 119.27 + r * Math.cos(angle),
    });
    const centre = await deps.db
      .transaction()
      .execute((trx) =>
        createCenter(deps, trx, benchHq, { villageId: village.id, name: `服务站${i}`, address: '村委会' }),
      );
    centres.push(centre.id);
    if ((i + 1) % 30 === 0) tick(i + 1, CENTRES);
  }
  const now = new Date().toISOString();
  const parcelTick = progress(`${code}: parcels`);
  const trackingNumbers: string[] = [];
  for (let done = 0; done < parcels; done += 1000) {
    const rows = [];
    for (let i = done; i < Math.min(parcels, done + 1000); i++) {
      const trackingNumber = `${code}${String(i).padStart(9, '0')}`;
      trackingNumbers.push(trackingNumber);
      rows.push({
        id: uuidv7(),
        county_id: county.id,
        center_id: centres[i % CENTRES]!,
        direction: 'inbound' as const,
        order_id: null,
        return_id: null,
        tracking_number: trackingNumber,
        carrier: '中通快递',
        recipient_phone: `139${String(i).padStart(8, '0')}`,
        weight_grams: 500 + ((i * 7919) % 4500),
        status,
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
    await deps.db.insertInto('parcels').values(rows).execute();
    parcelTick(Math.min(parcels, done + 1000), parcels);
  }
  for (let v = 0; v < vans; v++) {
    await deps.db
      .insertInto('vehicles')
      .values({
        id: uuidv7(),
        county_id: county.id,
        name: `依维柯${v + 1}号`,
        capacity_kg: 1_500,
        shift_minutes: 600,
        created_at: now,
      })
      .execute();
  }
  return { countyId: county.id, login, trackingNumbers };
}

async function run(label: string, env: Record<string, string>, handle: DbHandle): Promise<string[]> {
  const deps: Deps = {
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    log: pino({ level: 'silent' }),
    nudgeOutbox: () => {},
    sessionTtlHours: 12,
  };
  await migrateToLatest(handle);
  const scanCounty = await seedCounty(deps, 'SCAN', N.parcels, 'created', 0);
  const planCounty = await seedCounty(deps, 'PLAN', PLAN_PARCELS, 'at_hub', VANS);
  await (handle.dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(handle.db);
  await handle.close();
  const server = await startServer(
    env,
    values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [],
  );
  const token = async (login: string) => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: PASSWORD }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  try {
    const scanToken = await token(scanCounty.login);
    let next = 0;
    log(`${label}: ${N.connections} connections for ${N.duration} s …`);
    const result = await autocannon({
      url: server.url,
      connections: N.connections,
      duration: N.duration,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/hub/scans',
          setupRequest: (req: Record<string, unknown>) => ({
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${scanToken}` },
            body: JSON.stringify({
              trackingNumber: scanCounty.trackingNumbers[next++ % scanCounty.trackingNumbers.length],
              type: 'received',
            }),
          }),
        },
      ],
    });
    const planToken = await token(planCounty.login);
    const started = performance.now();
    const planning = fetch(`${server.url}/api/v1/runs/plan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${planToken}` },
      body: JSON.stringify({ countyId: planCounty.countyId, date: new Date().toISOString().slice(0, 10) }),
    });
    // While the solver runs, the server must keep answering: probe it every 50 ms.
    let planDone = false;
    const probes: number[] = [];
    const probing = (async () => {
      while (!planDone) {
        const t0 = performance.now();
        await fetch(`${server.url}/health`);
        probes.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const planRes = await planning;
    const seconds = (performance.now() - started) / 1000;
    planDone = true;
    await probing;
    const plan = (await planRes.json()) as {
      runs: Array<{ stops: Array<{ parcelIds: string[] }> }>;
      unplanned: string[];
    };
    const planned = plan.runs.reduce(
      (s, r) => s + r.stops.reduce((t, stop) => t + stop.parcelIds.length, 0),
      0,
    );
    return [
      `${label}: hub receive scans ${result.requests.average.toFixed(0)}/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  (${result['2xx']} ok, ${result.non2xx} non-2xx, ${result.errors} errors)`,
      `${label}: plan ${CENTRES} centres, ${PLAN_PARCELS} parcels, ${VANS} vans: ${seconds.toFixed(1)} s (HTTP ${planRes.status}) → ${plan.runs?.length ?? 0} runs, ${planned} parcels planned, ${plan.unplanned?.length ?? 0} unplanned`,
      `${label}: while planning, ${probes.length} health probes answered in at most ${Math.max(0, ...probes).toFixed(0)} ms (p50 ${percentile(
        [...probes].sort((a, b) => a - b),
        0.5,
      ).toFixed(0)} ms)`,
    ];
  } finally {
    await server.stop();
  }
}

const lines: string[] = [];
if (!values['no-sqlite']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuntong-bench-'));
  const file = path.join(dir, 'bench.db');
  try {
    lines.push(...(await run('sqlite', { CUNTONG_DB: file }, createDb({ sqliteFile: file }))));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
if (pgBase) {
  const scratch = await scratchPostgres(pgBase);
  try {
    lines.push(
      ...(await run(
        'postgres',
        { DATABASE_URL: scratch.url },
        createDb({ sqliteFile: '', databaseUrl: scratch.url }),
      )),
    );
  } finally {
    await scratch.drop();
  }
}
console.log(
  `\nCounty hub — ${N.connections} connections, ${N.duration} s, ${os.cpus().length} cores\n${lines.join('\n')}`,
);
