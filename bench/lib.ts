/** Shared pieces of the benchmark scripts: progress bars, percentiles, a server process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Deps } from '../server/deps.ts';
import { createUser } from '../server/modules/identity/index.ts';
import { accountId, post } from '../server/modules/ledger/index.ts';
import {
  addVillage,
  assignPartner,
  changeCenterStatus,
  createCenter,
} from '../server/modules/network/index.ts';
import { systemClock } from '../server/shared/clock.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const log = (line: string) => process.stderr.write(`${line}\n`);

/** The actor seeding scripts act as (HQ, outside any request). */
export const benchHq = {
  id: 'bench',
  login: 'bench',
  displayName: 'bench',
  role: 'hq_admin' as const,
  countyId: null,
  centerId: null,
  merchantId: null,
};

export function progress(label: string) {
  const started = Date.now();
  return (done: number, total: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${rate}/s)`,
    );
    if (done >= total) process.stderr.write('\n');
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The real server (`npm start`'s entry) as a separate process, so the load generator does
 * not share its event loop. Resolves once /health answers.
 */
export async function startServer(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', path.join(root, 'server/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        CUNTONG_DEMO: '0',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGINT');
      }),
  };
}

/** A new, empty PostgreSQL database for one benchmark run, dropped by `drop()`. */
export async function scratchPostgres(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cuntong_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * An open village centre in the county with its own partner (`bench-partner-<i>`) and a float
 * no benchmark can spend, written through the modules' own functions.
 */
export async function openFloatedCentre(
  deps: Deps,
  countyId: string,
  i: number,
  password: string,
): Promise<{ id: string; login: string }> {
  const village = await addVillage(deps, benchHq, countyId, {
    name: `村${i}`,
    lat: 28.5 + i / 1000,
    lon: 119.2,
  });
  const centre = await deps.db
    .transaction()
    .execute((trx) =>
      createCenter(deps, trx, benchHq, { villageId: village.id, name: `服务站${i}`, address: '村委会' }),
    );
  const login = `bench-partner-${i}`;
  const partner = await createUser(deps, benchHq, {
    login,
    password,
    displayName: `站长${i}`,
    role: 'partner',
    countyId,
  });
  await assignPartner(deps, benchHq, centre.id, partner.id);
  await changeCenterStatus(deps, benchHq, centre.id, 'open');
  await deps.db.transaction().execute((trx) =>
    post(trx, systemClock, {
      kind: 'float_deposit',
      refId: centre.id,
      countyId,
      entries: [
        { account: accountId('cash_clearing'), amountFen: 1_000_000_000_000 },
        { account: accountId('partner_float', centre.id), amountFen: -1_000_000_000_000 },
      ],
    }),
  );
  return { id: centre.id, login };
}
