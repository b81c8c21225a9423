import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  anotherCentre,
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
  today,
} from '../../../test/logistics-scenarios.ts';
import { expectBalancedBooks, hqAdmin, post } from '../../../test/scenarios.ts';
import { createReturnParcel } from './index.ts';

type Stop = { centerId: string; parcelIds: string[]; collectParcelIds: string[] };
type Run = { id: string; stops: Stop[]; loadKg: number };

describeDb('two-way runs: returns go back from the centre through the hub to a carrier', () => {
  let t: TestApp;
  let hq: string;
  let c: LogisticsCounty;
  let other: LogisticsCounty;
  let returnParcel: { id: string; returnId: string; trackingNumber: string };
  let orderId: string;

  const outbound = async (token: string, centerId: string) => {
    const res = await t.request('GET', `/api/v1/parcels?direction=outbound&centerId=${centerId}`, { token });
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const collect = (token: string, centerId: string, trackingNumber: string) =>
    t.request('POST', `/api/v1/centers/${centerId}/scans`, {
      token,
      body: { trackingNumber, type: 'collected' },
    });
  const events = async (trackingNumber: string) =>
    (
      await t.request('GET', `/api/v1/parcels/${trackingNumber}/events`, { token: c.staff.token })
    ).body.items.map((e: { type: string }) => e.type);
  const runWith = (runs: Run[], parcelId: string) =>
    runs.find((r) => r.stops.some((s) => s.collectParcelIds.includes(parcelId)));

  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    other = await logisticsCounty(t, hq);
    await makeVan(t, c, { capacityKg: 500 });

    // An order reaches the villager, who brings 2 of its 3 units back to the counter.
    const { villager, order } = await placedOrder(t, c, 3);
    orderId = order.id;
    const parcel = await inTransit(t, c, order.id);
    expect((await arrive(t, c.centre.partner.token, c.centre.center.id, parcel.trackingNumber)).status).toBe(
      200,
    );
    const code = codeIn((await pickupMessages(t, hq, villager.phone))[0]!);
    await post(t, c.centre.partner.token, `/api/v1/orders/${order.id}/pickup`, { pickupCode: code }, 200);
    await post(t, c.centre.partner.token, `/api/v1/orders/${order.id}/returns`, {
      lines: [{ productId: c.product.id, quantity: 2 }],
      reason: '尺码不合适',
    });
    await t.drain();
    [returnParcel] = await outbound(c.centre.partner.token, c.centre.center.id);
  });
  afterAll(() => t.close());

  it('turns a counter return into one parcel waiting at the centre, weighed from the catalog', async () => {
    expect(returnParcel).toMatchObject({
      direction: 'outbound',
      status: 'awaiting_collection',
      orderId,
      weightGrams: 2 * 2_500,
      runId: null,
    });
    // The outbox may deliver the request again: still one parcel.
    await createReturnParcel(t.deps, { returnId: returnParcel.returnId });
    expect(await outbound(c.staff.token, c.centre.center.id)).toHaveLength(1);
    expect(await events(returnParcel.trackingNumber)).toEqual(['awaiting_collection']);
  });

  it('sends nothing back for a return taken before the goods reached the centre', async () => {
    const { order } = await placedOrder(t, c, 1);
    await post(t, c.centre.partner.token, `/api/v1/orders/${order.id}/returns`, {
      lines: [{ productId: c.product.id, quantity: 1 }],
      reason: '不要了',
    });
    await t.drain();
    expect(await outbound(c.staff.token, c.centre.center.id)).toHaveLength(1);
  });

  it('plans a van to collect it, and the partner hands it to the driver once', async () => {
    const { runs, uncollected } = (await plan(t, c)) as { runs: Run[]; uncollected: string[] };
    expect(uncollected).toEqual([]);
    const run = runWith(runs, returnParcel.id)!;
    expect(run).toBeDefined();
    expect(run.stops.find((s) => s.collectParcelIds.includes(returnParcel.id))!.centerId).toBe(
      c.centre.center.id,
    );
    await post(t, c.staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
    const [waiting] = await outbound(c.staff.token, c.centre.center.id);
    expect(waiting).toMatchObject({ status: 'awaiting_collection', runId: run.id });

    const first = await collect(c.centre.partner.token, c.centre.center.id, returnParcel.trackingNumber);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ parcelId: returnParcel.id, status: 'in_transit' });
    const again = await collect(c.centre.partner.token, c.centre.center.id, returnParcel.trackingNumber);
    expect(again.body).toEqual(first.body);
    expect(await events(returnParcel.trackingNumber)).toEqual(['awaiting_collection', 'in_transit']);
  });

  it('refuses collection by the wrong partner and arrival scans of an outbound parcel', async () => {
    const nearby = await anotherCentre(t, c, { lat: 28.62, lon: 119.3 });
    const wrongCentre = await collect(nearby.partner.token, nearby.center.id, returnParcel.trackingNumber);
    expect(wrongCentre.status).toBe(409);
    expect(wrongCentre.body.error.details).toEqual({ reason: 'misrouted' });
    const otherCounty = await collect(
      other.centre.partner.token,
      other.centre.center.id,
      returnParcel.trackingNumber,
    );
    expect(otherCounty.status).toBe(404);
    const arrival = await arrive(t, c.centre.partner.token, c.centre.center.id, returnParcel.trackingNumber);
    expect(arrival.status).toBe(409);
    expect(arrival.body.error.code).toBe('invalid_state');
  });

  it('receives it at the hub as outbound, leaving the order as it was', async () => {
    const scan = await hubScan(t, c.staff.token, returnParcel.trackingNumber);
    expect(scan.status).toBe(200);
    expect(scan.body).toMatchObject({ parcelId: returnParcel.id, status: 'at_hub', direction: 'outbound' });
    expect(scan.body.runId).not.toBeNull();
    const order = await t.request('GET', `/api/v1/orders/${orderId}`, { token: c.centre.partner.token });
    expect(order.body.status).toBe('completed');
    // Outbound parcels at the hub are not delivery work for tomorrow's vans.
    const { runs } = (await plan(t, c)) as { runs: Run[] };
    expect(
      runs.flatMap((r) => r.stops.flatMap((s) => [...s.parcelIds, ...s.collectParcelIds])),
    ).not.toContain(returnParcel.id);
  });

  it('hands it to a carrier and records the delivery, each once', async () => {
    const url = `/api/v1/parcels/${returnParcel.id}/handoff`;
    const bad = await t.request('POST', url, { token: c.staff.token, body: { carrier: '中通快递' } });
    expect(bad.status).toBe(400);
    expect((await t.request('POST', url, { token: other.staff.token, body: handoff })).status).toBe(404);
    expect((await t.request('POST', url, { token: c.centre.partner.token, body: handoff })).status).toBe(403);
    expect(
      (await t.request('POST', `/api/v1/parcels/${returnParcel.id}/delivered`, { token: c.staff.token }))
        .status,
    ).toBe(409);

    const handed = await post(t, c.staff.token, url, handoff, 200);
    expect(handed).toMatchObject({
      status: 'handed_off',
      handoffCarrier: '中通快递',
      carrierTrackingNumber: 'ZTO778899',
    });
    expect((await post(t, c.staff.token, url, handoff, 200)).status).toBe('handed_off');
    const delivered = await post(
      t,
      c.staff.token,
      `/api/v1/parcels/${returnParcel.id}/delivered`,
      undefined,
      200,
    );
    expect(delivered.status).toBe('delivered');
    expect(await events(returnParcel.trackingNumber)).toEqual([
      'awaiting_collection',
      'in_transit',
      'at_hub',
      'handed_off',
      'delivered',
    ]);
    await expectBalancedBooks(t);
  });

  it('refuses to hand off an inbound parcel', async () => {
    const { order } = await placedOrder(t, c, 1);
    const parcel = await post(t, c.shop.token, `/api/v1/orders/${order.id}/shipments`);
    await hubScan(t, c.staff.token, parcel.trackingNumber);
    const res = await t.request('POST', `/api/v1/parcels/${parcel.parcelId}/handoff`, {
      token: c.staff.token,
      body: handoff,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('invalid_state');
  });

  it('puts a parcel a van left behind yesterday on today’s run', async () => {
    const { villager, order } = await placedOrder(t, c, 1);
    const parcel = await inTransit(t, c, order.id);
    await arrive(t, c.centre.partner.token, c.centre.center.id, parcel.trackingNumber);
    const code = codeIn((await pickupMessages(t, hq, villager.phone))[0]!);
    await post(t, c.centre.partner.token, `/api/v1/orders/${order.id}/pickup`, { pickupCode: code }, 200);
    await post(t, c.centre.partner.token, `/api/v1/orders/${order.id}/returns`, {
      lines: [{ productId: c.product.id, quantity: 1 }],
      reason: '质量问题',
    });
    await t.drain();
    const left = (await outbound(c.staff.token, c.centre.center.id)).find(
      (p: { status: string }) => p.status === 'awaiting_collection',
    );
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const earlier = (await plan(t, c, yesterday)) as { runs: Run[] };
    const missed = runWith(earlier.runs, left.id)!;
    await post(t, c.staff.token, `/api/v1/runs/${missed.id}/dispatch`, undefined, 200);
    const { runs } = (await plan(t, c, today())) as { runs: Run[] };
    expect(runWith(runs, left.id)).toBeDefined();
  });
});

const handoff = { carrier: '中通快递', carrierTrackingNumber: 'ZTO778899' };
