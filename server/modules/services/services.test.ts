import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  countyWithStaff,
  depositFloat,
  expectBalancedBooks,
  hqAdmin,
  makeUser,
  openCentreWithPartner,
  post,
  registerVillager,
} from '../../../test/scenarios.ts';
import { sandboxServiceProviders } from './sandbox-provider.ts';

describeDb('everyday services', () => {
  let t: TestApp;
  let hq: string;
  let a: Awaited<ReturnType<typeof countyWithStaff>>;
  let b: Awaited<ReturnType<typeof countyWithStaff>>;
  let centre: Awaited<ReturnType<typeof openCentreWithPartner>>;
  let other: Awaited<ReturnType<typeof openCentreWithPartner>>;
  let villager: { id: string; phone: string };

  beforeAll(async () => {
    t = await createTestApp({
      providers: { services: sandboxServiceProviders({ seed: 7, latencyMs: [0, 0] }) },
    });
    hq = await hqAdmin(t);
    a = await countyWithStaff(t, hq);
    b = await countyWithStaff(t, hq);
    centre = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    other = await openCentreWithPartner(t, b.staff.token, b.county.id, b.village.id);
    await depositFloat(t, a.staff.token, centre.center.id, 500_000);
    await depositFloat(t, b.staff.token, other.center.id, 500_000);
    villager = await registerVillager(t, centre.partner.token);
  });
  afterEach(() => expectBalancedBooks(t));
  afterAll(() => t.close());

  const floatOf = async (centerId = centre.center.id) =>
    (await t.request('GET', `/api/v1/centers/${centerId}/float`, { token: hq })).body.balanceFen as number;
  const request = (body: unknown, headers?: Record<string, string>, token = centre.partner.token) =>
    t.request('POST', '/api/v1/services/requests', { token, body, ...(headers ? { headers } : {}) });
  const fetch = (id: string, token = centre.partner.token) =>
    t.request('GET', `/api/v1/services/requests/${id}`, { token });
  const statement = async () =>
    (await t.request('GET', `/api/v1/partners/${centre.partner.user.id}/statement`, { token: hq })).body;
  const requestCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('service_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('tops up a phone: the float pays exactly the amount, the partner earns the fee on top', async () => {
    const [float, before] = [await floatOf(), await statement()];
    const res = await request({
      villagerId: villager.id,
      kind: 'mobile_topup',
      amountFen: 5_000,
      details: { phone: '13912345678' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // 1 % under the default service fee rates.
    expect(res.body).toMatchObject({ status: 'pending', feeFen: 50, amountFen: 5_000, totalFen: 5_050 });
    expect(res.body.id).toEqual(expect.any(String));
    expect(res.body.receiptNo).toMatch(/^SV\d{8}[0-9A-F]{8}$/);
    expect(res.body.details).toEqual({ phone: '13912345678', carrier: 'china_mobile' });
    expect(await floatOf()).toBe(float - 5_000);

    await t.drain();
    const done = await fetch(res.body.id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id: res.body.id,
      status: 'succeeded',
      feeFen: 50,
      receiptNo: res.body.receiptNo,
      providerRef: expect.any(String),
      receipt: { centerName: centre.center.name, villagerName: '张大山' },
    });
    expect(await floatOf()).toBe(float - 5_000);
    const after = await statement();
    expect(after.serviceFeesFen - before.serviceFeesFen).toBe(50);
    expect(after.items).toContainEqual(expect.objectContaining({ type: 'service_fee', refId: res.body.id }));
    const sms = await t.request('GET', `/api/v1/notifications?phone=${villager.phone}`, { token: hq });
    expect(sms.body.items[0].body).toContain(res.body.receiptNo);
  });

  it('tops up the villager’s own number when the request names none', async () => {
    const res = await request({ villagerId: villager.id, kind: 'mobile_topup', amountFen: 1_000 });
    expect(res.status).toBe(201);
    expect(res.body.details.phone).toBe(villager.phone);
    await t.drain();
  });

  it('refunds a declined top-up in full: amount back to the float, no fee earned', async () => {
    const [float, before] = [await floatOf(), await statement()];
    const res = await request({
      villagerId: villager.id,
      kind: 'mobile_topup',
      amountFen: 10_000,
      details: { phone: '13800000000' },
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
    expect(await floatOf()).toBe(float - 10_000);
    await t.drain();
    const done = await fetch(res.body.id);
    expect(done.body).toMatchObject({ status: 'failed', failureReason: 'number_not_in_service' });
    expect(await floatOf()).toBe(float);
    expect((await statement()).serviceFeesFen).toBe(before.serviceFeesFen);
    // Asking again changes nothing: the refund happened once.
    await t.drain();
    expect(await floatOf()).toBe(float);
    const sms = await t.request('GET', `/api/v1/notifications?phone=${villager.phone}`, { token: hq });
    expect(sms.body.items[0].body).toContain('未成功');
  });

  it('honours Idempotency-Key: a retried request is charged once; another body with the key is 422', async () => {
    const float = await floatOf();
    const body = { villagerId: villager.id, kind: 'mobile_topup', amountFen: 2_000, details: {} };
    const key = { 'idempotency-key': `svc-${Math.random()}` };
    const first = await request(body, key);
    const again = await request(body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await floatOf()).toBe(float - 2_000);
    const reused = await request({ ...body, amountFen: 3_000 }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect(await floatOf()).toBe(float - 2_000);
    await t.drain();
  });

  it('refuses a request the float cannot cover, changing nothing', async () => {
    const poor = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const someone = await registerVillager(t, poor.partner.token);
    await depositFloat(t, a.staff.token, poor.center.id, 1_500);
    const n = await requestCount();
    const res = await request(
      { villagerId: someone.id, kind: 'mobile_topup', amountFen: 2_000 },
      undefined,
      poor.partner.token,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('insufficient_funds');
    expect(await floatOf(poor.center.id)).toBe(1_500);
    expect(await requestCount()).toBe(n);
  });

  it('answers 400 validation_failed for bad input, changing nothing', async () => {
    const float = await floatOf();
    const n = await requestCount();
    const bad: Array<[unknown, string]> = [
      [{ villagerId: villager.id, kind: 'lottery', amountFen: 1_000 }, 'kind'],
      [{ villagerId: villager.id, kind: 'mobile_topup', amountFen: '1000' }, 'amountFen as text'],
      [{ villagerId: villager.id, kind: 'mobile_topup', amountFen: 0 }, 'zero'],
      [{ villagerId: villager.id, kind: 'mobile_topup', amountFen: 1_234 }, 'not a denomination'],
      [
        { villagerId: villager.id, kind: 'mobile_topup', amountFen: 1_000, details: { phone: '12345' } },
        'phone',
      ],
      [
        {
          villagerId: villager.id,
          kind: 'mobile_topup',
          amountFen: 1_000,
          details: { phone: '14012345678' },
        },
        'no carrier',
      ],
      [{ villagerId: villager.id, kind: 'utility_bill', amountFen: 1_000, details: {} }, 'no account'],
      [
        {
          villagerId: villager.id,
          kind: 'utility_bill',
          amountFen: 1_000,
          details: { accountNo: '12', utility: 'x' },
        },
        'utility',
      ],
      [
        {
          villagerId: villager.id,
          kind: 'travel_ticket',
          amountFen: 1_000,
          details: { from: '遂昌', to: '遂昌', date: '2099-01-01', passenger: '张' },
        },
        'same place',
      ],
      [
        {
          villagerId: villager.id,
          kind: 'travel_ticket',
          amountFen: 1_000,
          details: { from: '遂昌', to: '杭州', date: '2001-01-01', passenger: '张' },
        },
        'past',
      ],
      [
        {
          villagerId: villager.id,
          kind: 'travel_ticket',
          amountFen: 1_000,
          details: { from: '遂昌', to: '杭州', date: '2099-01-01', passenger: '张', seatClass: 'standard' },
        },
        'coach seat on a train',
      ],
      [{ villagerId: 'nobody', kind: 'mobile_topup', amountFen: 1_000 }, 'villager'],
      [{ kind: 'mobile_topup', amountFen: 1_000 }, 'missing villager'],
    ];
    for (const [body, why] of bad) {
      const res = await request(body);
      expect(res.status, `${why}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(await floatOf()).toBe(float);
    expect(await requestCount()).toBe(n);
  });

  it('keeps requests inside their scope: other counties and centres cannot see or charge them', async () => {
    const res = await request({ villagerId: villager.id, kind: 'mobile_topup', amountFen: 1_000 });
    await t.drain();
    const viewer = await makeUser(t, hq, 'gov_viewer', { countyId: a.county.id });
    expect((await fetch(res.body.id, viewer.token)).status).toBe(403);
    for (const token of [other.partner.token, b.staff.token]) {
      const seen = await fetch(res.body.id, token);
      expect(seen.status).toBe(404);
      expect(JSON.stringify(seen.body)).not.toContain(villager.phone);
      const listed = await t.request('GET', `/api/v1/services/requests?centerId=${centre.center.id}`, {
        token,
      });
      expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(res.body.id);
    }
    for (const token of [a.staff.token, hq]) expect((await fetch(res.body.id, token)).status).toBe(200);
    // Another county's partner cannot spend its float on our villager, nor ours on theirs.
    const [floatA, floatB] = [await floatOf(), await floatOf(other.center.id)];
    const foreign = await request(
      { villagerId: villager.id, kind: 'mobile_topup', amountFen: 1_000 },
      undefined,
      other.partner.token,
    );
    expect(foreign.status).toBe(400);
    expect(await floatOf()).toBe(floatA);
    expect(await floatOf(other.center.id)).toBe(floatB);
    const staffTry = await request(
      { villagerId: villager.id, kind: 'mobile_topup', amountFen: 1_000 },
      undefined,
      a.staff.token,
    );
    expect(staffTry.status).toBe(403);
    const mine = await t.request('GET', '/api/v1/services/requests', { token: centre.partner.token });
    expect(mine.body.items.every((i: { centerId: string }) => i.centerId === centre.center.id)).toBe(true);
  });

  it('pays a utility bill after looking up the amount due', async () => {
    const quote = await post(
      t,
      centre.partner.token,
      '/api/v1/services/quotes',
      { kind: 'utility_bill', details: { utility: 'electricity', accountNo: '3302001234' } },
      200,
    );
    expect(quote).toMatchObject({ kind: 'utility_bill', provider: 'sandbox_bills', feeBps: 100 });
    expect(quote.amountFen).toBe(quote.quote.amountDueFen);
    expect(quote.feeFen).toBe(Math.floor(quote.amountFen / 100));
    const float = await floatOf();
    const res = await request({
      villagerId: villager.id,
      kind: 'utility_bill',
      amountFen: quote.amountFen,
      details: { utility: 'electricity', accountNo: '3302001234' },
    });
    expect(res.status).toBe(201);
    expect(res.body.details).toEqual({
      utility: 'electricity',
      biller: 'state_grid',
      accountNo: '3302001234',
    });
    await t.drain();
    expect((await fetch(res.body.id)).body.status).toBe('succeeded');
    expect(await floatOf()).toBe(float - quote.amountFen);
  });

  it('refuses look-ups and reconciliations with bad input', async () => {
    const bad = [
      { kind: 'mobile_topup', details: { phone: '1234' } },
      { kind: 'mobile_topup', details: {} },
      { kind: 'utility_bill', details: { accountNo: '!' } },
      { kind: 'utility_bill' },
    ];
    for (const body of bad) {
      const res = await t.request('POST', '/api/v1/services/quotes', { token: centre.partner.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const topup = await post(
      t,
      centre.partner.token,
      '/api/v1/services/quotes',
      { kind: 'mobile_topup', details: { phone: '18912345678' } },
      200,
    );
    expect(topup.quote).toMatchObject({
      carrier: 'china_telecom',
      denominationsFen: expect.arrayContaining([5_000]),
    });
    for (const query of [
      'kind=mobile_topup&date=2026-13-01',
      'kind=lottery&date=2026-11-26',
      'kind=mobile_topup',
    ]) {
      const res = await t.request('GET', `/api/v1/services/reconciliation?${query}`, { token: hq });
      expect(res.status, query).toBe(400);
    }
  });

  it('books a train ticket, and refunds one the provider rejects', async () => {
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const late = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const trip = { from: '遂昌', to: '杭州东', passenger: '张大山', seatClass: 'second' };
    const float = await floatOf();
    const ok = await request({
      villagerId: villager.id,
      kind: 'travel_ticket',
      amountFen: 8_650,
      details: { ...trip, date: soon },
    });
    const rejected = await request({
      villagerId: villager.id,
      kind: 'travel_ticket',
      amountFen: 8_650,
      details: { ...trip, date: late },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.feeFen).toBe(259); // 3 % on tickets
    expect(rejected.status).toBe(201);
    await t.drain();
    expect((await fetch(ok.body.id)).body.status).toBe('succeeded');
    expect((await fetch(rejected.body.id)).body).toMatchObject({
      status: 'failed',
      failureReason: 'not_on_sale_yet',
    });
    expect(await floatOf()).toBe(float - 8_650);
  });

  it('pays from the villager’s wallet and refunds a failure there', async () => {
    const someone = await registerVillager(t, centre.partner.token);
    await post(t, centre.partner.token, `/api/v1/villagers/${someone.id}/wallet/topups`, {
      amountFen: 12_000,
    });
    const wallet = async () =>
      (await t.request('GET', `/api/v1/villagers/${someone.id}/wallet`, { token: centre.partner.token })).body
        .balanceFen as number;
    const float = await floatOf();
    const paid = await request({
      villagerId: someone.id,
      kind: 'mobile_topup',
      amountFen: 10_000,
      payment: 'wallet',
    });
    expect(paid.status).toBe(201);
    expect(await wallet()).toBe(2_000);
    const short = await request({
      villagerId: someone.id,
      kind: 'mobile_topup',
      amountFen: 5_000,
      payment: 'wallet',
    });
    expect(short.status).toBe(409);
    expect(short.body.error.code).toBe('insufficient_funds');
    const declined = await request({
      villagerId: someone.id,
      kind: 'mobile_topup',
      amountFen: 2_000,
      payment: 'wallet',
      details: { phone: '13600000000' },
    });
    expect(await wallet()).toBe(0);
    await t.drain();
    expect((await fetch(declined.body.id)).body.status).toBe('failed');
    expect(await wallet()).toBe(2_000);
    expect(await floatOf()).toBe(float);
  });

  it('takes the fee from the schedule in force when HQ changes service fee rates', async () => {
    const published = await post(t, hq, '/api/v1/fee-schedules', { serviceFeeBps: { mobile_topup: 200 } });
    expect(published.rates.serviceFeeBps).toMatchObject({
      mobile_topup: 200,
      utility_bill: 100,
      travel_ticket: 300,
    });
    expect(published.rates.commissionBps.consumer).toBe(300);
    const res = await request({ villagerId: villager.id, kind: 'mobile_topup', amountFen: 3_000 });
    expect(res.body.feeFen).toBe(60);
    expect(res.body.feeScheduleVersion).toBe(published.version);
    const empty = await t.request('POST', '/api/v1/fee-schedules', { token: hq, body: {} });
    expect(empty.status).toBe(400);
    await t.drain();
  });

  it('shows county staff and HQ volumes and failures, each within its scope', async () => {
    const mine = await t.request('GET', '/api/v1/services/summary', { token: a.staff.token });
    expect(mine.status).toBe(200);
    const failed = mine.body.items.filter((i: { status: string }) => i.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    const theirs = await t.request('GET', '/api/v1/services/summary', { token: b.staff.token });
    expect(theirs.body.items).toEqual([]);
    const peek = await t.request('GET', `/api/v1/services/summary?countyId=${a.county.id}`, {
      token: b.staff.token,
    });
    expect(peek.body.items).toEqual([]);
    const all = await t.request('GET', `/api/v1/services/summary?countyId=${a.county.id}`, { token: hq });
    expect(all.body.items).toEqual(mine.body.items);
    expect((await t.request('GET', '/api/v1/services/summary', { token: centre.partner.token })).status).toBe(
      403,
    );
  });

  it('reconciles the provider’s statement with the ledger and lists every mismatch', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const clean = await t.request('GET', `/api/v1/services/reconciliation?kind=mobile_topup&date=${today}`, {
      token: hq,
    });
    expect(clean.status, JSON.stringify(clean.body)).toBe(200);
    expect(clean.body.mismatches).toEqual([]);
    expect(clean.body.matched).toBeGreaterThan(0);
    expect(clean.body.statementTotalFen).toBe(clean.body.ledgerTotalFen);

    const done = await t.request('GET', '/api/v1/services/requests?kind=mobile_topup&status=succeeded', {
      token: hq,
    });
    const declined = await t.request('GET', '/api/v1/services/requests?kind=mobile_topup&status=failed', {
      token: hq,
    });
    const [first, second] = done.body.items;
    const csv = [
      'request_id,provider_ref,amount_fen,completed_at',
      `${first.id},${first.providerRef},${first.amountFen + 100},${first.resolvedAt}`,
      `${declined.body.items[0].id},X-1,1000,${first.resolvedAt}`,
      `0190aaaa-0000-7000-8000-000000000000,X-2,5000,${first.resolvedAt}`,
      'not,a line',
    ].join('\n');
    const report = await post(
      t,
      hq,
      '/api/v1/services/reconciliation',
      { kind: 'mobile_topup', date: today, statementCsv: csv },
      200,
    );
    const reasons = Object.fromEntries(
      report.mismatches.map((m: { requestId: string; reason: string }) => [m.requestId, m.reason]),
    );
    expect(reasons[first.id]).toBe('amount_differs');
    expect(reasons[declined.body.items[0].id]).toBe('charged_but_refunded');
    expect(reasons['0190aaaa-0000-7000-8000-000000000000']).toBe('unknown_request');
    expect(reasons[second.id]).toBe('missing_in_statement');
    expect(report.unreadableLines).toEqual([5]);

    // A request the provider finished before we heard back is listed until its answer arrives.
    const waiting = await request({ villagerId: villager.id, kind: 'mobile_topup', amountFen: 1_000 });
    const early = await post(
      t,
      hq,
      '/api/v1/services/reconciliation',
      {
        kind: 'mobile_topup',
        date: today,
        statementCsv: `${waiting.body.id},X-3,1000,${waiting.body.createdAt}`,
      },
      200,
    );
    expect(early.mismatches).toContainEqual(
      expect.objectContaining({ requestId: waiting.body.id, reason: 'pending_here', status: 'pending' }),
    );
    await t.drain();
    expect(
      (
        await t.request('GET', `/api/v1/services/reconciliation?kind=mobile_topup&date=${today}`, {
          token: a.staff.token,
        })
      ).status,
    ).toBe(403);
  });
});
