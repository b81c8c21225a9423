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
  hqAdmin,
  makeCounty,
  makeUser,
  makeVillage,
  openCentreWithPartner,
  PASSWORD,
  post,
  registerVillager,
  signIn,
} from '../../../test/scenarios.ts';
import { expectTallyMatchesRecount } from '../../../test/tallies.ts';
import { fixedClock } from '../../shared/clock.ts';
import { dayOf, periodRanges } from '../../shared/month.ts';
import { rebuildCertifiedPartners } from '../training/index.ts';

const shipTo = { name: '周女士', phone: '13600001111', address: '南京市鼓楼区中山路 100 号' };
let phoneSeq = 0;
const phone = () => `1370001${String(++phoneSeq).padStart(4, '0')}`;

describeDb('rollout: national targets, dashboard and map', () => {
  // Last month a county in Zhejiang opened two centres; this month one of them was suspended
  // and a county in Jiangxi opened its first.
  const now = new Date();
  const thisMonth = dayOf(now).slice(0, 7);
  const ranges = periodRanges('month', dayOf(now));
  const lastMonthAt = new Date(Date.parse(ranges.previous.from) + 9 * 86_400_000 + 12 * 3_600_000);
  const lastMonth = dayOf(lastMonthAt).slice(0, 7);
  const clock = fixedClock(lastMonthAt);
  let t: TestApp;
  let hq: string;
  let zj: LogisticsCounty;
  let jx: LogisticsCounty;
  let suspended: Awaited<ReturnType<typeof anotherCentre>>;
  let approvedCentreId: string;

  const get = (token: string | undefined, url: string) => t.request('GET', url, { token });
  const put = (token: string | undefined, body: unknown) =>
    t.request('PUT', '/api/v1/rollout/targets', { token, body });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    t.deps.sessionTtlHours = 24 * 90;
    hq = await hqAdmin(t);
    zj = await logisticsCounty(t, hq);
    await makeVan(t, zj);
    suspended = await anotherCentre(t, zj, { lat: zj.village.lat + 0.02, lon: zj.village.lon + 0.01 });
    await depositFloat(t, zj.staff.token, suspended.center.id, 1_000_000);
    await placedOrder(t, zj, 1);
    await placedOrder(t, zj, 2, suspended);
    for (const name of ['周小芳', '吴建军']) await apply(zj, name);

    clock.advance(now.getTime() - lastMonthAt.getTime());
    await post(t, zj.staff.token, `/api/v1/centers/${suspended.center.id}/suspend`, undefined, 200);
    jx = await jiangxiCounty();
    const approved = await post(
      t,
      zj.staff.token,
      `/api/v1/recruitment/applications/${(await apply(zj, '李春花')).id}/approve`,
      {},
      200,
    );
    approvedCentreId = approved.center.id;
    await placedOrder(t, zj, 3);
    await placedOrder(t, jx, 4);
    const cancelled = await placedOrder(t, zj, 1);
    await post(t, zj.centre.partner.token, `/api/v1/orders/${cancelled.order.id}/cancel`, {}, 200);
    const kept = await placedOrder(t, zj, 2);
    await post(t, zj.centre.partner.token, `/api/v1/orders/${kept.order.id}/returns`, {
      lines: [{ productId: zj.product.id, quantity: 1 }],
      reason: '包装破损',
    });
    await deliveredStorefrontSale();
  });
  afterAll(() => t.close());

  async function apply(c: LogisticsCounty, name: string) {
    const village = await makeVillage(t, c.staff.token, c.county.id);
    return post(t, c.staff.token, '/api/v1/recruitment/applications', {
      countyId: c.county.id,
      villageId: village.id,
      name,
      phone: phone(),
      profile: 'store_owner',
      answers: { location: 'main_road', learnsFast: true },
    });
  }

  /** A county of another province, stocked from the Zhejiang county's merchant. */
  async function jiangxiCounty(): Promise<LogisticsCounty> {
    const county = await makeCounty(t, hq, {
      name: '婺源县',
      province: '江西省',
      hub: { lat: 29.25, lon: 117.86, address: '蚺城街道文公北路 1 号' },
    });
    const village = await makeVillage(t, hq, county.id, { lat: 29.3, lon: 117.9 });
    const staff = await makeUser(t, hq, 'county_staff', { countyId: county.id });
    const centre = await openCentreWithPartner(t, staff.token, county.id, village.id);
    await depositFloat(t, staff.token, centre.center.id, 10_000_000);
    return { county, village, staff, centre, shop: zj.shop, product: zj.product };
  }

  /** A villager of the Zhejiang centre sells bamboo shoots to a city buyer; the parcel is delivered. */
  async function deliveredStorefrontSale() {
    const partner = zj.centre.partner.token;
    const villager = await registerVillager(t, partner);
    const seller = await post(t, partner, '/api/v1/sellers', { villagerId: villager.id });
    const product = await post(t, partner, `/api/v1/sellers/${seller.id}/products`, {
      title: '笋干',
      description: '高山毛竹笋，日晒',
      priceFen: 4_500,
      stock: 30,
      unit: '袋',
      weightGrams: 500,
      origin: '遂昌县湖山乡',
    });
    await post(t, zj.staff.token, `/api/v1/products/${product.id}/approve`, undefined, 200);
    const login = `b-${Math.random().toString(36).slice(2, 10)}`;
    await post(t, '', '/api/v1/store/accounts', { login, password: PASSWORD, displayName: '买家' });
    const buyer = await signIn(t, login);
    const order = await post(t, buyer, '/api/v1/store/orders', {
      lines: [{ productId: product.id, quantity: 2 }],
      shipTo,
    });
    const parcel = await post(t, partner, `/api/v1/orders/${order.id}/collect`);
    const { runs } = await plan(t, zj, now.toISOString().slice(0, 10));
    const run = runs.find((r: { stops: Array<{ collectParcelIds: string[] }> }) =>
      r.stops.some((s) => s.collectParcelIds.includes(parcel.parcelId)),
    );
    await post(t, zj.staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
    await post(
      t,
      partner,
      `/api/v1/centers/${zj.centre.center.id}/scans`,
      { trackingNumber: parcel.trackingNumber, type: 'collected' },
      200,
    );
    await hubScan(t, zj.staff.token, parcel.trackingNumber);
    await post(
      t,
      zj.staff.token,
      `/api/v1/parcels/${parcel.parcelId}/handoff`,
      { carrier: '顺丰速运', carrierTrackingNumber: 'SF1234567890' },
      200,
    );
    await post(t, zj.staff.token, `/api/v1/parcels/${parcel.parcelId}/delivered`, undefined, 200);
    expect((await get(buyer, `/api/v1/store/orders/${order.id}`)).body.status).toBe('delivered');
  }

  /** The month's figures of every open centre, summed from the county leaderboards. */
  async function leaderboardSums(day: string) {
    let [gmvFen, upstreamSalesFen] = [0, 0];
    for (const c of [zj, jx]) {
      const board = await get(hq, `/api/v1/counties/${c.county.id}/leaderboard?period=month&at=${day}`);
      expect(board.status).toBe(200);
      for (const row of board.body.items) {
        gmvFen += row.gmvFen;
        upstreamSalesFen += row.upstreamSalesFen;
      }
    }
    return { gmvFen, upstreamSalesFen };
  }

  it('answers the 2014 targets until HQ sets its own, and keeps the newest', async () => {
    expect((await get(hq, '/api/v1/rollout/targets')).body).toEqual({
      counties: 1000,
      centers: 100000,
      targetDate: null,
      setAt: null,
      setBy: null,
    });
    const first = await put(hq, { counties: 900, centers: 60000 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ counties: 900, centers: 60000, targetDate: null });
    const res = await put(hq, { counties: 800, centers: 50000, targetDate: '2027-12-31' });
    expect(res.body).toMatchObject({ counties: 800, centers: 50000, targetDate: '2027-12-31' });
    expect(res.body.setAt).toBe(now.toISOString());
    expect((await get(hq, '/api/v1/rollout/targets')).body).toEqual(res.body);
  });

  it('refuses targets that are not positive whole numbers, writing nothing', async () => {
    const before = (await get(hq, '/api/v1/rollout/targets')).body;
    for (const body of [
      { counties: 0, centers: 100 },
      { counties: -5, centers: 100 },
      { counties: 10, centers: 1.5 },
      { counties: '10', centers: 100 },
      { counties: 10 },
      { counties: 10, centers: 100, targetDate: '2027-02-30' },
      { counties: 10, centers: 100, targetDate: 'next year' },
      { counties: 10, centers: 10_000_001 },
    ]) {
      const res = await put(hq, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await get(hq, '/api/v1/rollout/targets')).body).toEqual(before);
  });

  it('shows where the rollout stands, month by month, against the targets', async () => {
    const res = await get(hq, `/api/v1/rollout/dashboard?from=${lastMonth}&to=${thisMonth}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body;
    expect(body.targets).toMatchObject({ counties: 800, centers: 50000 });
    expect(body.totals).toEqual({
      counties: 2,
      provincesCovered: 2,
      centers: { planned: 1, open: 2, suspended: 1, closed: 0 },
      // No course is required for opening: every partner of a centre not closed.
      partnersCertified: 4,
    });
    expect(body.progress).toEqual({ countiesPercent: 0.25, centersPercent: 0 });
    expect(body.funnel).toEqual({ submitted: 3, approved: 1, certified: 4, open: 2 });
    expect(body.months.map((m: { month: string }) => m.month)).toEqual([lastMonth, thisMonth]);
    expect(body.months[0]).toMatchObject({ counties: 1, centersOpen: 2, upstreamSalesFen: 0 });
    expect(body.months[1]).toMatchObject({ counties: 2, centersOpen: 2 });
    expect(body.months[1].upstreamSalesFen).toBeGreaterThan(0);
    expect(body.months[1].gmvFen).toBeGreaterThan(0);
  });

  it('reports national GMV both ways as the sum of the county leaderboards', async () => {
    const res = await get(hq, `/api/v1/rollout/dashboard?from=${lastMonth}&to=${thisMonth}`);
    // The suspended centre is off this month's leaderboard but had no orders this month.
    expect(res.body.months[1]).toMatchObject(await leaderboardSums(dayOf(now)));
    // Last month both Zhejiang centres were open; the suspended one's figures come from its own page.
    const last = await leaderboardSums(dayOf(lastMonthAt));
    const off = await get(
      hq,
      `/api/v1/centers/${suspended.center.id}/performance?period=month&at=${dayOf(lastMonthAt)}`,
    );
    expect(off.body.gmvFen).toBeGreaterThan(0);
    expect(res.body.months[0]).toMatchObject({
      gmvFen: last.gmvFen + off.body.gmvFen,
      upstreamSalesFen: last.upstreamSalesFen + off.body.upstreamSalesFen,
    });
  });

  it('counts only partners holding every required certificate once a course is required', async () => {
    const course = await post(t, hq, '/api/v1/courses', {
      title: '服务站开业必修课',
      requiredForOpening: true,
    });
    const dashboard = async () => (await get(hq, '/api/v1/rollout/dashboard')).body;
    expect((await dashboard()).funnel.certified).toBe(0);
    const session = await post(t, zj.staff.token, '/api/v1/training/sessions', {
      countyId: zj.county.id,
      courseId: course.id,
      startsAt: now.toISOString(),
      trainer: '县运营中心 李老师',
    });
    await post(t, zj.staff.token, `/api/v1/training/sessions/${session.id}/attendance`, {
      userId: zj.centre.partner.user.id,
      passed: true,
    });
    const after = await dashboard();
    expect(after.funnel.certified).toBe(1);
    expect(after.totals.partnersCertified).toBe(1);
    // The default range is the twelve months up to this one.
    expect(after.months).toHaveLength(12);
    expect(after.months.at(-1).month).toBe(thisMonth);

    // A second required course: nobody holds it, so nobody is certified until they pass it;
    // a failed exam and an optional course change nothing.
    const second = await post(t, hq, '/api/v1/courses', {
      title: '农资安全必修课',
      requiredForOpening: true,
    });
    const optional = await post(t, hq, '/api/v1/courses', {
      title: '直播带货选修课',
      requiredForOpening: false,
    });
    expect((await dashboard()).funnel.certified).toBe(0);
    const attend = async (courseId: string, passed: boolean) => {
      const s = await post(t, zj.staff.token, '/api/v1/training/sessions', {
        countyId: zj.county.id,
        courseId,
        startsAt: now.toISOString(),
        trainer: '县运营中心 王老师',
      });
      await post(t, zj.staff.token, `/api/v1/training/sessions/${s.id}/attendance`, {
        userId: zj.centre.partner.user.id,
        passed,
      });
    };
    await attend(second.id, false);
    await attend(optional.id, true);
    expect((await dashboard()).funnel.certified).toBe(0);
    await attend(second.id, true);
    expect((await dashboard()).funnel.certified).toBe(1);
    await expectTallyMatchesRecount(t.deps.db, 'certified_partners', rebuildCertifiedPartners);
  });

  it('refuses a bad month range', async () => {
    for (const query of [
      '?from=2026-13',
      '?from=2026-1',
      `?from=${thisMonth}&to=${lastMonth}`,
      '?from=2020-01&to=2025-01',
      '?to=today',
    ]) {
      const res = await get(hq, `/api/v1/rollout/dashboard${query}`);
      expect(res.status, query).toBe(400);
    }
    expect((await get(hq, '/api/v1/rollout/dashboard?from=2021-02&to=2026-01')).status).toBe(200);
  });

  it('maps every county at its hub with its centres by status, and one county’s centres', async () => {
    const res = await get(hq, '/api/v1/rollout/map');
    expect(res.status).toBe(200);
    expect(res.body.centers).toBeUndefined();
    expect(res.body.counties).toHaveLength(2);
    const byId = new Map(res.body.counties.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(zj.county.id)).toEqual({
      id: zj.county.id,
      code: zj.county.code,
      name: zj.county.name,
      province: '浙江省',
      lat: zj.county.hub.lat,
      lon: zj.county.hub.lon,
      centers: { planned: 1, open: 1, suspended: 1, closed: 0 },
    });
    expect(byId.get(jx.county.id)).toMatchObject({
      province: '江西省',
      lat: 29.25,
      lon: 117.86,
      centers: { planned: 0, open: 1, suspended: 0, closed: 0 },
    });

    const one = await get(hq, `/api/v1/rollout/map?countyId=${zj.county.id}`);
    expect(one.body.counties).toEqual(res.body.counties);
    const centres = new Map(one.body.centers.map((c: { id: string }) => [c.id, c]));
    expect(centres.size).toBe(3);
    expect(centres.get(zj.centre.center.id)).toMatchObject({
      status: 'open',
      lat: zj.village.lat,
      lon: zj.village.lon,
      villageName: zj.village.name,
    });
    expect(centres.get(suspended.center.id)).toMatchObject({
      status: 'suspended',
      lat: zj.village.lat + 0.02,
    });
    expect(centres.get(approvedCentreId)).toMatchObject({ status: 'planned' });
    expect((await get(hq, '/api/v1/rollout/map?countyId=no-such-county')).status).toBe(404);
    expect((await get(hq, '/api/v1/rollout/map?countyId=bad%20id')).status).toBe(400);
  });

  it('is HQ’s alone: other roles get 403, strangers 401', async () => {
    const gov = await makeUser(t, hq, 'gov_viewer', { countyId: zj.county.id });
    const before = (await get(hq, '/api/v1/rollout/targets')).body;
    for (const token of [zj.staff.token, zj.centre.partner.token, gov.token, zj.shop.token]) {
      for (const url of ['/api/v1/rollout/targets', '/api/v1/rollout/dashboard', '/api/v1/rollout/map']) {
        expect((await get(token, url)).status, url).toBe(403);
      }
      expect((await put(token, { counties: 1, centers: 1 })).status).toBe(403);
    }
    for (const url of ['/api/v1/rollout/targets', '/api/v1/rollout/dashboard', '/api/v1/rollout/map']) {
      expect((await get(undefined, url)).status, url).toBe(401);
    }
    expect((await put(undefined, { counties: 1, centers: 1 })).status).toBe(401);
    expect((await get(hq, '/api/v1/rollout/targets')).body).toEqual(before);
  });
});
