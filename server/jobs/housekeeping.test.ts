import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../test/harness.ts';
import {
  countyWithStaff,
  depositFloat,
  expectBalancedBooks,
  hqAdmin,
  openCentreWithPartner,
  registerVillager,
  signIn,
} from '../../test/scenarios.ts';
import type { OutboxStatus } from '../db/platform.tables.ts';
import { queueSms } from '../modules/notifications/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { enqueue } from '../shared/outbox.ts';
import { RETENTION, sweep } from './housekeeping.ts';

const DAY_MS = 86_400_000;

describeDb('housekeeping: what has served its purpose goes, nothing else', () => {
  const clock = fixedClock(new Date('2026-06-01T02:00:00.000Z'));
  let t: TestApp;
  let partner: string;
  let villagerId: string;
  let briefSession: string;

  const count = async (table: 'idempotency_keys' | 'outbox' | 'sessions') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const topUp = (key: string) =>
    t.request('POST', `/api/v1/villagers/${villagerId}/wallet/topups`, {
      token: partner,
      body: { amountFen: 1_000 },
      headers: { 'idempotency-key': key },
    });
  /** Messages to a villager, delivered by the sandbox gateway through the outbox. */
  const sendSms = async (n: number) => {
    await t.deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++)
        await queueSms(trx, clock, { to: '13900000000', body: `第${i}条`, countyId: null, kind: 'test' });
    });
    await t.drain();
  };
  const jobs = (status: OutboxStatus) =>
    t.deps.db.selectFrom('outbox').select('id').where('status', '=', status).execute();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    // The working sessions outlive the weeks the clock moves; one brief session expires.
    t.deps.sessionTtlHours = 24 * 60;
    const hq = await hqAdmin(t);
    const { county, village, staff } = await countyWithStaff(t, hq);
    const centre = await openCentreWithPartner(t, staff.token, county.id, village.id);
    partner = centre.partner.token;
    await depositFloat(t, staff.token, centre.center.id, 100_000);
    villagerId = (await registerVillager(t, partner)).id;
    t.deps.sessionTtlHours = 1;
    briefSession = await signIn(t, centre.partner.user.login);
    t.deps.sessionTtlHours = 24 * 60;
    expect((await topUp('topup-1')).status).toBe(201);
    await sendSms(3);
    // Work still to do, and a job that gave up: neither is the sweep's to delete.
    await t.deps.db.transaction().execute(async (trx) => {
      await enqueue(trx, clock, 'test.later', {}, new Date(clock.now().getTime() + 90 * DAY_MS));
      const dead = await enqueue(trx, clock, 'test.dead', {});
      await trx
        .updateTable('outbox')
        .set({ status: 'dead', last_error: 'gave up' })
        .where('id', '=', dead)
        .execute();
    });
  });
  afterAll(() => t.close());

  it('keeps an idempotency key through its window: a retry within it replays', async () => {
    clock.advance((RETENTION.idempotencyKeyDays - 1) * DAY_MS);
    expect(await sweep(t.deps)).toEqual({ idempotencyKeys: 0, deliveredJobs: 0, sessions: 1 });
    expect((await t.request('GET', '/api/v1/me', { token: briefSession })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/me', { token: partner })).status).toBe(200);
    const retry = await topUp('topup-1');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.balanceFen).toBe(1_000);
  });

  it('deletes idempotency keys past the window, and no working session', async () => {
    clock.advance(2 * DAY_MS);
    const keys = await count('idempotency_keys');
    const sessions = await count('sessions');
    const swept = await sweep(t.deps);
    expect(swept.idempotencyKeys).toBeGreaterThan(0);
    expect(await count('idempotency_keys')).toBe(keys - swept.idempotencyKeys);
    expect(swept.sessions).toBe(0);
    expect(await count('sessions')).toBe(sessions);
    expect((await t.request('GET', '/api/v1/me', { token: partner })).status).toBe(200);
    // Past the window the same key is a new request: the documented price of forgetting it.
    const late = await topUp('topup-1');
    expect(late.status).toBe(201);
    expect(late.headers['idempotent-replayed']).toBeUndefined();
    expect(late.body.balanceFen).toBe(2_000);
    await sendSms(2);
  });

  it('deletes delivered jobs after a month, and keeps pending and dead ones', async () => {
    const delivered = await jobs('delivered');
    expect(delivered).toHaveLength(5);
    const [pending, dead] = [await jobs('pending'), await jobs('dead')];
    clock.advance((RETENTION.deliveredJobDays - 7) * DAY_MS);
    const swept = await sweep(t.deps);
    // Those delivered on the first day went; those of the late top-up a week later stay.
    expect(swept.deliveredJobs).toBe(3);
    expect(await jobs('delivered')).toHaveLength(2);
    expect(await jobs('pending')).toEqual(pending);
    expect(await jobs('dead')).toEqual(dead);
    expect(await sweep(t.deps)).toEqual({ idempotencyKeys: 0, deliveredJobs: 0, sessions: 0 });
    await expectBalancedBooks(t);
  });
});
