import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDb, type Db } from '../server/db/create-db.ts';
import { createServerDatabase, createTestApp, describeDb, dialect, type TestApp } from './harness.ts';
import { type LogisticsCounty, logisticsCounty, placedOrder } from './logistics-scenarios.ts';
import { expectBalancedBooks, hqAdmin, registerVillager } from './scenarios.ts';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The backup tools work on the database the server is configured with (CUNTONG_DB, or the
 * `public` schema of DATABASE_URL), so each test gets a database of its own: a SQLite file, or
 * a new PostgreSQL database.
 */
type Scratch = Awaited<ReturnType<typeof createServerDatabase>>;

/** What `npm start` does with a database, minus the listening socket: migrate, then build the app. */
const startServer = (db: Scratch): Promise<TestApp> => createTestApp({ handle: db.open() });

/** `npm run backup` / `npm run restore` as separate processes, as an operator runs them. */
function cli(
  tool: 'backup' | 'restore',
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, `server/db/${tool}-cli.ts`), ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await db.introspection.getTables()) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
    counts[table.name] = Number(rows[0]!.n);
  }
  return counts;
}

describeDb('backup and restore', () => {
  let db: Scratch;
  let dir: string;
  let server: TestApp | undefined;

  beforeEach(async () => {
    db = await createServerDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuntong-backups-'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores exactly what the backup saw, taken while orders kept coming in', async () => {
    server = await startServer(db);
    const t = server;
    const hq = await hqAdmin(t);
    const c: LogisticsCounty = await logisticsCounty(t, hq);
    const partner = c.centre.partner.token;
    const floatOf = async (s: TestApp) =>
      (await s.request('GET', `/api/v1/centers/${c.centre.center.id}/float`, { token: partner })).body
        .balanceFen as number;
    const deposited = await floatOf(t);
    const before = await placedOrder(t, c, 1);
    const villager = await registerVillager(t, partner);

    // Orders keep arriving from two counters while the backup runs.
    const placed: Array<{ id: string; totalFen: number; ackedAt: number }> = [];
    let writing = true;
    const counter = async (n: number) => {
      for (let i = 0; writing; i++) {
        const res = await t.request('POST', '/api/v1/orders', {
          token: partner,
          headers: { 'idempotency-key': `counter-${n}-${i}` },
          body: {
            villagerId: villager.id,
            lines: [{ productId: c.product.id, quantity: 1 }],
            payment: 'float',
          },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        placed.push({ id: res.body.id, totalFen: res.body.totalFen, ackedAt: Date.now() });
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const counters = [counter(1), counter(2)];
    await new Promise((r) => setTimeout(r, 100));
    const backupStarted = Date.now();
    const file = path.join(dir, 'nightly.backup');
    const made = await cli('backup', ['--out', file], db.env);
    writing = false;
    await Promise.all(counters);
    expect(made.code, made.out).toBe(0);
    expect(made.out).toContain('backup written');
    expect(fs.readdirSync(dir)).toEqual(['nightly.backup']);

    const after = await placedOrder(t, c, 1);
    const refused = await cli('restore', [file], db.env);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/stop .*server/);
    expect((await t.request('GET', `/api/v1/orders/${after.order.id}`, { token: partner })).status).toBe(200);

    await t.close();
    server = undefined;
    const restored = await cli('restore', [file], db.env);
    expect(restored.code, restored.out).toBe(0);

    server = await startServer(db);
    const r = server;
    expect((await r.request('GET', '/health')).status).toBe(200);
    expect((await r.request('GET', `/api/v1/orders/${before.order.id}`, { token: partner })).status).toBe(
      200,
    );
    expect((await r.request('GET', `/api/v1/orders/${after.order.id}`, { token: partner })).status).toBe(404);
    expect(
      (await r.request('GET', `/api/v1/villagers/${after.villager.id}`, { token: partner })).status,
    ).toBe(404);

    // One snapshot: every order acknowledged before the backup began is there, and whatever
    // order made it in came whole, with its money, its audit row and its stored response.
    const orderIds = (await r.handle.db.selectFrom('orders').select('id').execute()).map((o) => o.id);
    const kept = placed.filter((p) => orderIds.includes(p.id));
    expect(new Set(orderIds)).toEqual(new Set([before.order.id, ...kept.map((p) => p.id)]));
    for (const p of placed.filter((o) => o.ackedAt < backupStarted)) expect(orderIds).toContain(p.id);
    expect(kept.length).toBeGreaterThan(0);
    expect(await floatOf(r)).toBe(
      deposited - before.order.totalFen - kept.reduce((sum, p) => sum + p.totalFen, 0),
    );
    const audited = await r.handle.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('route', '=', '/api/v1/orders')
      .where('method', '=', 'POST')
      .execute();
    expect(new Set(audited.map((a) => a.entity_id))).toEqual(new Set(orderIds));
    const stored = await r.handle.db
      .selectFrom('idempotency_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(kept.length);
    await expectBalancedBooks(r);
    const trial = await r.request('GET', '/api/v1/ledger/trial-balance', { token: hq });
    expect(trial.body.totalFen).toBe(0);

    if (dialect === 'sqlite') {
      // The backup is itself a database: the restored one holds exactly its rows.
      const copy = createDb({ sqliteFile: file });
      try {
        expect(await tableCounts(r.handle.db)).toEqual(await tableCounts(copy.db));
      } finally {
        await copy.close();
      }
    }

    // The restored database takes new business as before.
    await placedOrder(r, c, 1);
    await expectBalancedBooks(r);
  }, 120_000);

  it('restores nothing from a file that is not a backup, and keeps the database', async () => {
    server = await startServer(db);
    const hq = await hqAdmin(server);
    await logisticsCounty(server, hq);
    const counts = await tableCounts(server.handle.db);
    await server.close();
    server = undefined;

    const junk = path.join(dir, 'junk.backup');
    fs.writeFileSync(junk, 'not a backup at all');
    const refused = await cli('restore', [junk], db.env);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/restore failed: .*(not a SQLite database|pg_restore failed)/);
    expect((await cli('restore', [path.join(dir, 'missing.backup')], db.env)).out).toContain(
      'no such backup file',
    );

    if (dialect === 'postgres') {
      // Where the PostgreSQL client tools are missing, the commands say so.
      const withoutTools = { ...db.env, PATH: dir };
      const noDump = await cli('backup', ['--out', path.join(dir, 'x.pgdump')], withoutTools);
      expect(noDump.code).toBe(1);
      expect(noDump.out).toContain('pg_dump not found');
      expect(fs.existsSync(path.join(dir, 'x.pgdump'))).toBe(false);
      expect((await cli('restore', [junk], withoutTools)).out).toContain('pg_restore not found');
    }

    server = await startServer(db);
    expect(await tableCounts(server.handle.db)).toEqual(counts);
  }, 60_000);
});
