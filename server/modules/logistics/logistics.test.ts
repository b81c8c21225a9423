import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  arrive,
  codeIn,
  hubScan,
  inTransit,
  type LogisticsCounty,
  logisticsCounty,
  makeVan,
  pickupMessages,
  placedOrder,
  plan,
  ship,
} from '../../../test/logistics-scenarios.ts';
import { expectBalancedBooks, hqAdmin, makeUser, post } from '../../../test/scenarios.ts';

describeDb('county logistics: from merchant to villager', () => {
  let t: TestApp;
  let hq: string;
  let c: LogisticsCounty;

  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    await makeVan(t, c);
  });
  afterAll(() => t.close());

  const orderStatus = async (id: string) =>
    (await t.request('GET', `/api/v1/orders/${id}`, { token: hq })).body.status as string;
  const events = async (trackingNumber: string, token = c.staff.token) =>
    t.request('GET', `/api/v1/parcels/${trackingNumber}/events`, { token });

  it('carries an order from shipment to pickup, every step on the timelines', async () => {
    const { villager, order } = await placedOrder(t, c, 2);
    const parcel = await ship(t, c, order.id);
    expect(parcel).toEqual({ parcelId: expect.any(String), trackingNumber: expect.stringMatching(/^CT/) });
    expect(await orderStatus(order.id)).toBe('shipped');

    const scan = await hubScan(t, c.staff.token, parcel.trackingNumber);
    expect(scan.status, JSON.stringify(scan.body)).toBe(200);
    expect(scan.body).toMatchObject({ parcelId: parcel.parcelId, centerId: c.centre.center.id, runId: null });
    expect(await orderStatus(order.id)).toBe('at_hub');

    const day = await plan(t, c);
    expect(day.unplanned).toEqual([]);
    expect(day.runs).toHaveLength(1);
    const run = day.runs[0];
    expect(run).toMatchObject({
      stops: [{ centerId: c.centre.center.id, sequence: 1, parcelIds: [parcel.parcelId] }],
      loadKg: 5,
    });
    expect(run.distanceKm).toBeGreaterThan(0);
    const dispatched = await post(t, c.staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
    expect(dispatched.status).toBe('dispatched');
    expect(await orderStatus(order.id)).toBe('in_transit');

    const arrived = await arrive(t, c.centre.partner.token, c.centre.center.id, parcel.trackingNumber);
    expect(arrived.status, JSON.stringify(arrived.body)).toBe(200);
    expect(arrived.body).toEqual({ parcelId: parcel.parcelId, status: 'ready_for_pickup' });
    expect(await orderStatus(order.id)).toBe('ready_for_pickup');
    const sms = await pickupMessages(t, hq, villager.phone);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toContain(c.centre.center.name);

    const picked = await post(
      t,
      c.centre.partner.token,
      `/api/v1/orders/${order.id}/pickup`,
      { pickupCode: codeIn(sms[0]!) },
      200,
    );
    expect(picked).toMatchObject({ id: order.id, status: 'completed' });
    expect(picked.events.map((e: { type: string }) => e.type)).toEqual([
      'placed',
      'shipped',
      'at_hub',
      'in_transit',
      'ready_for_pickup',
      'completed',
    ]);
    const timeline = await events(parcel.trackingNumber, c.shop.token);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'at_hub',
      'in_transit',
      'ready_for_pickup',
      'picked_up',
    ]);
    expect(timeline.body.items[1].place).toBe(`县级运营中心 ${c.county.name}`);
    expect(timeline.body.items[3].place).toBe(c.centre.center.name);
    const ats = timeline.body.items.map((e: { at: string }) => e.at);
    expect([...ats].sort()).toEqual(ats);
    const sheet = await t.request('GET', `/api/v1/runs/${run.id}`, { token: c.staff.token });
    expect(sheet.body.parcels.map((p: { id: string }) => p.id)).toEqual([parcel.parcelId]);
    await expectBalancedBooks(t);
  });

  it('answers repeated hub and arrival scans the same, without a second event or SMS', async () => {
    const { villager, order } = await placedOrder(t, c, 1);
    const parcel = await ship(t, c, order.id);
    const key = { 'idempotency-key': `hub-${parcel.parcelId}` };
    const first = await hubScan(t, c.staff.token, parcel.trackingNumber, key);
    const replay = await hubScan(t, c.staff.token, parcel.trackingNumber, key);
    const again = await hubScan(t, c.staff.token, parcel.trackingNumber);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(again.status).toBe(200);
    // The same answer, flagged as a repeat so the scan station can say "already scanned".
    expect(first.body.repeat).toBe(false);
    expect(again.body).toEqual({ ...first.body, repeat: true });
    const batch = await post(
      t,
      c.staff.token,
      '/api/v1/hub/scans/batch',
      { trackingNumbers: [parcel.trackingNumber, 'NOSUCH0001'], type: 'received' },
      200,
    );
    expect(batch.items).toEqual([
      {
        trackingNumber: parcel.trackingNumber,
        parcelId: parcel.parcelId,
        centerId: c.centre.center.id,
        runId: null,
        error: null,
      },
      {
        trackingNumber: 'NOSUCH0001',
        parcelId: null,
        centerId: null,
        runId: null,
        error: expect.objectContaining({ code: 'not_found' }),
      },
    ]);

    const { runs } = await plan(t, c);
    const run = runs.find((r: { stops: Array<{ parcelIds: string[] }> }) =>
      r.stops.some((s) => s.parcelIds.includes(parcel.parcelId)),
    );
    await post(t, c.staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
    const redispatch = await post(t, c.staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
    expect(redispatch.status).toBe('dispatched');
    const akey = { 'idempotency-key': `arr-${parcel.parcelId}` };
    const a1 = await arrive(t, c.centre.partner.token, c.centre.center.id, parcel.trackingNumber, akey);
    const a2 = await arrive(t, c.centre.partner.token, c.centre.center.id, parcel.trackingNumber, akey);
    const a3 = await arrive(t, c.centre.partner.token, c.centre.center.id, parcel.trackingNumber);
    expect([a1.status, a2.status, a3.status]).toEqual([200, 200, 200]);
    expect(a2.body).toEqual(a1.body);
    expect(a3.body).toEqual(a1.body);
    expect(await pickupMessages(t, hq, villager.phone)).toHaveLength(1);
    const timeline = (await events(parcel.trackingNumber)).body.items.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(['created', 'at_hub', 'in_transit', 'ready_for_pickup']);
  });

  it('refuses wrong pickup codes, locks after five, and a new code unlocks', async () => {
    const { villager, order } = await placedOrder(t, c, 1);
    const parcel = await inTransit(t, c, order.id);
    await arrive(t, c.centre.partner.token, c.centre.center.id, parcel.trackingNumber);
    const code = codeIn((await pickupMessages(t, hq, villager.phone))[0]!);
    const wrong = code === '000000' ? '000001' : '000000';
    const pickup = (pickupCode: string) =>
      t.request('POST', `/api/v1/orders/${order.id}/pickup`, {
        token: c.centre.partner.token,
        body: { pickupCode },
      });
    for (let i = 4; i >= 0; i--) {
      const res = await pickup(wrong);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'invalid_pickup_code', details: { attemptsLeft: i } });
    }
    const locked = await pickup(code);
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('invalid_state');

    const partnerResend = await t.request('POST', `/api/v1/parcels/${parcel.parcelId}/resend-code`, {
      token: c.centre.partner.token,
    });
    expect(partnerResend.status).toBe(403);
    const resent = await post(
      t,
      c.staff.token,
      `/api/v1/parcels/${parcel.parcelId}/resend-code`,
      undefined,
      200,
    );
    expect(resent.pickupLocked).toBe(false);
    const messages = await pickupMessages(t, hq, villager.phone);
    expect(messages).toHaveLength(2);
    const fresh = codeIn(messages[0]!);
    if (fresh !== code) expect((await pickup(code)).status).toBe(422);
    const done = await pickup(fresh);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    expect((await pickup(fresh)).status).toBe(409);
  });

  it('refuses to ship an order twice, or an order of another merchant', async () => {
    const { order } = await placedOrder(t, c, 1);
    await ship(t, c, order.id);
    const twice = await t.request('POST', `/api/v1/orders/${order.id}/shipments`, {
      token: c.shop.token,
      body: {},
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('invalid_state');
    const other = await post(t, hq, '/api/v1/merchants', { name: '别家商行', kind: 'retailer' });
    const stranger = await makeUser(t, hq, 'merchant', { merchantId: other.id });
    const { order: fresh } = await placedOrder(t, c, 1);
    const res = await t.request('POST', `/api/v1/orders/${fresh.id}/shipments`, {
      token: stranger.token,
      body: {},
    });
    expect(res.status).toBe(404);
    expect((await events((await ship(t, c, fresh.id)).trackingNumber, stranger.token)).status).toBe(404);
  });

  it('records hub exceptions and takes the parcel out of planning', async () => {
    const { order } = await placedOrder(t, c, 1);
    const parcel = await ship(t, c, order.id);
    await hubScan(t, c.staff.token, parcel.trackingNumber);
    const exception = {
      trackingNumber: parcel.trackingNumber,
      type: 'exception',
      reason: 'damaged',
      note: '外箱破损',
    };
    const res = await post(t, c.staff.token, '/api/v1/hub/scans', exception, 200);
    expect(res).toMatchObject({ parcelId: parcel.parcelId, status: 'exception', runId: null });
    await post(t, c.staff.token, '/api/v1/hub/scans', exception, 200);
    const { runs, unplanned } = await plan(t, c);
    const planned = runs.flatMap((r: { stops: Array<{ parcelIds: string[] }> }) =>
      r.stops.flatMap((s) => s.parcelIds),
    );
    expect([...planned, ...unplanned]).not.toContain(parcel.parcelId);
    const types = (await events(parcel.trackingNumber)).body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(['created', 'at_hub', 'exception']);
    const bad = await t.request('POST', '/api/v1/hub/scans', {
      token: c.staff.token,
      body: { ...exception, reason: 'lost' },
    });
    expect(bad.status).toBe(400);
  });

  it('refunds the villager at once when the hub finds an order’s parcel damaged or refused', async () => {
    const floatOf = async () =>
      (await t.request('GET', `/api/v1/centers/${c.centre.center.id}/float`, { token: hq })).body
        .balanceFen as number;
    const stockOf = async () =>
      (await t.request('GET', `/api/v1/products/${c.product.id}`, { token: hq })).body.stock as number;
    for (const [reason, restocked] of [
      ['damaged', false],
      ['refused', true],
    ] as const) {
      const { villager, order } = await placedOrder(t, c, 2);
      const parcel = await ship(t, c, order.id);
      await hubScan(t, c.staff.token, parcel.trackingNumber);
      const [float, stock] = [await floatOf(), await stockOf()];
      const exception = { trackingNumber: parcel.trackingNumber, type: 'exception', reason };
      await post(t, c.staff.token, '/api/v1/hub/scans', exception, 200);
      await post(t, c.staff.token, '/api/v1/hub/scans', exception, 200);
      expect(await orderStatus(order.id)).toBe('returned');
      expect(await floatOf()).toBe(float + order.totalFen);
      expect(await stockOf()).toBe(restocked ? stock + 2 : stock);
      await t.drain();
      const sms = await t.request('GET', `/api/v1/notifications?phone=${villager.phone}`, {
        token: c.staff.token,
      });
      expect(sms.body.items.filter((m: { kind: string }) => m.kind === 'refund')).toHaveLength(1);
      // Found again later, the parcel is back at the hub; the settled order stays returned.
      expect((await hubScan(t, c.staff.token, parcel.trackingNumber)).status).toBe(200);
      expect(await orderStatus(order.id)).toBe('returned');
    }
    await expectBalancedBooks(t);
  });
});
