import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { type LogisticsCounty, logisticsCounty } from '../../../test/logistics-scenarios.ts';
import {
  expectBalancedBooks,
  hqAdmin,
  PASSWORD,
  post,
  registerVillager,
  signIn,
} from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';

const shipTo = { name: '赵先生', phone: '13811112222', address: '杭州市西湖区文三路 9 号' };

describeDb('harvest batches: pre-orders collected at once', () => {
  const clock = fixedClock(new Date('2026-03-19T18:00:00Z'));
  let t: TestApp;
  let c: LogisticsCounty;
  let other: LogisticsCounty;
  let tea: { id: string; origin: { preorder: unknown } };
  let buyer: string;
  const orders: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    other = await logisticsCounty(t, hq);
    const villager = await registerVillager(t, c.centre.partner.token);
    const seller = await post(t, c.centre.partner.token, '/api/v1/sellers', { villagerId: villager.id });
    const listing = {
      title: '明前龙井（预售）',
      description: '清明前采摘，四月初发货',
      priceFen: 30_000,
      stock: 50,
      unit: '罐',
      weightGrams: 300,
      origin: { grade: '特级' },
    };
    const past = await t.request('POST', `/api/v1/sellers/${seller.id}/products`, {
      token: c.centre.partner.token,
      body: { ...listing, batch: { closesAt: '2026-03-19T00:00:00Z', shipsFrom: '2026-04-01' } },
    });
    expect(past.status).toBe(400);
    const backwards = await t.request('POST', `/api/v1/sellers/${seller.id}/products`, {
      token: c.centre.partner.token,
      body: { ...listing, batch: { closesAt: '2026-03-20T00:00:00Z', shipsFrom: '2026-03-10' } },
    });
    expect(backwards.status).toBe(400);
    tea = await post(t, c.centre.partner.token, `/api/v1/sellers/${seller.id}/products`, {
      ...listing,
      batch: { closesAt: '2026-03-20T00:00:00Z', shipsFrom: '2026-04-01' },
    });
    await post(t, c.staff.token, `/api/v1/products/${tea.id}/approve`, undefined, 200);
    const login = `buyer-${Date.now()}`;
    await post(t, '', '/api/v1/store/accounts', { login, password: PASSWORD, displayName: '茶客' });
    buyer = await signIn(t, login);
  });
  afterAll(() => t.close());

  it('takes orders until the batch closes, and none after', async () => {
    expect(tea.origin.preorder).toEqual({ closesAt: '2026-03-20T00:00:00.000Z', shipsFrom: '2026-04-01' });
    for (const quantity of [1, 2]) {
      orders.push(
        (await post(t, buyer, '/api/v1/store/orders', { lines: [{ productId: tea.id, quantity }], shipTo }))
          .id,
      );
    }
    const early = await t.request('POST', `/api/v1/products/${tea.id}/batch/collect`, {
      token: c.centre.partner.token,
    });
    expect(early.status).toBe(409);
    // Sessions last 12 hours: the orders close while everyone is still signed in.
    clock.advance(7 * 3_600_000);
    const late = await t.request('POST', '/api/v1/store/orders', {
      token: buyer,
      body: { lines: [{ productId: tea.id, quantity: 1 }], shipTo },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('invalid_state');
  });

  it('collects every pre-order in one go, for the partner of the seller’s centre only', async () => {
    const url = `/api/v1/products/${tea.id}/batch/collect`;
    expect((await t.request('POST', url, { token: other.centre.partner.token })).status).toBe(404);
    expect((await t.request('POST', url, { token: c.staff.token })).status).toBe(403);
    const { parcels } = await post(t, c.centre.partner.token, url);
    expect(parcels.map((p: { orderId: string }) => p.orderId).sort()).toEqual([...orders].sort());
    for (const id of orders) {
      const order = await t.request('GET', `/api/v1/store/orders/${id}`, { token: buyer });
      expect(order.body.status).toBe('collected');
    }
    const outbound = await t.request(
      'GET',
      `/api/v1/parcels?direction=outbound&centerId=${c.centre.center.id}`,
      {
        token: c.centre.partner.token,
      },
    );
    expect(outbound.body.items).toHaveLength(2);
    // Collected once: nothing more to collect.
    expect((await post(t, c.centre.partner.token, url)).parcels).toEqual([]);
    await expectBalancedBooks(t);
  });
});
