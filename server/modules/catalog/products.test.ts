import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeProduct, merchantWithUser } from '../../../test/catalog-scenarios.ts';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, makeUser, openCentreWithPartner } from '../../../test/scenarios.ts';

describeDb('catalog: products', () => {
  let t: TestApp;
  let hq: string;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
  });
  afterAll(() => t.close());

  it('lets a merchant list a product of its own', async () => {
    const m = await merchantWithUser(t, hq);
    const product = await makeProduct(t, m.token, { sku: 'FERT-001' });
    expect(product).toMatchObject({
      merchantId: m.merchant.id,
      sku: 'FERT-001',
      title: '史丹利 复合肥料 50kg',
      category: '化肥',
      kind: 'agri_input',
      priceFen: 16_800,
      stock: 100,
      weightGrams: 50_000,
      status: 'active',
      promotion: null,
    });
    const got = await t.request('GET', `/api/v1/products/${product.id}`, { token: hq });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: product.id, description: product.description, promotion: null });
    const dup = await t.request('POST', '/api/v1/products', {
      token: m.token,
      body: {
        sku: 'FERT-001',
        title: 'x',
        category: '化肥',
        kind: 'agri_input',
        priceFen: 1,
        stock: 0,
        weightGrams: 1,
      },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
    // The sku is unique per merchant, not across merchants.
    const other = await merchantWithUser(t, hq);
    await makeProduct(t, other.token, { sku: 'FERT-001' });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const m = await merchantWithUser(t, hq);
    const good = {
      sku: 'BAD-1',
      title: '尿素',
      category: '化肥',
      kind: 'agri_input',
      priceFen: 100,
      stock: 1,
      weightGrams: 1,
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, priceFen: 12.5 }, 'priceFen'],
      [{ ...good, priceFen: 0 }, 'priceFen'],
      [{ ...good, priceFen: '100' }, 'priceFen'],
      [{ ...good, stock: -1 }, 'stock'],
      [{ ...good, stock: 1.5 }, 'stock'],
      [{ ...good, weightGrams: 0 }, 'weightGrams'],
      [{ ...good, kind: 'local_specialty' }, 'kind'],
      [{ ...good, title: '   ' }, 'title'],
      [{ ...good, sku: 'has space' }, 'sku'],
      [{ ...good, category: undefined }, 'category'],
    ];
    for (const [body, field] of cases) {
      const res = await t.request('POST', '/api/v1/products', { token: m.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.fields[0].field).toBe(field);
    }
    const rows = await t.deps.db
      .selectFrom('products')
      .select('id')
      .where('merchant_id', '=', m.merchant.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('changes price, stock and status of own products; another merchant gets 404', async () => {
    const a = await merchantWithUser(t, hq);
    const b = await merchantWithUser(t, hq);
    const product = await makeProduct(t, a.token);
    const res = await t.request('PATCH', `/api/v1/products/${product.id}`, {
      token: a.token,
      body: { priceFen: 15_000, stock: 7, status: 'inactive' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ priceFen: 15_000, stock: 7, status: 'inactive' });
    const foreign = await t.request('PATCH', `/api/v1/products/${product.id}`, {
      token: b.token,
      body: { priceFen: 1 },
    });
    expect(foreign.status).toBe(404);
    expect((await t.request('GET', `/api/v1/products/${product.id}`, { token: b.token })).status).toBe(404);
    const bad = await t.request('PATCH', `/api/v1/products/${product.id}`, {
      token: a.token,
      body: { stock: -3 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('stock');
    const empty = await t.request('PATCH', `/api/v1/products/${product.id}`, { token: a.token, body: {} });
    expect(empty.status).toBe(400);
    const now = await t.request('GET', `/api/v1/products/${product.id}`, { token: a.token });
    expect(now.body).toMatchObject({ priceFen: 15_000, stock: 7, status: 'inactive' });
  });

  it('lets HQ take a product down (status only), and hides inactive products from partners', async () => {
    const m = await merchantWithUser(t, hq);
    const c = await countyWithStaff(t, hq);
    const { partner } = await openCentreWithPartner(t, c.staff.token, c.county.id, c.village.id);
    const product = await makeProduct(t, m.token, { title: '下架测试 喷雾器', category: '农具' });
    const price = await t.request('PATCH', `/api/v1/products/${product.id}`, {
      token: hq,
      body: { priceFen: 1 },
    });
    expect(price.status).toBe(403);
    const down = await t.request('PATCH', `/api/v1/products/${product.id}`, {
      token: hq,
      body: { status: 'inactive' },
    });
    expect(down.status).toBe(200);
    expect((await t.request('GET', `/api/v1/products/${product.id}`, { token: partner.token })).status).toBe(
      404,
    );
    const search = await t.request('GET', '/api/v1/products?q=下架测试', { token: partner.token });
    expect(search.body).toEqual({ items: [], total: 0 });
    const own = await t.request('GET', '/api/v1/products?q=下架测试', { token: m.token });
    expect(own.body.items.map((p: { id: string }) => p.id)).toEqual([product.id]);
    await t.request('PATCH', `/api/v1/products/${product.id}`, { token: hq, body: { status: 'active' } });
    const back = await t.request('GET', '/api/v1/products?q=下架测试', { token: partner.token });
    expect(back.body.total).toBe(1);
  });

  it('keeps buyers and other roles to what they may do', async () => {
    const m = await merchantWithUser(t, hq);
    const c = await countyWithStaff(t, hq);
    const product = await makeProduct(t, m.token);
    const buyer = await makeUser(t, hq, 'buyer');
    for (const url of ['/api/v1/products', `/api/v1/products/${product.id}`, '/api/v1/categories']) {
      expect((await t.request('GET', url, { token: buyer.token })).status, url).toBe(403);
    }
    const body = {
      sku: 'X-1',
      title: '种子',
      category: '种子',
      kind: 'agri_input',
      priceFen: 1,
      stock: 1,
      weightGrams: 1,
    };
    for (const token of [hq, c.staff.token, buyer.token]) {
      expect((await t.request('POST', '/api/v1/products', { token, body })).status).toBe(403);
    }
    const staffPatch = await t.request('PATCH', `/api/v1/products/${product.id}`, {
      token: c.staff.token,
      body: { status: 'inactive' },
    });
    expect(staffPatch.status).toBe(403);
    expect((await t.request('GET', `/api/v1/products/${product.id}`, { token: hq })).body.status).toBe(
      'active',
    );
  });

  it('counts categories over what the caller sees', async () => {
    const m = await merchantWithUser(t, hq);
    await makeProduct(t, m.token, { title: '分类 测试 铁锹', category: '农具类测试' });
    const hidden = await makeProduct(t, m.token, { title: '分类 测试 镰刀', category: '农具类测试' });
    await t.request('PATCH', `/api/v1/products/${hidden.id}`, {
      token: m.token,
      body: { status: 'inactive' },
    });
    const national = await t.request('GET', '/api/v1/categories', { token: hq });
    expect(national.body.items).toContainEqual({ category: '农具类测试', count: 1 });
    const own = await t.request('GET', '/api/v1/categories', { token: m.token });
    expect(own.body.items).toEqual([{ category: '农具类测试', count: 2 }]);
  });
});
