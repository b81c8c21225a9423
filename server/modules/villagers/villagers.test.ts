import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  countyWithStaff,
  depositFloat,
  expectBalancedBooks,
  hqAdmin,
  openCentreWithPartner,
  post,
  registerVillager,
} from '../../../test/scenarios.ts';

describeDb('villagers and wallets', () => {
  let t: TestApp;
  let hq: string;
  let a: Awaited<ReturnType<typeof countyWithStaff>>;
  let centre: Awaited<ReturnType<typeof openCentreWithPartner>>;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    a = await countyWithStaff(t, hq);
    centre = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
  });
  afterAll(async () => {
    await expectBalancedBooks(t);
    await t.close();
  });

  it('registers a villager at the partner’s centre', async () => {
    const v = await registerVillager(t, centre.partner.token, { name: '王秀英', phone: '13812345678' });
    expect(v).toEqual({
      id: expect.any(String),
      name: '王秀英',
      phone: '13812345678',
      centerId: centre.center.id,
      countyId: a.county.id,
      createdAt: expect.any(String),
    });
    const again = await t.request('POST', '/api/v1/villagers', {
      token: centre.partner.token,
      body: { name: '另一个人', phone: '13812345678' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('villager_exists');
    expect(again.body.error.details.villagerId).toBe(v.id);
  });

  it('refuses numbers that are not mainland mobiles', async () => {
    for (const phone of [
      '1381234567',
      '23812345678',
      '12812345678',
      '138123456789',
      '1381234567a',
      13812345678,
    ]) {
      const res = await t.request('POST', '/api/v1/villagers', {
        token: centre.partner.token,
        body: { name: '某人', phone },
      });
      expect(res.status, String(phone)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const missing = await t.request('POST', '/api/v1/villagers', {
      token: centre.partner.token,
      body: { phone: '13912345678' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('name');
  });

  it('keeps a phone unique per county, not nationally', async () => {
    const b = await countyWithStaff(t, hq);
    const other = await openCentreWithPartner(t, b.staff.token, b.county.id, b.village.id);
    await registerVillager(t, centre.partner.token, { phone: '13700001111' });
    const elsewhere = await registerVillager(t, other.partner.token, { phone: '13700001111' });
    expect(elsewhere.countyId).toBe(b.county.id);
    // And the other county's partner cannot see ours.
    const list = await t.request('GET', '/api/v1/villagers?phone=13700001111', {
      token: other.partner.token,
    });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].id).toBe(elsewhere.id);
  });

  it('masks phones in lists and finds villagers by the last digits', async () => {
    const v = await registerVillager(t, centre.partner.token, { name: '李四', phone: '13655556666' });
    const byTail = await t.request('GET', '/api/v1/villagers?phone=6666', { token: centre.partner.token });
    expect(byTail.body.items.map((x: { id: string }) => x.id)).toContain(v.id);
    expect(byTail.body.items.find((x: { id: string }) => x.id === v.id).phone).toBe('136****6666');
    const one = await t.request('GET', `/api/v1/villagers/${v.id}`, { token: centre.partner.token });
    expect(one.body.phone).toBe('13655556666');
  });

  it('lets only the partner of a centre register villagers, and only at an open centre', async () => {
    for (const token of [a.staff.token, hq]) {
      const res = await t.request('POST', '/api/v1/villagers', {
        token,
        body: { name: 'x', phone: '13900000000' },
      });
      expect(res.status).toBe(403);
    }
    await post(t, a.staff.token, `/api/v1/centers/${centre.center.id}/suspend`, undefined, 200);
    const closed = await t.request('POST', '/api/v1/villagers', {
      token: centre.partner.token,
      body: { name: 'x', phone: '13900000009' },
    });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('invalid_state');
    await post(t, a.staff.token, `/api/v1/centers/${centre.center.id}/open`, undefined, 200);
  });

  it('another county’s partner and staff see nothing of a villager', async () => {
    const v = await registerVillager(t, centre.partner.token);
    const b = await countyWithStaff(t, hq);
    const other = await openCentreWithPartner(t, b.staff.token, b.county.id, b.village.id);
    for (const token of [b.staff.token, other.partner.token]) {
      expect((await t.request('GET', `/api/v1/villagers/${v.id}`, { token })).status).toBe(404);
      expect((await t.request('GET', `/api/v1/villagers/${v.id}/wallet`, { token })).status).toBe(404);
    }
  });

  it('tops up a wallet from the float, never beyond the float', async () => {
    const v = await registerVillager(t, centre.partner.token);
    await depositFloat(t, a.staff.token, centre.center.id, 10_000);
    const topup = await post(t, centre.partner.token, `/api/v1/villagers/${v.id}/wallet/topups`, {
      amountFen: 3_000,
    });
    expect(topup.balanceFen).toBe(3_000);
    const float = await t.request('GET', `/api/v1/centers/${centre.center.id}/float`, {
      token: centre.partner.token,
    });
    expect(float.body.balanceFen).toBe(7_000);
    const tooMuch = await t.request('POST', `/api/v1/villagers/${v.id}/wallet/topups`, {
      token: centre.partner.token,
      body: { amountFen: 7_001 },
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe('insufficient_funds');
    for (const amountFen of [0, -5, 1.5, '100']) {
      const bad = await t.request('POST', `/api/v1/villagers/${v.id}/wallet/topups`, {
        token: centre.partner.token,
        body: { amountFen },
      });
      expect(bad.status, String(amountFen)).toBe(400);
    }
    expect(
      (await t.request('GET', `/api/v1/villagers/${v.id}/wallet`, { token: centre.partner.token })).body
        .balanceFen,
    ).toBe(3_000);
    expect(
      (await t.request('GET', `/api/v1/centers/${centre.center.id}/float`, { token: centre.partner.token }))
        .body.balanceFen,
    ).toBe(7_000);
  });
});
