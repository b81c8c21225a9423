import { randomBytes } from 'node:crypto';
import type { TestApp } from './harness.ts';
import { makeUser, post } from './scenarios.ts';

/** Catalog scenario helpers: merchants list products and run promotions through the API. */
const unique = () => randomBytes(4).toString('hex');

/** A merchant with one signed-in merchant user. */
export async function merchantWithUser(t: TestApp, hq: string, kind: 'brand' | 'retailer' = 'retailer') {
  const merchant = await post(t, hq, '/api/v1/merchants', { name: `农资商行${unique()}`, kind });
  const user = await makeUser(t, hq, 'merchant', { merchantId: merchant.id });
  return { merchant, user: user.user, token: user.token };
}

export async function makeProduct(
  t: TestApp,
  merchantToken: string,
  overrides: Record<string, unknown> = {},
) {
  return post(t, merchantToken, '/api/v1/products', {
    sku: `SKU-${unique()}`,
    title: '史丹利 复合肥料 50kg',
    description: '氮磷钾 15-15-15，适用于玉米小麦',
    category: '化肥',
    kind: 'agri_input',
    priceFen: 16_800,
    stock: 100,
    weightGrams: 50_000,
    ...overrides,
  });
}

/** A promotion running from an hour ago for a day, unless overridden. */
export async function makePromotion(t: TestApp, token: string, overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return post(t, token, '/api/v1/promotions', {
    name: `春耕促销${unique()}`,
    type: 'percent',
    value: 10,
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + 86_400_000).toISOString(),
    ...overrides,
  });
}
