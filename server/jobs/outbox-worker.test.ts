import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, dialect, type TestApp } from '../../test/harness.ts';
import { testDatabaseUrl } from '../../test/pg-url.ts';
import { createDb, type DbHandle } from '../db/create-db.ts';
import type { Deps } from '../deps.ts';
import { queueSms, SMS_TOPIC, type SmsProvider, smsHandler } from '../modules/notifications/index.ts';
import { enqueue } from '../shared/outbox.ts';
import { drainOutbox, type OutboxHandlers } from './outbox-worker.ts';

type SmsMessage = Parameters<SmsProvider['send']>[0];

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

  it('sends an SMS once when its process died after sending, before marking the job delivered', async () => {
    const sent: SmsMessage[] = [];
    const handler = smsHandler({
      name: 'counting',
      async send(message) {
        sent.push(message);
        return { providerRef: `ref-${message.id}` };
      },
    });
    const notificationId = await t.deps.db.transaction().execute((trx) =>
      queueSms(trx, t.deps.clock, {
        to: '13500000077',
        body: '取件码 123456',
        countyId: null,
        kind: 'test',
      }),
    );
    const job = await t.deps.db
      .selectFrom('outbox')
      .select(['id', 'payload'])
      .where('topic', '=', SMS_TOPIC)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    // The dead process leased the job and ran its handler; the job stayed pending under a lease.
    await t.deps.db
      .updateTable('outbox')
      .set({ available_at: new Date(Date.now() + 60_000).toISOString(), attempts: 1 })
      .where('id', '=', job.id)
      .execute();
    await handler(t.deps, JSON.parse(job.payload));
    expect(await drainOutbox(t.deps, { [SMS_TOPIC]: handler })).toBe(0);
    // The lease runs out and another worker runs the job again.
    await t.deps.db
      .updateTable('outbox')
      .set({ available_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', job.id)
      .execute();
    expect(await drainOutbox(t.deps, { [SMS_TOPIC]: handler })).toBe(1);
    expect(sent.map((m) => m.id)).toEqual([notificationId]);
    const logged = await t.deps.db
      .selectFrom('notifications')
      .select(['status', 'provider_ref'])
      .where('id', '=', notificationId)
      .executeTakeFirstOrThrow();
    expect(logged).toEqual({ status: 'sent', provider_ref: `ref-${notificationId}` });
  });

  it('sends again with the same message id when the process died between sending and logging it', async () => {
    const sent: SmsMessage[] = [];
    let dies = true;
    const handler = smsHandler({
      name: 'counting',
      async send(message) {
        sent.push(message);
        // The gateway has it; the process dies before the message log says so.
        if (dies) {
          dies = false;
          throw new Error('process killed');
        }
        return { providerRef: `ref-${message.id}` };
      },
    });
    const notificationId = await t.deps.db.transaction().execute((trx) =>
      queueSms(trx, t.deps.clock, {
        to: '13500000078',
        body: '取件码 654321',
        countyId: null,
        kind: 'test',
      }),
    );
    await drainOutbox(t.deps, { [SMS_TOPIC]: handler });
    await t.deps.db
      .updateTable('outbox')
      .set({ available_at: '2000-01-01T00:00:00.000Z' })
      .where('status', '=', 'pending')
      .execute();
    await drainOutbox(t.deps, { [SMS_TOPIC]: handler });
    // Delivery to the gateway is at least once; the id lets it drop the repeat (SmsProvider's contract).
    expect(sent.map((m) => m.id)).toEqual([notificationId, notificationId]);
    const logged = await t.deps.db
      .selectFrom('notifications')
      .select('status')
      .where('id', '=', notificationId)
      .executeTakeFirstOrThrow();
    expect(logged.status).toBe('sent');
  });
});
