import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, dialect, type TestApp } from '../../test/harness.ts';
import { testDatabaseUrl } from '../../test/pg-url.ts';
import { createDb, type DbHandle } from '../db/create-db.ts';
import type { Deps } from '../deps.ts';
import { enqueue } from '../shared/outbox.ts';
import { drainOutbox, type OutboxHandlers } from './outbox-worker.ts';

describeDb('outbox worker: one in every API process', () => {
  let t: TestApp;
  // On PostgreSQL the second worker has a pool of its own, as another process would.
  let other: DbHandle | null = null;
  beforeAll(async () => {
    t = await createTestApp();
    if (dialect === 'postgres')
      other = createDb({ sqliteFile: '', databaseUrl: testDatabaseUrl(), pgSchema: t.handle.pgSchema });
  });
  afterAll(async () => {
    await other?.close();
    await t.close();
  });

  it('delivers each message once when several workers drain at the same time', async () => {
    await t.deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 120; i++) await enqueue(trx, t.deps.clock, 'test.count', { i });
    });
    const calls = new Map<string, number>();
    const handlers: OutboxHandlers = {
      'test.count': async (_deps, _payload, outboxId) => {
        calls.set(outboxId, (calls.get(outboxId) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, Math.random() * 3));
      },
    };
    const workers: Deps[] = [
      t.deps,
      other ? { ...t.deps, db: other.db } : t.deps,
      other ? { ...t.deps, db: other.db } : t.deps,
    ];
    const delivered = await Promise.all(workers.map((deps) => drainOutbox(deps, handlers)));
    expect(delivered.reduce((a, b) => a + b, 0)).toBe(120);
    expect(calls.size).toBe(120);
    expect([...calls.values()].filter((n) => n !== 1)).toEqual([]);
    const left = await t.deps.db
      .selectFrom('outbox')
      .select('id')
      .where('status', '<>', 'delivered')
      .execute();
    expect(left).toEqual([]);
  });
});
