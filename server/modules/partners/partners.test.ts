import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  countyWithStaff,
  depositFloat,
  expectBalancedBooks,
  hqAdmin,
  makeUser,
  openCentreWithPartner,
} from '../../../test/scenarios.ts';
import { monthRange } from '../../shared/month.ts';

describeDb('partner float', () => {
  let t: TestApp;
  let hq: string;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
  });
  afterAll(async () => {
    await expectBalancedBooks(t);
    await t.close();
  });

  it('county staff record deposits; the float is the sum of them', async () => {
    const a = await countyWithStaff(t, hq);
    const { center, partner } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const first = await depositFloat(t, a.staff.token, center.id, 50_000);
    expect(first).toMatchObject({ centerId: center.id, amountFen: 50_000, balanceFen: 50_000 });
    await depositFloat(t, a.staff.token, center.id, 25_000);
    for (const token of [partner.token, a.staff.token, hq]) {
      const res = await t.request('GET', `/api/v1/centers/${center.id}/float`, { token });
      expect(res.status).toBe(200);
      expect(res.body.balanceFen).toBe(75_000);
    }
    const list = await t.request('GET', `/api/v1/centers/${center.id}/float/deposits`, {
      token: a.staff.token,
    });
    expect(list.body.items.map((d: { amountFen: number }) => d.amountFen)).toEqual([25_000, 50_000]);
  });

  it('honours Idempotency-Key: a retried deposit counts once', async () => {
    const a = await countyWithStaff(t, hq);
    const { center } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const send = (amountFen: number) =>
      t.request('POST', `/api/v1/centers/${center.id}/float/deposits`, {
        token: a.staff.token,
        body: { amountFen, reference: '现金缴存 0001' },
        headers: { 'idempotency-key': 'deposit-0001' },
      });
    const [one, two] = [await send(10_000), await send(10_000)];
    expect(one.status).toBe(201);
    expect(two.body).toEqual(one.body);
    expect((await send(20_000)).status).toBe(422);
    expect(
      (await t.request('GET', `/api/v1/centers/${center.id}/float`, { token: hq })).body.balanceFen,
    ).toBe(10_000);
  });

  it('refuses bad amounts, other roles and other counties without moving money', async () => {
    const a = await countyWithStaff(t, hq);
    const b = await countyWithStaff(t, hq);
    const { center, partner } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    for (const body of [
      { amountFen: 0, reference: 'x' },
      { amountFen: 10.5, reference: 'x' },
      { amountFen: 100 },
      { amountFen: -100, reference: 'x' },
    ]) {
      expect(
        (
          await t.request('POST', `/api/v1/centers/${center.id}/float/deposits`, {
            token: a.staff.token,
            body,
          })
        ).status,
      ).toBe(400);
    }
    const body = { amountFen: 100, reference: 'x' };
    expect(
      (await t.request('POST', `/api/v1/centers/${center.id}/float/deposits`, { token: b.staff.token, body }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('POST', `/api/v1/centers/${center.id}/float/deposits`, { token: partner.token, body }))
        .status,
    ).toBe(403);
    expect(
      (await t.request('POST', `/api/v1/centers/${center.id}/float/deposits`, { token: hq, body })).status,
    ).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/centers/${center.id}/float`, { token: b.staff.token })).status,
    ).toBe(404);
    const merchant = await t.request('GET', `/api/v1/centers/${center.id}/float`, {
      token: (await makeUser(t, hq, 'buyer')).token,
    });
    expect(merchant.status).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/centers/${center.id}/float`, { token: hq })).body.balanceFen,
    ).toBe(0);
  });

  it('counts statement months in China Standard Time', () => {
    expect(monthRange('2026-11')).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    });
    expect(monthRange('2026-12').to).toBe('2026-12-31T16:00:00.000Z');
  });
});
