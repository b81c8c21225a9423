import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, makeUser } from '../../../test/scenarios.ts';
import { deliverDue, drainOutbox } from '../../jobs/outbox-worker.ts';
import { queueSms, type SmsProvider, smsHandler } from './index.ts';

describeDb('notifications: outbox, SMS and the message log', () => {
  let t: TestApp;
  let hq: string;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
  });
  afterAll(() => t.close());

  const sms = (to: string, body: string, countyId: string | null) =>
    t.deps.db
      .transaction()
      .execute((trx) => queueSms(trx, t.deps.clock, { to, body, countyId, kind: 'test' }));

  it('queues with the transaction and delivers after commit, exactly once', async () => {
    const a = await countyWithStaff(t, hq);
    await sms('13800138000', '您的取件码 123456', a.county.id);
    const queued = await t.request('GET', '/api/v1/notifications?phone=13800138000', { token: hq });
    expect(queued.body.items).toMatchObject([{ channel: 'sms', to: '13800138000', status: 'queued' }]);
    expect(await t.drain()).toBe(1);
    expect(await t.drain()).toBe(0);
    const sent = await t.request('GET', '/api/v1/notifications?phone=13800138000', { token: hq });
    expect(sent.body.items).toHaveLength(1);
    expect(sent.body.items[0]).toMatchObject({ status: 'sent', body: '您的取件码 123456' });
  });

  it('writes nothing when the business transaction rolls back', async () => {
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await queueSms(trx, t.deps.clock, { to: '13900000001', body: 'never', countyId: null, kind: 'test' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const rows = await t.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('to_address', '=', '13900000001')
      .execute();
    expect(rows).toHaveLength(0);
    expect(await t.drain()).toBe(0);
  });

  it('retries a failing provider with back-off, then delivers', async () => {
    let calls = 0;
    const flaky: SmsProvider = {
      name: 'flaky',
      async send(m) {
        calls++;
        if (calls < 3) throw new Error('gateway timeout');
        return { providerRef: `ok-${m.id}` };
      },
    };
    const handlers = { 'notifications.sms': smsHandler(flaky) };
    await sms('13700000002', 'retry me', null);
    expect(await deliverDue(t.deps, handlers)).toBe(0);
    const row = await t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('gateway timeout');
    // Make the retry due now instead of waiting for the back-off.
    const due = async () => {
      await t.deps.db
        .updateTable('outbox')
        .set({ available_at: '2000-01-01T00:00:00.000Z' })
        .where('status', '=', 'pending')
        .execute();
    };
    await due();
    expect(await drainOutbox(t.deps, handlers)).toBe(0);
    await due();
    expect(await drainOutbox(t.deps, handlers)).toBe(1);
    expect(calls).toBe(3);
    const logged = await t.request('GET', '/api/v1/notifications?phone=13700000002', { token: hq });
    expect(logged.body.items[0].status).toBe('sent');
  });

  it('shows county staff only their county, newest first, and nobody else', async () => {
    const a = await countyWithStaff(t, hq);
    const b = await countyWithStaff(t, hq);
    await sms('13600000001', 'A first', a.county.id);
    await sms('13600000001', 'A second', a.county.id);
    await sms('13600000001', 'B only', b.county.id);
    await t.drain();
    const forA = await t.request('GET', '/api/v1/notifications?phone=13600000001', { token: a.staff.token });
    expect(forA.body.items.map((m: { body: string }) => m.body)).toEqual(['A second', 'A first']);
    const all = await t.request('GET', '/api/v1/notifications?phone=13600000001', { token: hq });
    expect(all.body.items).toHaveLength(3);
    const gov = await makeUser(t, hq, 'gov_viewer', { countyId: a.county.id });
    expect((await t.request('GET', '/api/v1/notifications', { token: gov.token })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/notifications')).status).toBe(401);
  });
});
