import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  hubScan,
  type LogisticsCounty,
  logisticsCounty,
  makeVan,
  plan,
} from '../../../test/logistics-scenarios.ts';
import { hqAdmin, makeUser, post } from '../../../test/scenarios.ts';

describeDb('imported road distances', () => {
  let t: TestApp;
  let hq: string;
  let c: LogisticsCounty;
  let other: LogisticsCounty;
  let url: string;
  let centreId: string;

  const put = (token: string, body: unknown) => t.request('PUT', url, { token, body });
  const planDistance = async () => {
    const { runs } = await plan(t, c);
    expect(runs).toHaveLength(1);
    return runs[0].distanceKm as number;
  };

  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    other = await logisticsCounty(t, hq);
    await makeVan(t, c);
    url = `/api/v1/counties/${c.county.id}/road-distances`;
    centreId = c.centre.center.id;
    const parcel = await post(t, c.staff.token, '/api/v1/parcels', {
      trackingNumber: `SF${Date.now()}`,
      carrier: '顺丰速运',
      recipientPhone: '13600000001',
      centerId: centreId,
    });
    await hubScan(t, c.staff.token, parcel.trackingNumber);
  });
  afterAll(() => t.close());

  it('plans with the imported distances, the mean of both directions', async () => {
    const estimated = await planDistance();
    const res = await put(c.staff.token, {
      places: ['hub', centreId],
      km: [
        [null, 30],
        [34, null],
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ pairs: 2 });
    const got = await t.request('GET', url, { token: c.staff.token });
    expect(got.body).toEqual({
      places: [centreId, 'hub'].sort(),
      km:
        centreId < 'hub'
          ? [
              [null, 34],
              [30, null],
            ]
          : [
              [null, 30],
              [34, null],
            ],
    });
    expect(await planDistance()).toBe(64);
    expect(estimated).not.toBe(64);
  });

  it('refuses a malformed or foreign matrix and keeps the one it has', async () => {
    const cases = [
      { places: ['hub', centreId], km: [[null, 30]] },
      { places: ['hub', centreId], km: [[null, 30], [34]] },
      {
        places: ['hub', 'hub'],
        km: [
          [null, 1],
          [1, null],
        ],
      },
      {
        places: ['hub', other.centre.center.id],
        km: [
          [null, 1],
          [1, null],
        ],
      },
      {
        places: ['hub', centreId],
        km: [
          [null, -1],
          [1, null],
        ],
      },
      {
        places: ['hub', centreId],
        km: [
          [null, '3'],
          [1, null],
        ],
      },
    ];
    for (const body of cases) {
      const res = await put(c.staff.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await t.request('GET', url, { token: c.staff.token })).body.places).toHaveLength(2);
    expect(await planDistance()).toBe(64);
  });

  it('lets only the county’s own staff import, and its readers read', async () => {
    const body = { places: [], km: [] };
    expect((await put(other.staff.token, body)).status).toBe(404);
    expect((await put(c.centre.partner.token, body)).status).toBe(403);
    expect((await put(hq, body)).status).toBe(403);
    const gov = await makeUser(t, c.staff.token, 'gov_viewer', { countyId: c.county.id });
    expect((await t.request('GET', url, { token: gov.token })).status).toBe(200);
    expect((await t.request('GET', url, { token: hq })).status).toBe(200);
    expect((await t.request('GET', url, { token: other.staff.token })).status).toBe(404);
    expect((await t.request('GET', url, { token: c.centre.partner.token })).status).toBe(403);
  });

  it('clears the matrix with an empty import, and plans from coordinates again', async () => {
    expect((await put(c.staff.token, { places: [], km: [] })).body).toEqual({ pairs: 0 });
    expect((await t.request('GET', url, { token: c.staff.token })).body).toEqual({ places: [], km: [] });
    expect(await planDistance()).not.toBe(64);
  });
});
