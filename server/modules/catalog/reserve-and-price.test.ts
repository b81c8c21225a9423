import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeProduct, makePromotion, merchantWithUser } from '../../../test/catalog-scenarios.ts';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin } from '../../../test/scenarios.ts';
import type { AppError } from '../../shared/app-error.ts';
import { findProduct, releaseStock, reserveAndPrice, returnPromotionBudget } from './index.ts';

describeDb('catalog: reserveAndPrice for orders', () => {
  let t: TestApp;
  let hq: string;
  let merchant: Awaited<ReturnType<typeof merchantWithUser>>;
  let countyId: string;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    merchant = await merchantWithUser(t, hq);
    countyId = (await countyWithStaff(t, hq)).county.id;
  });
  afterAll(() => t.close());

  const reserve = (lines: { productId: string; quantity: number }[], county = countyId) =>
    t.deps.db
      .transaction()
      .execute((trx) => reserveAndPrice(trx, { countyId: county, at: new Date().toISOString(), lines }));
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (error) {
      return error as AppError;
    }
    throw new Error('expected a refusal');
  };
  const stockOf = async (id: string) => (await findProduct(t.deps.db, id))!.stock;

  it('prices lines, merges repeats and reserves stock', async () => {
    const a = await makeProduct(t, merchant.token, { priceFen: 1_000, stock: 10 });
    const b = await makeProduct(t, merchant.token, { priceFen: 250, stock: 5, category: '农具' });
    const lines = await reserve([
      { productId: a.id, quantity: 2 },
      { productId: b.id, quantity: 1 },
      { productId: a.id, quantity: 3 },
    ]);
    expect(lines).toEqual([
      expect.objectContaining({
        productId: a.id,
        quantity: 5,
        unitPriceFen: 1_000,
        discountFen: 0,
        promotionId: null,
        merchantId: merchant.merchant.id,
        weightGrams: a.weightGrams,
      }),
      expect.objectContaining({
        productId: b.id,
        quantity: 1,
        unitPriceFen: 250,
        discountFundedBy: null,
        kind: 'agri_input',
        sku: b.sku,
        title: b.title,
      }),
    ]);
    expect(await stockOf(a.id)).toBe(5);
    expect(await stockOf(b.id)).toBe(4);
    await t.deps.db.transaction().execute((trx) => releaseStock(trx, [{ productId: a.id, quantity: 5 }]));
    expect(await stockOf(a.id)).toBe(10);
  });

  it('refuses unknown or inactive products and shortages, changing nothing', async () => {
    const a = await makeProduct(t, merchant.token, { stock: 3 });
    const off = await makeProduct(t, merchant.token);
    await t.request('PATCH', `/api/v1/products/${off.id}`, {
      token: merchant.token,
      body: { status: 'inactive' },
    });
    const missing = await failure(
      reserve([
        { productId: a.id, quantity: 1 },
        { productId: 'nope', quantity: 1 },
      ]),
    );
    expect(missing.code).toBe('validation_failed');
    expect(missing.details).toEqual({
      fields: [{ field: 'lines[1].productId', message: 'no such active product' }],
    });
    expect((await failure(reserve([{ productId: off.id, quantity: 1 }]))).code).toBe('validation_failed');
    const short = await failure(
      reserve([
        { productId: a.id, quantity: 2 },
        { productId: a.id, quantity: 2 },
      ]),
    );
    expect(short.code).toBe('insufficient_stock');
    expect(short.details).toEqual({ productId: a.id, requested: 4, available: 3 });
    expect((await failure(reserve([{ productId: a.id, quantity: 0 }]))).code).toBe('validation_failed');
    expect(await stockOf(a.id)).toBe(3);
  });

  it('applies the best promotion for the county and spends its budget', async () => {
    const a = await makeProduct(t, merchant.token, { priceFen: 1_000, stock: 100 });
    const budgeted = await makePromotion(t, hq, {
      type: 'fixed',
      value: 300,
      productIds: [a.id],
      budgetFen: 1_000,
      countyIds: [countyId],
    });
    await makePromotion(t, merchant.token, { type: 'percent', value: 10, productIds: [a.id] });
    const [first] = await reserve([{ productId: a.id, quantity: 2 }]);
    expect(first).toMatchObject({ discountFen: 600, promotionId: budgeted.id, discountFundedBy: 'platform' });
    // Only 400 left: the line gets what is left, more than the merchant's 10 % (200).
    const [second] = await reserve([{ productId: a.id, quantity: 2 }]);
    expect(second).toMatchObject({ discountFen: 400, promotionId: budgeted.id });
    // Budget spent: the merchant's promotion takes over.
    const [third] = await reserve([{ productId: a.id, quantity: 1 }]);
    expect(third).toMatchObject({ discountFen: 100, discountFundedBy: 'merchant' });
    // Another county never saw the county promotion.
    const elsewhere = (await countyWithStaff(t, hq)).county.id;
    await t.deps.db.transaction().execute((trx) => returnPromotionBudget(trx, budgeted.id, 600));
    const [other] = await reserve([{ productId: a.id, quantity: 1 }], elsewhere);
    expect(other!.discountFundedBy).toBe('merchant');
    const [again] = await reserve([{ productId: a.id, quantity: 1 }]);
    expect(again).toMatchObject({ discountFen: 300, promotionId: budgeted.id });
    const row = await t.deps.db
      .selectFrom('promotions')
      .select('spent_fen')
      .where('id', '=', budgeted.id)
      .executeTakeFirstOrThrow();
    expect(row.spent_fen).toBe(700);
  });

  it('never oversells or overspends under concurrent orders', async () => {
    const a = await makeProduct(t, merchant.token, { priceFen: 1_000, stock: 7 });
    const promo = await makePromotion(t, hq, {
      type: 'fixed',
      value: 100,
      productIds: [a.id],
      budgetFen: 450,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => reserve([{ productId: a.id, quantity: 1 }])),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(7);
    for (const r of lost) expect((r.reason as AppError).code).toBe('insufficient_stock');
    expect(await stockOf(a.id)).toBe(0);
    const discounts = won.map((r) => r.value[0]!.discountFen);
    expect(discounts.reduce((s, d) => s + d, 0)).toBe(450);
    const row = await t.deps.db
      .selectFrom('promotions')
      .select('spent_fen')
      .where('id', '=', promo.id)
      .executeTakeFirstOrThrow();
    expect(row.spent_fen).toBe(450);
  });
});
