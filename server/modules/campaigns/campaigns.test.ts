import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeProduct } from '../../../test/catalog-scenarios.ts';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  anotherCentre,
  type LogisticsCounty,
  logisticsCounty,
  placedOrder,
} from '../../../test/logistics-scenarios.ts';
import {
  countyWithStaff,
  depositFloat,
  hqAdmin,
  makeUser,
  openCentreWithPartner,
  PASSWORD,
  post,
  registerVillager,
  signIn,
} from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeDb('campaigns: bundled promotions for target centres, and their results', () => {
  const t0 = Date.parse('2026-03-02T01:00:00.000Z');
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  const clock = fixedClock(new Date(t0));
  let t: TestApp;
  let hq: string;
  let c: LogisticsCounty;
  let b: Awaited<ReturnType<typeof anotherCentre>>;
  let untargeted: Awaited<ReturnType<typeof anotherCentre>>;
  let other: Awaited<ReturnType<typeof countyWithStaff>> & {
    centre: Awaited<ReturnType<typeof openCentreWithPartner>>;
  };
  let seeds: { id: string };
  let promotion: { id: string };
  let otherPromotion: { id: string };
  let gov: string;
  let merchant: string;
  let buyer: string;
  let campaign: { id: string };

  const get = (token: string, url: string) => t.request('GET', url, { token });
  const advanceTo = (ms: number) => clock.advance(t0 + ms - clock.now().getTime());
  const newCampaign = (overrides: Record<string, unknown> = {}) => ({
    name: '春耕农资节',
    description: '化肥九折，到站即享',
    startsAt: at(2 * DAY),
    endsAt: at(4 * DAY),
    promotionIds: [promotion.id],
    centerIds: [c.centre.center.id, b.center.id],
    ...overrides,
  });
  const count = async () => (await get(hq, '/api/v1/campaigns')).body.items.length;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    // The clock moves days ahead below; sessions must outlive the jumps.
    t.deps.sessionTtlHours = 24 * 90;
    hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    b = await anotherCentre(t, c, { lat: c.village.lat + 0.01, lon: c.village.lon });
    untargeted = await anotherCentre(t, c, { lat: c.village.lat, lon: c.village.lon + 0.01 });
    for (const centre of [b, untargeted]) await depositFloat(t, c.staff.token, centre.center.id, 10_000_000);
    const o = await countyWithStaff(t, hq);
    other = { ...o, centre: await openCentreWithPartner(t, o.staff.token, o.county.id, o.village.id) };
    seeds = await makeProduct(t, c.shop.token, { title: '玉米种子 1kg', category: '种子', priceFen: 3_000 });
    promotion = await post(t, c.staff.token, '/api/v1/promotions', {
      name: '化肥九折',
      type: 'percent',
      value: 10,
      categories: ['化肥'],
      startsAt: at(2 * DAY),
      endsAt: at(4 * DAY),
    });
    otherPromotion = await post(t, other.staff.token, '/api/v1/promotions', {
      name: '外县促销',
      type: 'percent',
      value: 5,
      categories: ['化肥'],
      startsAt: at(0),
      endsAt: at(10 * DAY),
    });
    gov = (await makeUser(t, c.staff.token, 'gov_viewer', { countyId: c.county.id })).token;
    merchant = c.shop.token;
    const login = `b-${Math.random().toString(36).slice(2, 10)}`;
    await post(t, '', '/api/v1/store/accounts', { login, password: PASSWORD, displayName: '买家' });
    buyer = await signIn(t, login);
  });
  afterAll(() => t.close());

  it('refuses bad input and writes nothing', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await t.request('POST', '/api/v1/campaigns', { token: c.staff.token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    };
    await bad(newCampaign({ endsAt: at(DAY) }), 'endsAt');
    await bad(newCampaign({ startsAt: at(-3 * DAY), endsAt: at(-DAY) }), 'endsAt');
    await bad(newCampaign({ promotionIds: ['0190a0a0-0000-7000-8000-000000000000'] }), 'promotionIds');
    await bad(newCampaign({ promotionIds: [otherPromotion.id] }), 'promotionIds');
    await bad(newCampaign({ startsAt: at(5 * DAY), endsAt: at(6 * DAY) }), 'promotionIds');
    await bad(newCampaign({ promotionIds: [] }), 'promotionIds');
    await bad(newCampaign({ centerIds: [other.centre.center.id] }), 'centerIds');
    await bad(newCampaign({ name: '  ' }), 'name');
    expect(await count()).toBe(0);
  });

  it('lets county staff organise in their own county only; merchants, buyers and viewers may not', async () => {
    const as = (token: string, body: Record<string, unknown>) =>
      t.request('POST', '/api/v1/campaigns', { token, body });
    expect((await as(c.staff.token, newCampaign({ countyId: other.county.id }))).status).toBe(403);
    expect((await as(c.staff.token, newCampaign({ countyId: null }))).status).toBe(403);
    for (const token of [merchant, buyer, gov, c.centre.partner.token]) {
      expect((await as(token, newCampaign())).status).toBe(403);
    }
    for (const token of [merchant, buyer]) expect((await get(token, '/api/v1/campaigns')).status).toBe(403);
    expect(await count()).toBe(0);
  });

  it('creates a scheduled campaign that partners see only while it runs', async () => {
    const res = await t.request('POST', '/api/v1/campaigns', { token: c.staff.token, body: newCampaign() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    campaign = res.body;
    expect(res.body).toMatchObject({
      countyId: c.county.id,
      name: '春耕农资节',
      status: 'scheduled',
      startsAt: at(2 * DAY),
      promotions: [{ id: promotion.id, name: '化肥九折', type: 'percent', value: 10 }],
      cancelledAt: null,
    });
    expect(res.body.centerIds).toEqual([c.centre.center.id, b.center.id].sort());
    expect((await get(c.staff.token, `/api/v1/campaigns/${campaign.id}`)).body.status).toBe('scheduled');
    expect((await get(c.centre.partner.token, '/api/v1/campaigns')).body.items).toEqual([]);
  });

  it('measures orders, GMV, promoted orders and new villagers against the period before', async () => {
    // Before: one order at the first centre (no discount yet).
    advanceTo(HOUR);
    const before = await placedOrder(t, c, 1);
    expect(before.order.discountFen).toBe(0);

    // During: discounted fertiliser at both target centres, seeds without a promotion, a
    // cancelled order, a return, and an order at a centre the campaign does not target.
    advanceTo(2 * DAY + HOUR);
    const promoted = [await placedOrder(t, c, 2), await placedOrder(t, c, 2), await placedOrder(t, c, 1, b)];
    for (const p of promoted) expect(p.order.discountFen).toBeGreaterThan(0);
    const villager = await registerVillager(t, c.centre.partner.token);
    const plain = await post(t, c.centre.partner.token, '/api/v1/orders', {
      villagerId: villager.id,
      lines: [{ productId: seeds.id, quantity: 3 }],
      payment: 'float',
    });
    const cancelled = await placedOrder(t, c, 1);
    await post(t, c.centre.partner.token, `/api/v1/orders/${cancelled.order.id}/cancel`, {}, 200);
    const returned = await post(
      t,
      c.centre.partner.token,
      `/api/v1/orders/${promoted[1]!.order.id}/returns`,
      {
        lines: [{ productId: c.product.id, quantity: 1 }],
        reason: '包装破损',
      },
    );
    await placedOrder(t, c, 1, untargeted);

    // Running: partners of target centres see it; others do not.
    const list = (token: string) => get(token, '/api/v1/campaigns');
    expect((await list(c.centre.partner.token)).body.items.map((x: { id: string }) => x.id)).toEqual([
      campaign.id,
    ]);
    expect((await list(b.partner.token)).body.items[0].status).toBe('running');
    expect((await list(untargeted.partner.token)).body.items).toEqual([]);
    expect((await get(untargeted.partner.token, `/api/v1/campaigns/${campaign.id}`)).status).toBe(404);
    expect((await get(c.centre.partner.token, `/api/v1/campaigns/${campaign.id}`)).status).toBe(200);

    // While it runs, the window so far is compared with as long a window before it.
    advanceTo(3 * DAY);
    const running = await get(c.staff.token, `/api/v1/campaigns/${campaign.id}/results`);
    expect(running.status, JSON.stringify(running.body)).toBe(200);
    expect(running.body).toMatchObject({
      status: 'running',
      during: { from: at(2 * DAY), to: at(3 * DAY) },
      before: { from: at(DAY), to: at(2 * DAY) },
    });
    expect(running.body.totals.before.orders).toBe(0);
    expect(running.body.totals.ordersUpliftPct).toBeNull();

    advanceTo(5 * DAY);
    const res = await get(c.staff.token, `/api/v1/campaigns/${campaign.id}/results`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      campaignId: campaign.id,
      status: 'ended',
      during: { from: at(2 * DAY), to: at(4 * DAY) },
      before: { from: at(0), to: at(2 * DAY) },
    });
    const first = res.body.centers.find((x: { centerId: string }) => x.centerId === c.centre.center.id);
    const second = res.body.centers.find((x: { centerId: string }) => x.centerId === b.center.id);
    expect(res.body.centers).toHaveLength(2);
    const firstGmv = promoted[0]!.order.totalFen + promoted[1]!.order.totalFen + plain.totalFen;
    expect(first).toMatchObject({
      centerName: c.centre.center.name,
      orders: 3,
      gmvFen: firstGmv - returned.refundFen,
      promotedOrders: 2,
      promotedGmvFen: promoted[0]!.order.totalFen + promoted[1]!.order.totalFen - returned.refundFen,
      // Two promoted orders, the seeds buyer and the cancelled order's villager.
      newVillagers: 4,
      before: { orders: 1, gmvFen: before.order.totalFen, newVillagers: 1 },
      ordersUpliftPct: 200,
    });
    expect(first.gmvUpliftPct).toBe(
      Math.round(((firstGmv - returned.refundFen - before.order.totalFen) / before.order.totalFen) * 1000) /
        10,
    );
    expect(second).toMatchObject({
      orders: 1,
      gmvFen: promoted[2]!.order.totalFen,
      promotedOrders: 1,
      promotedGmvFen: promoted[2]!.order.totalFen,
      newVillagers: 1,
      before: { orders: 0, gmvFen: 0, newVillagers: 0 },
      ordersUpliftPct: null,
      gmvUpliftPct: null,
    });
    expect(res.body.totals).toMatchObject({
      orders: 4,
      gmvFen: first.gmvFen + second.gmvFen,
      promotedOrders: 3,
      promotedGmvFen: first.promotedGmvFen + second.promotedGmvFen,
      newVillagers: 5,
      before: { orders: 1, gmvFen: before.order.totalFen, newVillagers: 1 },
      ordersUpliftPct: 300,
    });
    // Ended: partners no longer see it in their list; government viewers read the results.
    expect((await get(c.centre.partner.token, '/api/v1/campaigns')).body.items).toEqual([]);
    expect((await get(gov, `/api/v1/campaigns/${campaign.id}/results`)).body.totals).toEqual(res.body.totals);
  });

  it('keeps campaigns inside their county', async () => {
    for (const token of [other.staff.token, other.centre.partner.token]) {
      expect((await get(token, `/api/v1/campaigns/${campaign.id}`)).status).toBe(404);
    }
    expect((await get(other.staff.token, `/api/v1/campaigns/${campaign.id}/results`)).status).toBe(404);
    expect((await get(other.staff.token, '/api/v1/campaigns')).body.items).toEqual([]);
    const cancel = await t.request('POST', `/api/v1/campaigns/${campaign.id}/cancel`, {
      token: other.staff.token,
    });
    expect(cancel.status).toBe(404);
    for (const token of [c.centre.partner.token, merchant, buyer]) {
      expect((await get(token, `/api/v1/campaigns/${campaign.id}/results`)).status).toBe(403);
    }
    for (const token of [merchant, buyer]) {
      expect((await get(token, `/api/v1/campaigns/${campaign.id}`)).status).toBe(403);
    }
  });

  it('cancels: results stop at the cancellation, twice changes nothing, an ended one refuses', async () => {
    const winter = await post(t, c.staff.token, '/api/v1/promotions', {
      name: '冬储九五折',
      type: 'percent',
      value: 5,
      categories: ['化肥'],
      startsAt: at(5 * DAY),
      endsAt: at(30 * DAY),
    });
    const running = await post(t, c.staff.token, '/api/v1/campaigns', {
      ...newCampaign(),
      name: '冬储',
      startsAt: at(5 * DAY - HOUR),
      endsAt: at(30 * DAY),
      promotionIds: [winter.id],
      centerIds: [],
    });
    expect(running.status).toBe('running');
    expect(running.centerIds).toEqual([]);
    expect((await t.request('POST', `/api/v1/campaigns/${running.id}/cancel`, { token: gov })).status).toBe(
      403,
    );
    const cancelled = await post(t, c.staff.token, `/api/v1/campaigns/${running.id}/cancel`, undefined, 200);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: at(5 * DAY) });
    advanceTo(6 * DAY);
    const again = await post(t, c.staff.token, `/api/v1/campaigns/${running.id}/cancel`, undefined, 200);
    expect(again.cancelledAt).toBe(at(5 * DAY));
    const results = await get(c.staff.token, `/api/v1/campaigns/${running.id}/results`);
    expect(results.body.during).toEqual({ from: at(5 * DAY - HOUR), to: at(5 * DAY) });
    // Every open centre of the county is a target.
    expect(results.body.centers).toHaveLength(3);
    expect((await get(c.centre.partner.token, '/api/v1/campaigns')).body.items).toEqual([]);

    // The bundled promotion is the catalogue's and keeps running until it is ended there.
    const promotions = await get(c.staff.token, `/api/v1/promotions?activeAt=${at(6 * DAY)}`);
    expect(promotions.body.items.map((p: { id: string }) => p.id)).toContain(winter.id);
    await post(t, c.staff.token, `/api/v1/promotions/${winter.id}/end`, undefined, 200);

    const ended = await t.request('POST', `/api/v1/campaigns/${campaign.id}/cancel`, {
      token: c.staff.token,
    });
    expect(ended.status).toBe(409);
    expect(ended.body.error.code).toBe('invalid_state');
  });

  it('runs HQ-wide campaigns across counties; each county reads its own centres', async () => {
    const national = await post(t, hq, '/api/v1/promotions', {
      name: '全国农资节',
      type: 'fixed',
      value: 500,
      categories: ['化肥'],
      startsAt: at(6 * DAY),
      endsAt: at(9 * DAY),
    });
    const hqWide = await post(t, hq, '/api/v1/campaigns', {
      name: '全国农资节',
      startsAt: at(6 * DAY),
      endsAt: at(9 * DAY),
      promotionIds: [national.id, otherPromotion.id],
    });
    expect(hqWide).toMatchObject({ countyId: null, status: 'running', centerIds: [] });
    const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((x) => x.id);
    expect(ids(await get(other.staff.token, '/api/v1/campaigns'))).toEqual([hqWide.id]);
    expect(ids(await get(other.centre.partner.token, '/api/v1/campaigns'))).toEqual([hqWide.id]);
    expect(ids(await get(c.centre.partner.token, '/api/v1/campaigns'))).toEqual([hqWide.id]);

    advanceTo(6 * DAY + HOUR);
    await placedOrder(t, c, 1);
    advanceTo(6 * DAY + 2 * HOUR);
    const mine = await get(c.staff.token, `/api/v1/campaigns/${hqWide.id}/results`);
    expect(mine.body.centers.map((x: { countyId: string }) => x.countyId)).toEqual(
      Array(3).fill(c.county.id),
    );
    expect(mine.body.totals).toMatchObject({ orders: 1, promotedOrders: 1 });
    const all = await get(hq, `/api/v1/campaigns/${hqWide.id}/results`);
    const centres = all.body.centers.map((x: { centerId: string }) => x.centerId);
    expect(centres).toEqual(expect.arrayContaining([c.centre.center.id, other.centre.center.id]));

    expect(
      (await t.request('POST', `/api/v1/campaigns/${hqWide.id}/cancel`, { token: c.staff.token })).status,
    ).toBe(403);
    // HQ may also run a campaign for one county, bundling only that county's promotions.
    const countyCampaign = await t.request('POST', '/api/v1/campaigns', {
      token: hq,
      body: {
        ...newCampaign(),
        startsAt: at(6 * DAY),
        endsAt: at(8 * DAY),
        countyId: other.county.id,
        promotionIds: [national.id],
        centerIds: [other.centre.center.id],
      },
    });
    expect(countyCampaign.status, JSON.stringify(countyCampaign.body)).toBe(201);
    expect(ids(await get(c.staff.token, '/api/v1/campaigns'))).not.toContain(countyCampaign.body.id);
  });
});
