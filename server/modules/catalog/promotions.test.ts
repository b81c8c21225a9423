import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeProduct, makePromotion, merchantWithUser } from '../../../test/catalog-scenarios.ts';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, openCentreWithPartner } from '../../../test/scenarios.ts';

describeDb('catalog: promotions', () => {
  let t: TestApp;
  let hq: string;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
  });
  afterAll(() => t.close());

  const productAs = async (token: string, id: string) =>
    (await t.request('GET', `/api/v1/products/${id}`, { token })).body.promotion;

  it('shows the best promotion for the caller county in the catalogue', async () => {
    const m = await merchantWithUser(t, hq);
    const a = await countyWithStaff(t, hq);
    const b = await countyWithStaff(t, hq);
    const { partner } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const category = `促销化肥${Date.now()}`;
    const product = await makeProduct(t, m.token, { category, priceFen: 10_000 });
    const own = await makePromotion(t, m.token, { type: 'fixed', value: 500, productIds: [product.id] });
    expect(own).toMatchObject({
      fundedBy: 'merchant',
      merchantId: m.merchant.id,
      countyIds: [],
      spentFen: 0,
    });
    const county = await makePromotion(t, a.staff.token, {
      type: 'percent',
      value: 20,
      categories: [category],
    });
    expect(county).toMatchObject({ fundedBy: 'platform', merchantId: null, countyIds: [a.county.id] });

    expect(await productAs(partner.token, product.id)).toEqual({
      id: county.id,
      name: county.name,
      type: 'percent',
      value: 20,
      unitPriceAfterFen: 8_000,
    });
    const list = await t.request(
      'GET',
      `/api/v1/products?q=${encodeURIComponent('复合肥')}&category=${category}`,
      {
        token: partner.token,
      },
    );
    expect(list.body.items[0].promotion.id).toBe(county.id);
    // Another county's staff see only promotions for every county; HQ may ask for a county.
    expect((await productAs(b.staff.token, product.id)).id).toBe(own.id);
    expect((await productAs(hq, product.id)).unitPriceAfterFen).toBe(9_500);
    const asA = await t.request('GET', `/api/v1/products/${product.id}?countyId=${a.county.id}`, {
      token: hq,
    });
    expect(asA.body.promotion.id).toBe(county.id);
    // Ending it brings the merchant's own back.
    const ended = await t.request('POST', `/api/v1/promotions/${county.id}/end`, { token: a.staff.token });
    expect(ended.status).toBe(200);
    expect(ended.body.endedAt).not.toBeNull();
    expect((await productAs(partner.token, product.id)).id).toBe(own.id);
  });

  it('applies only within its time window, and never below a zero price', async () => {
    const m = await merchantWithUser(t, hq);
    const product = await makeProduct(t, m.token, { priceFen: 300 });
    const hour = 3_600_000;
    await makePromotion(t, m.token, {
      productIds: [product.id],
      value: 50,
      startsAt: new Date(Date.now() + hour).toISOString(),
      endsAt: new Date(Date.now() + 2 * hour).toISOString(),
    });
    await makePromotion(t, m.token, {
      productIds: [product.id],
      value: 50,
      startsAt: new Date(Date.now() - 2 * hour).toISOString(),
      endsAt: new Date(Date.now() - hour).toISOString(),
    });
    expect(await productAs(hq, product.id)).toBeNull();
    const big = await makePromotion(t, m.token, { productIds: [product.id], type: 'fixed', value: 1_000 });
    expect(await productAs(hq, product.id)).toMatchObject({ id: big.id, unitPriceAfterFen: 0 });
    const activeNow = await t.request('GET', `/api/v1/promotions?activeAt=${new Date().toISOString()}`, {
      token: m.token,
    });
    expect(activeNow.body.items.map((p: { id: string }) => p.id)).toEqual([big.id]);
  });

  it('refuses bad promotions naming the field, and writes nothing', async () => {
    const m = await merchantWithUser(t, hq);
    const other = await merchantWithUser(t, hq);
    const product = await makeProduct(t, m.token);
    const foreign = await makeProduct(t, other.token);
    const base = {
      name: '坏促销',
      type: 'percent',
      value: 10,
      productIds: [product.id],
      startsAt: '2030-01-01T00:00:00Z',
      endsAt: '2030-02-01T00:00:00Z',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, value: 91 }, 'value'],
      [{ ...base, value: 0 }, 'value'],
      [{ ...base, value: 9.5 }, 'value'],
      [{ ...base, type: 'bogo' }, 'type'],
      [{ ...base, endsAt: '2029-12-31T00:00:00Z' }, 'endsAt'],
      [{ ...base, startsAt: 'tomorrow' }, 'startsAt'],
      [{ ...base, productIds: [] }, 'productIds'],
      [{ ...base, productIds: [foreign.id] }, 'productIds'],
      [{ ...base, countyIds: ['no-such-county'] }, 'countyIds'],
      [{ ...base, budgetFen: -5 }, 'budgetFen'],
    ];
    for (const [body, field] of cases) {
      const res = await t.request('POST', '/api/v1/promotions', { token: m.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.fields[0].field, JSON.stringify(body)).toBe(field);
    }
    const rows = await t.deps.db.selectFrom('promotions').select('id').where('name', '=', '坏促销').execute();
    expect(rows).toHaveLength(0);
  });

  it('keeps county staff to their own county and promotions to their owners', async () => {
    const m = await merchantWithUser(t, hq);
    const a = await countyWithStaff(t, hq);
    const b = await countyWithStaff(t, hq);
    const product = await makeProduct(t, m.token);
    const elsewhere = await t.request('POST', '/api/v1/promotions', {
      token: a.staff.token,
      body: {
        name: '越界',
        type: 'percent',
        value: 5,
        productIds: [product.id],
        countyIds: [b.county.id],
        startsAt: '2030-01-01T00:00:00Z',
        endsAt: '2030-02-01T00:00:00Z',
      },
    });
    expect(elsewhere.status).toBe(403);
    const mine = await makePromotion(t, a.staff.token, { productIds: [product.id] });
    const national = await makePromotion(t, hq, { productIds: [product.id] });
    expect(national).toMatchObject({ fundedBy: 'platform', countyIds: [] });
    expect(
      (await t.request('POST', `/api/v1/promotions/${mine.id}/end`, { token: b.staff.token })).status,
    ).toBe(404);
    expect(
      (await t.request('POST', `/api/v1/promotions/${national.id}/end`, { token: a.staff.token })).status,
    ).toBe(403);
    expect((await t.request('POST', `/api/v1/promotions/${mine.id}/end`, { token: m.token })).status).toBe(
      404,
    );
    const listB = await t.request('GET', '/api/v1/promotions', { token: b.staff.token });
    const idsB = listB.body.items.map((p: { id: string }) => p.id);
    expect(idsB).toContain(national.id);
    expect(idsB).not.toContain(mine.id);
    const listA = await t.request('GET', `/api/v1/promotions?countyId=${a.county.id}`, { token: hq });
    expect(listA.body.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([mine.id, national.id]),
    );
    const { partner } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    expect((await t.request('POST', '/api/v1/promotions', { token: partner.token, body: {} })).status).toBe(
      403,
    );
  });
});
