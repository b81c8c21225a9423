import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePromotion } from '../../../test/catalog-scenarios.ts';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  arrive,
  hubScan,
  type LogisticsCounty,
  logisticsCounty,
  makeVan,
  plan,
} from '../../../test/logistics-scenarios.ts';
import { hqAdmin, makeUser, post, registerVillager } from '../../../test/scenarios.ts';

const honey = {
  title: '遂昌土蜂蜜',
  description: '高山百花蜜，农家自养',
  priceFen: 8_800,
  stock: 20,
  unit: '瓶',
  weightGrams: 1_000,
  origin: { grade: '一级' },
};

describeDb('village screen: a centre’s TV by screen token', () => {
  let t: TestApp;
  let hq: string;
  let c: LogisticsCounty;
  let other: LogisticsCounty;

  const tokenUrl = (centerId: string) => `/api/v1/centers/${centerId}/screen-token`;
  const feed = (token: string) => t.request('GET', `/api/v1/screens/${token}`);
  const createToken = (token: string, centerId = c.centre.center.id) =>
    t.request('POST', tokenUrl(centerId), { token, body: {} });

  /** An outside carrier's parcel for `phone`, carried to the centre and ready for pickup. */
  async function readyParcel(phone: string) {
    const trackingNumber = `YT${Math.floor(Math.random() * 1e12)}`;
    await post(t, c.staff.token, '/api/v1/parcels', {
      trackingNumber,
      carrier: '圆通速递',
      recipientPhone: phone,
      centerId: c.centre.center.id,
    });
    await hubScan(t, c.staff.token, trackingNumber);
    const { runs } = await plan(t, c);
    for (const run of runs) await post(t, c.staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
    expect((await arrive(t, c.centre.partner.token, c.centre.center.id, trackingNumber)).status).toBe(200);
    return trackingNumber;
  }

  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    other = await logisticsCounty(t, hq);
    await makeVan(t, c);
  });
  afterAll(() => t.close());

  it('shows the centre’s parcels ready for pickup, masked, with the county’s offers and village products', async () => {
    const created = await createToken(c.centre.partner.token);
    expect(created.status).toBe(201);
    const { token, url } = created.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).toBe(`/screen/${token}`);
    const stored = await t.deps.db.selectFrom('screen_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const stranger = await readyParcel('13912345678');
    const villager = await registerVillager(t, c.centre.partner.token, { name: '张大山' });
    const known = await readyParcel(villager.phone);

    const promotion = await makePromotion(t, c.staff.token, { categories: ['蜂蜜'] });
    await makePromotion(t, other.staff.token, { name: '别县促销', categories: ['蜂蜜'] });
    const sellerVillager = await registerVillager(t, c.centre.partner.token, { name: '王阿婆' });
    const seller = await post(t, c.centre.partner.token, '/api/v1/sellers', {
      villagerId: sellerVillager.id,
    });
    const product = await post(t, c.centre.partner.token, `/api/v1/sellers/${seller.id}/products`, honey);
    const pending = await post(t, c.centre.partner.token, `/api/v1/sellers/${seller.id}/products`, {
      ...honey,
      title: '待审核笋干',
    });
    await post(t, c.staff.token, `/api/v1/products/${product.id}/approve`, undefined, 200);

    const res = await feed(token);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.center).toEqual({ id: c.centre.center.id, name: c.centre.center.name });
    expect(res.body.parcels).toEqual(
      expect.arrayContaining([
        { recipient: '139****5678', trackingLast4: stranger.slice(-4), arrivedAt: expect.any(String) },
        { recipient: '张*', trackingLast4: known.slice(-4), arrivedAt: expect.any(String) },
      ]),
    );
    const text = JSON.stringify(res.body);
    for (const secret of ['13912345678', villager.phone, '张大山', stranger, known]) {
      expect(text).not.toContain(secret);
    }
    expect(res.body.promotions).toEqual([
      { id: promotion.id, name: promotion.name, type: 'percent', value: 10, endsAt: promotion.endsAt },
    ]);
    expect(res.body.products).toEqual([
      { id: product.id, title: honey.title, priceFen: 8_800, unit: '瓶', storeUrl: `/store/p/${product.id}` },
    ]);
    expect(text).not.toContain(pending.id);
    expect(Date.parse(res.body.generatedAt)).not.toBeNaN();

    // Another centre's screen shows none of this centre's parcels.
    const elsewhere = (await createToken(other.centre.partner.token, other.centre.center.id)).body.token;
    expect((await feed(elsewhere)).body.parcels).toEqual([]);
  });

  it('stops answering a rotated or revoked token', async () => {
    const first = (await createToken(c.centre.partner.token)).body.token;
    expect((await feed(first)).status).toBe(200);
    const second = (await createToken(c.staff.token)).body.token;
    expect(second).not.toBe(first);
    const gone = await feed(first);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
    expect((await feed(second)).status).toBe(200);

    const revoked = await t.request('DELETE', tokenUrl(c.centre.center.id), {
      token: c.centre.partner.token,
    });
    expect(revoked.status).toBe(204);
    expect((await feed(second)).status).toBe(404);
    // Revoking again is harmless.
    const again = await t.request('DELETE', tokenUrl(c.centre.center.id), { token: c.staff.token });
    expect(again.status).toBe(204);
  });

  it('refuses malformed tokens and unknown centres without writing', async () => {
    expect((await feed('short')).status).toBe(400);
    expect((await feed('not-a-token.with.dots.and-more-chars')).status).toBe(400);
    expect((await feed('A'.repeat(43))).status).toBe(404);
    expect((await createToken(c.staff.token, 'no-such-centre')).status).toBe(404);
    expect((await createToken(c.staff.token, 'bad id!')).status).toBe(400);
    const rows = await t.deps.db.selectFrom('screen_tokens').select('center_id').execute();
    expect(rows.map((r) => r.center_id)).not.toContain('no-such-centre');
  });

  it('lets only the centre’s partner and its county’s staff manage the token', async () => {
    const centerId = c.centre.center.id;
    const before = await t.deps.db
      .selectFrom('screen_tokens')
      .select('token_hash')
      .where('center_id', '=', centerId)
      .executeTakeFirst();
    expect((await createToken(other.centre.partner.token, centerId)).status).toBe(404);
    expect((await createToken(other.staff.token, centerId)).status).toBe(404);
    const revokeAs = (token: string) => t.request('DELETE', tokenUrl(centerId), { token });
    expect((await revokeAs(other.staff.token)).status).toBe(404);
    const gov = await makeUser(t, hq, 'gov_viewer', { countyId: c.county.id });
    expect((await createToken(gov.token, centerId)).status).toBe(403);
    expect((await revokeAs(gov.token)).status).toBe(403);
    expect((await createToken(c.shop.token, centerId)).status).toBe(403);
    expect((await t.request('POST', tokenUrl(centerId), { body: {} })).status).toBe(401);
    const after = await t.deps.db
      .selectFrom('screen_tokens')
      .select('token_hash')
      .where('center_id', '=', centerId)
      .executeTakeFirst();
    expect(after).toEqual(before);
    expect((await createToken(hq, centerId)).status).toBe(201);
  });

  it('tells whether a centre has a live screen link, and since when, never the token', async () => {
    const centerId = c.centre.center.id;
    const status = (token: string | undefined, id = centerId) => t.request('GET', tokenUrl(id), { token });
    await t.request('DELETE', tokenUrl(centerId), { token: c.staff.token });
    expect((await status(c.centre.partner.token)).body).toEqual({
      active: false,
      createdAt: null,
      createdBy: null,
      createdByName: null,
    });

    const created = await createToken(c.staff.token);
    for (const token of [c.centre.partner.token, c.staff.token, hq]) {
      const res = await status(token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        active: true,
        createdAt: expect.any(String),
        createdBy: c.staff.user.id,
        createdByName: c.staff.user.displayName,
      });
      expect(JSON.stringify(res.body)).not.toContain(created.body.token);
    }

    expect((await status(other.centre.partner.token)).status).toBe(404);
    expect((await status(other.staff.token)).status).toBe(404);
    expect((await status(c.staff.token, 'no-such-centre')).status).toBe(404);
    expect((await status(c.staff.token, 'bad id!')).status).toBe(400);
    const gov = await makeUser(t, hq, 'gov_viewer', { countyId: c.county.id });
    const buyer = await makeUser(t, hq, 'buyer');
    for (const token of [gov.token, c.shop.token, buyer.token])
      expect((await status(token)).status).toBe(403);
    expect((await status(undefined)).status).toBe(401);

    await t.request('DELETE', tokenUrl(centerId), { token: c.centre.partner.token });
    expect((await status(c.staff.token)).body.active).toBe(false);
  });
});
