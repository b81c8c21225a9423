import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  hubScan,
  type LogisticsCounty,
  logisticsCounty,
  makeVan,
  placedOrder,
  plan,
} from '../../../test/logistics-scenarios.ts';
import {
  expectBalancedBooks,
  hqAdmin,
  PASSWORD,
  post,
  registerVillager,
  signIn,
} from '../../../test/scenarios.ts';

const shipTo = { name: '周女士', phone: '13600001111', address: '南京市鼓楼区中山路 100 号' };
const TOKEN = 'carrier-secret-2026';

describeDb('storefront orders through GET /orders and the carrier’s delivery callback', () => {
  let t: TestApp;
  let c: LogisticsCounty;
  let buyer: string;
  let other: string;
  let productId: string;

  const newBuyer = async () => {
    const login = `b-${Math.random().toString(36).slice(2, 10)}`;
    await post(t, '', '/api/v1/store/accounts', { login, password: PASSWORD, displayName: '买家' });
    return signIn(t, login);
  };
  const callback = (body: unknown, token = TOKEN) =>
    t.request('POST', '/api/v1/carriers/callbacks/delivered', {
      body,
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    t = await createTestApp({ carrierCallbackToken: TOKEN });
    const hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    await makeVan(t, c);
    const villager = await registerVillager(t, c.centre.partner.token);
    const seller = await post(t, c.centre.partner.token, '/api/v1/sellers', { villagerId: villager.id });
    // The origin may also be a line of text.
    const product = await post(t, c.centre.partner.token, `/api/v1/sellers/${seller.id}/products`, {
      title: '笋干',
      description: '高山毛竹笋，日晒',
      priceFen: 4_500,
      stock: 30,
      unit: '袋',
      weightGrams: 500,
      origin: '遂昌县湖山乡',
    });
    expect(product.origin.note).toBe('遂昌县湖山乡');
    productId = product.id;
    await post(t, c.staff.token, `/api/v1/products/${productId}/approve`, undefined, 200);
    buyer = await newBuyer();
    other = await newBuyer();
  });
  afterAll(() => t.close());

  it('answers a storefront order at GET /orders/{id} to its buyer and its centre only', async () => {
    const order = await post(t, buyer, '/api/v1/store/orders', {
      lines: [{ productId, quantity: 1 }],
      shipTo,
    });
    const mine = await t.request('GET', `/api/v1/orders/${order.id}`, { token: buyer });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: order.id, channel: 'storefront', status: 'placed' });
    expect(
      (await t.request('GET', `/api/v1/orders/${order.id}`, { token: c.centre.partner.token })).status,
    ).toBe(200);
    expect((await t.request('GET', `/api/v1/orders/${order.id}`, { token: other })).status).toBe(404);
    const assisted = (await placedOrder(t, c, 1)).order;
    expect((await t.request('GET', `/api/v1/orders/${assisted.id}`, { token: buyer })).status).toBe(404);
    expect(
      (await t.request('GET', `/api/v1/orders/${assisted.id}`, { token: c.centre.partner.token })).status,
    ).toBe(200);
  });

  it('settles the sale when the carrier reports the delivery with its secret', async () => {
    const order = await post(t, buyer, '/api/v1/store/orders', {
      lines: [{ productId, quantity: 2 }],
      shipTo,
    });
    const parcel = await post(t, c.centre.partner.token, `/api/v1/orders/${order.id}/collect`);
    const { runs } = await plan(t, c);
    const run = runs.find((r: { stops: Array<{ collectParcelIds: string[] }> }) =>
      r.stops.some((s) => s.collectParcelIds.includes(parcel.parcelId)),
    );
    await post(t, c.staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
    await post(
      t,
      c.centre.partner.token,
      `/api/v1/centers/${c.centre.center.id}/scans`,
      { trackingNumber: parcel.trackingNumber, type: 'collected' },
      200,
    );
    await hubScan(t, c.staff.token, parcel.trackingNumber);
    const handoff = { carrier: '韵达快递', carrierTrackingNumber: 'YD3100000001' };
    await post(t, c.staff.token, `/api/v1/parcels/${parcel.parcelId}/handoff`, handoff, 200);

    expect((await callback(handoff, 'wrong-secret')).status).toBe(401);
    expect((await t.request('POST', '/api/v1/carriers/callbacks/delivered', { body: handoff })).status).toBe(
      401,
    );
    expect((await callback({ carrier: '韵达快递' })).status).toBe(400);
    expect((await callback({ ...handoff, carrierTrackingNumber: 'YD0' })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/orders/${order.id}`, { token: buyer })).body.status).toBe(
      'collected',
    );

    const delivered = await callback(handoff);
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('delivered');
    expect((await callback(handoff)).body.status).toBe('delivered');
    expect((await t.request('GET', `/api/v1/orders/${order.id}`, { token: buyer })).body.status).toBe(
      'delivered',
    );
    await expectBalancedBooks(t);
  });
});

describeDb('carrier callbacks without a configured secret', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('do not exist', async () => {
    const res = await t.request('POST', '/api/v1/carriers/callbacks/delivered', {
      body: { carrier: 'x', carrierTrackingNumber: 'y' },
      headers: { authorization: 'Bearer anything' },
    });
    expect(res.status).toBe(404);
  });
});
