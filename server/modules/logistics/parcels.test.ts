import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  anotherCentre,
  arrive,
  codeIn,
  hubScan,
  type LogisticsCounty,
  logisticsCounty,
  makeVan,
  pickupMessages,
  placedOrder,
  plan,
  ship,
} from '../../../test/logistics-scenarios.ts';
import { hqAdmin, makeUser, post, signIn } from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';

describeDb('county logistics: carriers, scope and tracking', () => {
  let t: TestApp;
  let hq: string;
  let c: LogisticsCounty;
  let other: LogisticsCounty;
  const clock = fixedClock(new Date());

  beforeAll(async () => {
    t = await createTestApp({ clock });
    hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    other = await logisticsCounty(t, hq);
    await makeVan(t, c);
  });
  afterAll(() => t.close());

  const carrierParcel = (overrides: Record<string, unknown> = {}) => ({
    trackingNumber: `YT${Math.floor(Math.random() * 1e12)}`,
    carrier: '圆通速递',
    recipientPhone: '13912345678',
    centerId: c.centre.center.id,
    ...overrides,
  });

  it('carries an outside carrier’s parcel to pickup, and tracks it publicly with the phone’s last digits', async () => {
    const body = carrierParcel();
    const parcel = await post(t, c.staff.token, '/api/v1/parcels', body);
    expect(parcel).toMatchObject({
      trackingNumber: body.trackingNumber,
      status: 'created',
      countyId: c.county.id,
      orderId: null,
      weightGrams: 1000,
      recipientPhone: '139****5678',
    });
    const dup = await t.request('POST', '/api/v1/parcels', { token: c.staff.token, body });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');

    await hubScan(t, c.staff.token, body.trackingNumber);
    const { runs } = await plan(t, c);
    await post(t, c.staff.token, `/api/v1/runs/${runs[0].id}/dispatch`, undefined, 200);
    await arrive(t, c.centre.partner.token, c.centre.center.id, body.trackingNumber);
    const code = codeIn((await pickupMessages(t, hq, body.recipientPhone))[0]!);
    const listed = await t.request('GET', '/api/v1/parcels?status=ready_for_pickup', {
      token: c.centre.partner.token,
    });
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(parcel.id);

    const track = (digits: string) =>
      t.request('GET', `/api/v1/public/tracking/${body.trackingNumber}?phoneLast4=${digits}`);
    const ok = await track('5678');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      trackingNumber: body.trackingNumber,
      status: 'ready_for_pickup',
      events: [
        { type: 'created', at: expect.any(String), place: '圆通速递' },
        { type: 'at_hub', at: expect.any(String), place: `县级运营中心 ${c.county.name}` },
        { type: 'in_transit', at: expect.any(String), place: `县级运营中心 ${c.county.name}` },
        { type: 'ready_for_pickup', at: expect.any(String), place: c.centre.center.name },
      ],
    });
    const wrong = await track('0000');
    expect(wrong.status).toBe(404);
    expect(JSON.stringify(wrong.body)).not.toContain('ready_for_pickup');
    expect((await t.request('GET', '/api/v1/public/tracking/NOSUCH123?phoneLast4=5678')).status).toBe(404);

    const picked = await post(
      t,
      c.centre.partner.token,
      `/api/v1/parcels/${parcel.id}/pickup`,
      { pickupCode: code },
      200,
    );
    expect(picked.status).toBe('picked_up');
  });

  it('limits wrong public tracking guesses per tracking number', async () => {
    const body = carrierParcel({ recipientPhone: '13800001111' });
    await post(t, c.staff.token, '/api/v1/parcels', body);
    const track = (digits: string) =>
      t.request('GET', `/api/v1/public/tracking/${body.trackingNumber}?phoneLast4=${digits}`);
    for (let i = 0; i < 10; i++) expect((await track('9999')).status).toBe(404);
    const limited = await track('1111');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    clock.advance(15 * 60_000);
    expect((await track('1111')).status).toBe(200);
  });

  it('keeps other counties’ staff and partners out with 404, and other roles with 403', async () => {
    const { order } = await placedOrder(t, c, 1);
    const parcel = await ship(t, c, order.id);
    const foreignScan = await hubScan(t, other.staff.token, parcel.trackingNumber);
    expect(foreignScan.status).toBe(404);
    expect((await hubScan(t, c.staff.token, 'NOSUCH0042')).status).toBe(404);
    const events = (token: string) =>
      t.request('GET', `/api/v1/parcels/${parcel.trackingNumber}/events`, { token });
    expect((await events(other.staff.token)).status).toBe(404);
    expect((await events(other.centre.partner.token)).status).toBe(404);
    expect((await events(other.shop.token)).status).toBe(404);
    expect((await events(c.centre.partner.token)).status).toBe(200);
    const foreignArrive = await arrive(
      t,
      other.centre.partner.token,
      other.centre.center.id,
      parcel.trackingNumber,
    );
    expect(foreignArrive.status).toBe(404);
    const wrongCentre = await arrive(
      t,
      other.centre.partner.token,
      c.centre.center.id,
      parcel.trackingNumber,
    );
    expect(wrongCentre.status).toBe(404);
    const foreignVan = await t.request('POST', '/api/v1/vehicles', {
      token: other.staff.token,
      body: { countyId: c.county.id, name: '外县车', capacityKg: 500, shiftMinutes: 480 },
    });
    expect(foreignVan.status).toBe(404);
    const foreignPlan = await t.request('POST', '/api/v1/runs/plan', {
      token: other.staff.token,
      body: { countyId: c.county.id, date: '2026-01-01' },
    });
    expect(foreignPlan.status).toBe(404);
    const foreignParcel = await t.request('POST', '/api/v1/parcels', {
      token: other.staff.token,
      body: carrierParcel(),
    });
    expect(foreignParcel.status).toBe(400);
    expect(foreignParcel.body.error.details.fields[0].field).toBe('centerId');
    expect(
      (await t.request('GET', `/api/v1/vehicles?countyId=${c.county.id}`, { token: other.staff.token }))
        .status,
    ).toBe(404);
    const gov = await makeUser(t, hq, 'gov_viewer', { countyId: c.county.id });
    expect((await hubScan(t, gov.token, parcel.trackingNumber)).status).toBe(403);
    expect((await hubScan(t, c.centre.partner.token, parcel.trackingNumber)).status).toBe(403);
    const partnerShip = await t.request('POST', `/api/v1/orders/${order.id}/shipments`, {
      token: c.centre.partner.token,
      body: {},
    });
    expect(partnerShip.status).toBe(403);
  });

  it('answers a misrouted arrival scan with 409 conflict', async () => {
    const second = await anotherCentre(t, c, { lat: 28.62, lon: 119.31 });
    const body = carrierParcel({ centerId: second.center.id });
    await post(t, c.staff.token, '/api/v1/parcels', body);
    const res = await arrive(t, c.centre.partner.token, c.centre.center.id, body.trackingNumber);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', details: { reason: 'misrouted' } });
  });

  it('names the bad field in 400 answers', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['/api/v1/hub/scans', c.staff.token, { trackingNumber: 'AB', type: 'received' }, 'trackingNumber'],
      ['/api/v1/parcels', c.staff.token, carrierParcel({ recipientPhone: '12345' }), 'recipientPhone'],
      ['/api/v1/parcels', c.staff.token, carrierParcel({ weightGrams: 0 }), 'weightGrams'],
      [
        '/api/v1/vehicles',
        c.staff.token,
        { countyId: c.county.id, name: '车', capacityKg: -1, shiftMinutes: 60 },
        'capacityKg',
      ],
      ['/api/v1/runs/plan', c.staff.token, { countyId: c.county.id, date: '26-1-1' }, 'date'],
      [
        `/api/v1/centers/${c.centre.center.id}/scans`,
        c.centre.partner.token,
        { trackingNumber: 'CT0000001' },
        'type',
      ],
      [
        `/api/v1/parcels/${c.centre.center.id}/pickup`,
        c.centre.partner.token,
        { pickupCode: '12ab56' },
        'pickupCode',
      ],
    ];
    for (const [url, token, body, field] of cases) {
      const res = await t.request('POST', url, { token, body });
      expect(res.status, url).toBe(400);
      expect(JSON.stringify(res.body.error), url).toContain(field);
    }
    expect((await t.request('GET', '/api/v1/public/tracking/CT0000001')).status).toBe(400);
  });

  it('flags parcels not collected within three days', async () => {
    const body = carrierParcel({ recipientPhone: '13700002222' });
    const parcel = await post(t, c.staff.token, '/api/v1/parcels', body);
    await hubScan(t, c.staff.token, body.trackingNumber);
    const { runs } = await plan(t, c);
    await post(t, c.staff.token, `/api/v1/runs/${runs[0].id}/dispatch`, undefined, 200);
    await arrive(t, c.centre.partner.token, c.centre.center.id, body.trackingNumber);
    const overdue = async () =>
      (
        await t.request('GET', `/api/v1/centers/${c.centre.center.id}/parcels/overdue`, {
          token: c.centre.partner.token,
        })
      ).body.items.map((p: { id: string }) => p.id);
    expect(await overdue()).not.toContain(parcel.id);
    clock.advance(3 * 86_400_000 + 60_000);
    // Sessions expire meanwhile; sign in again as the partner would the next morning.
    c.centre.partner.token = await signIn(t, c.centre.partner.login);
    expect(await overdue()).toContain(parcel.id);
    const foreign = await t.request('GET', `/api/v1/centers/${c.centre.center.id}/parcels/overdue`, {
      token: await signIn(t, other.centre.partner.login),
    });
    expect(foreign.status).toBe(404);
  });
});
