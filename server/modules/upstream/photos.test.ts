import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { type LogisticsCounty, logisticsCounty } from '../../../test/logistics-scenarios.ts';
import { hqAdmin, post, registerVillager } from '../../../test/scenarios.ts';

const picture = (width: number, height: number, format: 'jpeg' | 'png' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: '#c8a040' } })
    .toFormat(format)
    .toBuffer();

describeDb('photos of village products', () => {
  let t: TestApp;
  let c: LogisticsCounty;
  let other: LogisticsCounty;
  let productId: string;

  const upload = (token: string, body: Buffer | string, contentType = 'image/jpeg', id = productId) =>
    t.request('POST', `/api/v1/products/${id}/photos`, {
      token,
      body,
      headers: { 'content-type': contentType },
    });
  const fetchImage = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    return { status: res.statusCode, type: res.headers['content-type'], bytes: res.rawPayload };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    other = await logisticsCounty(t, hq);
    const villager = await registerVillager(t, c.centre.partner.token);
    const seller = await post(t, c.centre.partner.token, '/api/v1/sellers', { villagerId: villager.id });
    productId = (
      await post(t, c.centre.partner.token, `/api/v1/sellers/${seller.id}/products`, {
        title: '高山云雾茶',
        description: '明前采摘',
        priceFen: 12_800,
        stock: 10,
        unit: '罐',
        weightGrams: 250,
        origin: {},
      })
    ).id;
  });
  afterAll(() => t.close());

  it('stores an upload as a web size and a square thumbnail, served to anyone', async () => {
    const res = await upload(c.centre.partner.token, await picture(1600, 1200));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ width: 1200, height: 900 });
    const web = await fetchImage(res.body.url);
    expect(web.status).toBe(200);
    expect(web.type).toBe('image/jpeg');
    expect(await sharp(web.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 900 });
    const thumb = await fetchImage(res.body.thumbUrl);
    expect(await sharp(thumb.bytes).metadata()).toMatchObject({ width: 400, height: 400 });
    const png = await upload(c.centre.partner.token, await picture(300, 300, 'png'), 'image/png');
    expect(png.status).toBe(201);
    const listed = await t.request('GET', '/api/v1/listings', { token: c.centre.partner.token });
    const product = listed.body.items.find((p: { id: string }) => p.id === productId);
    expect(product.photos.map((p: { id: string }) => p.id)).toEqual([res.body.id, png.body.id]);
  });

  it('refuses what is not a picture, too small or too big, and answers nothing for unknown photos', async () => {
    const notImage = await upload(c.centre.partner.token, Buffer.from('just some text'));
    expect(notImage.status).toBe(400);
    expect((await upload(c.centre.partner.token, await picture(100, 100))).status).toBe(400);
    expect((await upload(c.centre.partner.token, 'plain text', 'text/plain')).status).toBe(415);
    const huge = Buffer.alloc(9 * 1_048_576, 1);
    expect((await upload(c.centre.partner.token, huge)).status).toBe(413);
    expect((await fetchImage('/api/v1/media/photos/01900000-0000-7000-8000-000000000000/web')).status).toBe(
      404,
    );
  });

  it('lets only the partner of the seller’s centre add photos', async () => {
    const jpeg = await picture(400, 400);
    expect((await upload(other.centre.partner.token, jpeg)).status).toBe(404);
    expect((await upload(c.staff.token, jpeg)).status).toBe(403);
  });
});
