import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  anotherCentre,
  hubScan,
  type LogisticsCounty,
  logisticsCounty,
  makeVan,
  placedOrder,
  plan,
} from '../../../test/logistics-scenarios.ts';
import {
  depositFloat,
  expectBalancedBooks,
  hqAdmin,
  makeUser,
  PASSWORD,
  post,
  registerVillager,
  signIn,
} from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';
import { dayOf, periodRanges } from '../../shared/month.ts';
import { sandboxServiceProviders } from '../services/index.ts';

const shipTo = { name: '周女士', phone: '13600001111', address: '南京市鼓楼区中山路 100 号' };

describeDb('performance: centre figures and the county leaderboard', () => {
  // Last month's activity is recorded on the 10th of that month, this month's now.
  const now = new Date();
  const thisMonth = periodRanges('month', dayOf(now));
  const lastMonth = new Date(Date.parse(thisMonth.previous.from) + 9 * 86_400_000 + 12 * 3_600_000);
  const clock = fixedClock(lastMonth);
  let t: TestApp;
  let hq: string;
  let c: LogisticsCounty;
  let other: LogisticsCounty;
  let quiet: Awaited<ReturnType<typeof anotherCentre>>;
  let totals: { gmvFen: number; upstreamFen: number; villagers: number };

  const get = (token: string, url: string) => t.request('GET', url, { token });
  const performance = (token: string, centerId = c.centre.center.id, query = '') =>
    get(token, `/api/v1/centers/${centerId}/performance${query}`);

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      providers: { services: sandboxServiceProviders({ seed: 7, latencyMs: [0, 0] }) },
    });
    // The clock jumps a month ahead below; sessions must outlive the jump.
    t.deps.sessionTtlHours = 24 * 90;
    hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    other = await logisticsCounty(t, hq);
    await makeVan(t, c);
    quiet = await anotherCentre(t, c, { lat: c.village.lat + 0.01, lon: c.village.lon + 0.01 });
    await depositFloat(t, c.staff.token, quiet.center.id, 1_000_000);
    // Last month: one order at the busy centre, two at the quiet one.
    await placedOrder(t, c, 1);
    await placedOrder(t, c, 1, quiet);
    await placedOrder(t, c, 1, quiet);

    clock.advance(now.getTime() - lastMonth.getTime());
    const kept = [await placedOrder(t, c, 2), await placedOrder(t, c, 3)];
    const cancelled = await placedOrder(t, c, 1);
    await post(t, c.centre.partner.token, `/api/v1/orders/${cancelled.order.id}/cancel`, {}, 200);
    const returned = await post(t, c.centre.partner.token, `/api/v1/orders/${kept[1]!.order.id}/returns`, {
      lines: [{ productId: c.product.id, quantity: 1 }],
      reason: '包装破损',
    });

    // The villager of the first kept order also tops up a phone: active once, not twice.
    const topup = await post(t, c.centre.partner.token, '/api/v1/services/requests', {
      villagerId: kept[0]!.villager.id,
      kind: 'mobile_topup',
      amountFen: 5_000,
    });
    await t.drain();
    const service = await get(c.centre.partner.token, `/api/v1/services/requests/${topup.id}`);
    expect(service.body.status).toBe('succeeded');

    totals = {
      gmvFen: kept[0]!.order.totalFen + kept[1]!.order.totalFen - returned.refundFen,
      upstreamFen: await deliveredStorefrontSale(),
      villagers: 2,
    };
    await expectBalancedBooks(t);
  });
  afterAll(() => t.close());

  /** A villager of the busy centre sells bamboo shoots to a city buyer; the parcel is delivered. */
  async function deliveredStorefrontSale(): Promise<number> {
    const villager = await registerVillager(t, c.centre.partner.token);
    const seller = await post(t, c.centre.partner.token, '/api/v1/sellers', { villagerId: villager.id });
    const product = await post(t, c.centre.partner.token, `/api/v1/sellers/${seller.id}/products`, {
      title: '笋干',
      description: '高山毛竹笋，日晒',
      priceFen: 4_500,
      stock: 30,
      unit: '袋',
      weightGrams: 500,
      origin: '遂昌县湖山乡',
    });
    await post(t, c.staff.token, `/api/v1/products/${product.id}/approve`, undefined, 200);
    const login = `b-${Math.random().toString(36).slice(2, 10)}`;
    await post(t, '', '/api/v1/store/accounts', { login, password: PASSWORD, displayName: '买家' });
    const buyer = await signIn(t, login);
    const order = await post(t, buyer, '/api/v1/store/orders', {
      lines: [{ productId: product.id, quantity: 2 }],
      shipTo,
    });
    const parcel = await post(t, c.centre.partner.token, `/api/v1/orders/${order.id}/collect`);
    const { runs } = await plan(t, c, now.toISOString().slice(0, 10));
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
    await post(
      t,
      c.staff.token,
      `/api/v1/parcels/${parcel.parcelId}/handoff`,
      { carrier: '顺丰速运', carrierTrackingNumber: 'SF1234567890' },
      200,
    );
    await post(t, c.staff.token, `/api/v1/parcels/${parcel.parcelId}/delivered`, undefined, 200);
    expect((await get(buyer, `/api/v1/store/orders/${order.id}`)).body.status).toBe('delivered');
    return order.totalFen;
  }

  it('counts a centre’s month: orders, GMV net of returns, villagers, upstream sales, services', async () => {
    const res = await performance(c.centre.partner.token, c.centre.center.id, '?period=month');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      centerId: c.centre.center.id,
      period: thisMonth.current,
      orders: 2,
      gmvFen: totals.gmvFen,
      activeVillagers: totals.villagers,
      upstreamSalesFen: totals.upstreamFen,
      serviceRequests: 1,
      atRisk: false,
    });
    expect(res.body.previous).toMatchObject({ period: thisMonth.previous, orders: 1, serviceRequests: 0 });
    expect((await performance(c.centre.partner.token)).body).toEqual(res.body);
  });

  it('reports as earnings exactly the partner statement’s net, this month and last', async () => {
    const months = [dayOf(now), dayOf(lastMonth)].map((d) => d.slice(0, 7));
    for (const centre of [c.centre, quiet]) {
      const [current, previous] = await Promise.all(
        months.map((m) => get(hq, `/api/v1/partners/${centre.partner.user.id}/statement?month=${m}`)),
      );
      const perf = await performance(hq, centre.center.id, `?period=month&at=${dayOf(now)}`);
      expect(perf.body.earningsFen).toBe(current!.body.netFen);
      expect(perf.body.previous.earningsFen).toBe(previous!.body.netFen);
    }
    const busy = await get(hq, `/api/v1/partners/${c.centre.partner.user.id}/statement?month=${months[0]}`);
    // Commissions, a claw-back and a service fee: the comparison is not of zeros.
    expect(busy.body.items.map((i: { type: string }) => i.type)).toEqual(
      expect.arrayContaining(['commission', 'clawback', 'service_fee']),
    );
  });

  it('flags a centre whose orders stopped, and ranks the county’s open centres by GMV', async () => {
    const flagged = await performance(c.staff.token, quiet.center.id);
    expect(flagged.body).toMatchObject({ orders: 0, atRisk: true, previous: { orders: 2 } });
    const board = await get(c.staff.token, `/api/v1/counties/${c.county.id}/leaderboard?period=month`);
    expect(board.status).toBe(200);
    expect(board.body.items.map((r: { centerId: string }) => r.centerId)).toEqual([
      c.centre.center.id,
      quiet.center.id,
    ]);
    expect(board.body.items.map((r: { atRisk: boolean }) => r.atRisk)).toEqual([false, true]);
    expect(board.body.items[0]).toEqual((await performance(c.staff.token)).body);
  });

  it('counts weeks from Monday in China Standard Time', async () => {
    const res = await performance(hq, c.centre.center.id, '?period=week&at=2026-11-26');
    expect(res.body.period).toEqual({ from: '2026-11-22T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' });
    expect(res.body.previous.period).toEqual({
      from: '2026-11-15T16:00:00.000Z',
      to: '2026-11-22T16:00:00.000Z',
    });
    const sunday = await performance(hq, c.centre.center.id, '?period=week&at=2026-11-29');
    expect(sunday.body.period).toEqual(res.body.period);
  });

  it('refuses a bad period or day', async () => {
    for (const query of ['?period=year', '?at=2026-02-30', '?at=26-11-01', '?at=today']) {
      expect((await performance(hq, c.centre.center.id, query)).status, query).toBe(400);
      const board = await get(hq, `/api/v1/counties/${c.county.id}/leaderboard${query}`);
      expect(board.status, query).toBe(400);
    }
  });

  it('keeps figures to the centre’s partner, its county and HQ', async () => {
    const gov = await makeUser(t, hq, 'gov_viewer', { countyId: c.county.id });
    const viewed = await performance(gov.token);
    expect(viewed.status).toBe(200);
    // Statements are private: the government sees the activity, not the partner's earnings.
    expect(viewed.body).toMatchObject({ orders: 2, earningsFen: null });
    expect((await get(gov.token, `/api/v1/counties/${c.county.id}/leaderboard`)).status).toBe(200);

    expect((await performance(quiet.partner.token)).status).toBe(404);
    expect((await performance(other.centre.partner.token)).status).toBe(404);
    expect((await performance(other.staff.token)).status).toBe(404);
    expect((await get(other.staff.token, `/api/v1/counties/${c.county.id}/leaderboard`)).status).toBe(404);
    expect((await get(hq, '/api/v1/counties/no-such-county/leaderboard')).status).toBe(404);
    expect((await get(c.centre.partner.token, `/api/v1/counties/${c.county.id}/leaderboard`)).status).toBe(
      403,
    );
    const buyer = await makeUser(t, hq, 'buyer');
    for (const token of [c.shop.token, buyer.token]) {
      expect((await performance(token)).status).toBe(403);
      expect((await get(token, `/api/v1/counties/${c.county.id}/leaderboard`)).status).toBe(403);
    }
  });
});
