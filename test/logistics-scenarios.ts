import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { makeProduct, merchantWithUser } from './catalog-scenarios.ts';
import type { TestApp } from './harness.ts';
import {
  countyWithStaff,
  depositFloat,
  makeVillage,
  openCentreWithPartner,
  post,
  registerVillager,
} from './scenarios.ts';

/** Logistics scenario helpers: a county with a hub, centres, vans, and orders to carry. */
const unique = () => randomBytes(4).toString('hex');
export const today = () => new Date().toISOString().slice(0, 10);

/** A county with its staff, one open centre (with float) in a village near the hub, and a merchant. */
export async function logisticsCounty(t: TestApp, hq: string) {
  const county = await countyWithStaff(t, hq);
  const centre = await openCentreWithPartner(t, county.staff.token, county.county.id, county.village.id);
  await depositFloat(t, county.staff.token, centre.center.id, 10_000_000);
  const shop = await merchantWithUser(t, hq);
  const product = await makeProduct(t, shop.token, { stock: 10_000, weightGrams: 2_500 });
  return { ...county, centre, shop, product };
}
export type LogisticsCounty = Awaited<ReturnType<typeof logisticsCounty>>;

/** Another open centre of the county, in its own village. */
export async function anotherCentre(t: TestApp, c: LogisticsCounty, at: { lat: number; lon: number }) {
  const village = await makeVillage(t, c.staff.token, c.county.id, at);
  return openCentreWithPartner(t, c.staff.token, c.county.id, village.id);
}

/** A villager of the centre and an order of `quantity` units of the county's product for them. */
export async function placedOrder(t: TestApp, c: LogisticsCounty, quantity = 2, centre = c.centre) {
  const villager = await registerVillager(t, centre.partner.token);
  const order = await post(t, centre.partner.token, '/api/v1/orders', {
    villagerId: villager.id,
    lines: [{ productId: c.product.id, quantity }],
    payment: 'float',
  });
  return { villager, order };
}

export async function ship(t: TestApp, c: LogisticsCounty, orderId: string) {
  return post(t, c.shop.token, `/api/v1/orders/${orderId}/shipments`) as Promise<{
    parcelId: string;
    trackingNumber: string;
  }>;
}

export async function hubScan(
  t: TestApp,
  token: string,
  trackingNumber: string,
  headers?: Record<string, string>,
) {
  return t.request('POST', '/api/v1/hub/scans', {
    token,
    body: { trackingNumber, type: 'received' },
    ...(headers ? { headers } : {}),
  });
}

export async function makeVan(t: TestApp, c: LogisticsCounty, overrides: Record<string, unknown> = {}) {
  return post(t, c.staff.token, '/api/v1/vehicles', {
    countyId: c.county.id,
    name: `浙H·${unique()}`,
    capacityKg: 1000,
    shiftMinutes: 480,
    ...overrides,
  });
}

export async function plan(t: TestApp, c: LogisticsCounty, date = today()) {
  return post(t, c.staff.token, '/api/v1/runs/plan', { countyId: c.county.id, date });
}

/** Ships an order and brings its parcel onto a dispatched van (the county needs a van). */
export async function inTransit(t: TestApp, c: LogisticsCounty, orderId: string) {
  const parcel = await ship(t, c, orderId);
  expect((await hubScan(t, c.staff.token, parcel.trackingNumber)).status).toBe(200);
  const { runs } = await plan(t, c);
  const run = runs.find((r: { stops: Array<{ parcelIds: string[] }> }) =>
    r.stops.some((s) => s.parcelIds.includes(parcel.parcelId)),
  );
  expect(run, 'the parcel is on a run').toBeDefined();
  await post(t, c.staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
  return parcel;
}

export async function arrive(
  t: TestApp,
  partnerToken: string,
  centerId: string,
  trackingNumber: string,
  headers?: Record<string, string>,
) {
  return t.request('POST', `/api/v1/centers/${centerId}/scans`, {
    token: partnerToken,
    body: { trackingNumber, type: 'arrived' },
    ...(headers ? { headers } : {}),
  });
}

/** The pickup SMSes the phone received (after delivering the outbox), newest first. */
export async function pickupMessages(t: TestApp, hq: string, phone: string): Promise<string[]> {
  await t.drain();
  const res = await t.request('GET', `/api/v1/notifications?phone=${phone}`, { token: hq });
  expect(res.status).toBe(200);
  return res.body.items
    .filter((m: { body: string }) => m.body.includes('取件码'))
    .map((m: { body: string }) => m.body);
}

export const codeIn = (sms: string) => /取件码 (\d{6})/.exec(sms)![1]!;
