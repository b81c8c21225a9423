import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../test/harness.ts';
import { signIn } from '../../test/scenarios.ts';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.ts';

describeDb('demo county', () => {
  let t: TestApp;
  let logins: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    t = await createTestApp();
    logins = await seedDemo(t.deps);
  });
  afterAll(() => t.close());

  it('loads one Zhejiang county with a hub, 12 villages and 8 open centres with partners', async () => {
    const county = await signIn(t, 'county', DEMO_PASSWORD);
    const counties = (await t.request('GET', '/api/v1/counties', { token: county })).body.items;
    expect(counties).toHaveLength(1);
    expect(counties[0]).toMatchObject({ province: '浙江省', name: '遂昌县' });
    const villages = (
      await t.request('GET', `/api/v1/counties/${counties[0].id}/villages`, { token: county })
    ).body.items;
    expect(villages).toHaveLength(12);
    for (const v of villages) {
      // Around the county seat: within about 0.4° of the hub.
      expect(Math.abs(v.lat - counties[0].hub.lat)).toBeLessThan(0.4);
      expect(Math.abs(v.lon - counties[0].hub.lon)).toBeLessThan(0.4);
    }
    const centers = (await t.request('GET', '/api/v1/centers', { token: county })).body.items;
    expect(centers).toHaveLength(12);
    const open = centers.filter((c: { status: string }) => c.status === 'open');
    expect(open).toHaveLength(8);
    expect(open.every((c: { partnerUserId: string | null }) => c.partnerUserId)).toBe(true);
  });

  it('prints logins that work, one per role that runs the network', async () => {
    expect(new Set(logins.map((l) => l.role))).toEqual(
      new Set(['hq_admin', 'county_staff', 'gov_viewer', 'merchant', 'partner']),
    );
    for (const l of logins) {
      const token = await signIn(t, l.login, DEMO_PASSWORD);
      const me = await t.request('GET', '/api/v1/me', { token });
      expect(me.body.role).toBe(l.role);
    }
    const partner = await signIn(t, 'partner1', DEMO_PASSWORD);
    const own = (await t.request('GET', '/api/v1/centers', { token: partner })).body.items;
    expect(own).toHaveLength(1);
    expect(own[0].status).toBe('open');
  });

  it('stocks a catalogue and gives every open centre float, so a partner can order at once', async () => {
    const partner = await signIn(t, 'partner1', DEMO_PASSWORD);
    const centerId = (await t.request('GET', '/api/v1/me', { token: partner })).body.centerId;
    expect(
      (await t.request('GET', `/api/v1/centers/${centerId}/float`, { token: partner })).body.balanceFen,
    ).toBe(500_000);
    const found = await t.request('GET', '/api/v1/products?q=fhf', { token: partner });
    expect(found.body.items[0].title).toContain('复合肥');
    const villager = await t.request('POST', '/api/v1/villagers', {
      token: partner,
      body: { name: '周大伯', phone: '13957800001' },
    });
    const order = await t.request('POST', '/api/v1/orders', {
      token: partner,
      body: {
        villagerId: villager.body.id,
        lines: [{ productId: found.body.items[0].id, quantity: 1 }],
        payment: 'float',
      },
    });
    expect(order.status).toBe(201);
  });

  it('puts two village products on the storefront and one in the county’s review queue', async () => {
    const store = await t.request('GET', '/api/v1/store/products');
    expect(store.body.total).toBe(2);
    expect(store.body.items.map((p: { title: string }) => p.title).sort()).toEqual(
      ['大柘高山土蜂蜜', '遂昌番薯干'].sort(),
    );
    const county = await signIn(t, 'county', DEMO_PASSWORD);
    const queue = await t.request('GET', '/api/v1/listings?status=pending_review', { token: county });
    expect(queue.body.items).toHaveLength(1);
  });

  it('has applicants in the pipeline and certified partners', async () => {
    const county = await signIn(t, 'county', DEMO_PASSWORD);
    const countyId = (await t.request('GET', '/api/v1/me', { token: county })).body.countyId;
    const pipeline = await t.request('GET', `/api/v1/recruitment/pipeline?countyId=${countyId}`, {
      token: county,
    });
    expect(pipeline.body.stages.submitted).toBe(2);
    const board = await t.request('GET', `/api/v1/training/partners?countyId=${countyId}`, { token: county });
    expect(board.body.items).toHaveLength(8);
    expect(board.body.items.every((p: { certified: boolean }) => p.certified)).toBe(true);
    const agreements = await t.request('GET', `/api/v1/counties/${countyId}/agreements`, { token: county });
    expect(agreements.body.items).toHaveLength(1);
  });
});
