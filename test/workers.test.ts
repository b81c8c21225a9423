/**
 * `CUNTONG_WORKERS=N`: several API processes sharing the port on PostgreSQL, refused on SQLite.
 * Starts the real server as a child process.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { createServerDatabase, describeDb, dialect } from './harness.ts';
import {
  DEMO_PASSWORD,
  expectOk,
  freePort,
  type Reply,
  type ServerProcess,
  send,
  sleep,
  startServerProcess,
} from './load-clients.ts';

describeDb('several API processes (CUNTONG_WORKERS)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it.skipIf(dialect !== 'sqlite')('refuses more than one process on SQLite, saying why', async () => {
    const database = await createServerDatabase();
    cleanups.push(database.drop);
    await expect(
      startServerProcess(await freePort(), { ...database.env, CUNTONG_DEMO: '0', CUNTONG_WORKERS: '2' }),
    ).rejects.toThrow(/cannot start: CUNTONG_WORKERS=2 needs PostgreSQL \(DATABASE_URL\)/);
  });

  it.skipIf(dialect !== 'postgres')(
    'answers from two processes, replays a write in either, and replaces one that dies',
    { timeout: 120_000 },
    async () => {
      const database = await createServerDatabase();
      cleanups.push(database.drop);
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const server: ServerProcess = await startServerProcess(port, {
        ...database.env,
        CUNTONG_DEMO: '1',
        CUNTONG_WORKERS: '2',
      });
      cleanups.push(async () => {
        server.kill('SIGKILL');
        await server.exited;
      });

      // Each request on a connection of its own, so the processes take turns.
      const fresh = (req: Parameters<typeof send>[1]) => send(baseUrl, req, { fresh: true });
      const pidOf = (r: Reply) => Number(r.headers['x-worker-pid']);
      const pidsAnswering = async () => {
        const pids = new Set<number>();
        for (let i = 0; i < 10; i++) {
          const health = await fresh({ method: 'GET', path: '/health' });
          expect(health.status).toBe(200);
          expect(health.body).toMatchObject({ status: 'ok' });
          pids.add(pidOf(health));
        }
        return pids;
      };
      // The second process may still be starting when the first answers /health.
      let pids = new Set<number>();
      for (let i = 0; i < 50 && pids.size < 2; i++) {
        pids = await pidsAnswering();
        if (pids.size < 2) await sleep(200);
      }
      expect(pids.size).toBe(2);
      expect(pids.has(server.pid)).toBe(false);

      const login = await expectOk(baseUrl, {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { login: 'county', password: DEMO_PASSWORD },
      });
      const centres = await expectOk(baseUrl, {
        method: 'GET',
        path: `/api/v1/centers?countyId=${login.user.countyId}&status=open`,
        token: login.token,
      });
      const centreId = centres.items[0].id as string;
      const deposit = {
        method: 'POST' as const,
        path: `/api/v1/centers/${centreId}/float/deposits`,
        token: login.token,
        key: randomUUID(),
        body: { amountFen: 12_345, reference: `workers ${randomUUID()}` },
      };

      // Six first attempts at once, spread over both processes: one deposit, one answer.
      const first = await Promise.all(Array.from({ length: 6 }, () => fresh(deposit)));
      expect(first.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect(new Set(first.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect(new Set(first.map(pidOf)).size).toBe(2);
      expect(first.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);

      // A later retry replays it in either process.
      const replays = await Promise.all(Array.from({ length: 6 }, () => fresh(deposit)));
      expect(new Set(replays.map(pidOf)).size).toBe(2);
      for (const r of replays) {
        expect(r.status).toBe(201);
        expect(r.headers['idempotent-replayed']).toBe('true');
        expect(r.body).toEqual(first[0]!.body);
      }
      const listed = await expectOk(baseUrl, {
        method: 'GET',
        path: `/api/v1/centers/${centreId}/float/deposits`,
        token: login.token,
      });
      expect(
        listed.items.filter((d: { reference: string }) => d.reference === deposit.body.reference),
      ).toHaveLength(1);

      // A process that dies is replaced; the port keeps answering meanwhile.
      const [victim] = [...pids];
      process.kill(victim!, 'SIGKILL');
      let after = new Set<number>();
      for (let i = 0; i < 100 && !(after.size === 2 && !after.has(victim!)); i++) {
        await sleep(200);
        after = await pidsAnswering();
      }
      expect(after.size).toBe(2);
      expect(after.has(victim!)).toBe(false);

      // SIGTERM stops every process cleanly.
      server.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    },
  );
});
