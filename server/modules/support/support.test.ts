import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, makeUser, openCentreWithPartner, post } from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';

const MINUTE = 60_000;

describeDb('support: tickets from partners to their county centre', () => {
  const clock = fixedClock(new Date('2026-11-02T01:00:00Z'));
  let t: TestApp;
  let hq: string;
  let a: Awaited<ReturnType<typeof countyWithStaff>>;
  let b: Awaited<ReturnType<typeof countyWithStaff>>;
  let partner: { token: string };
  let otherPartner: { token: string };
  beforeAll(async () => {
    t = await createTestApp({ clock });
    hq = await hqAdmin(t);
    a = await countyWithStaff(t, hq);
    b = await countyWithStaff(t, hq);
    partner = (await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id)).partner;
    otherPartner = (await openCentreWithPartner(t, b.staff.token, b.county.id, b.village.id)).partner;
  });
  afterAll(() => t.close());

  const ticket = {
    category: 'hardware',
    priority: 'high',
    subject: '扫码枪无法识别条码',
    body: '今天上午开始扫码枪没有反应。',
  };

  it('runs a ticket from the partner through a conversation to its resolution, with response times', async () => {
    const opened = await post(t, partner.token, '/api/v1/support/tickets', ticket);
    expect(opened).toMatchObject({
      status: 'open',
      category: 'hardware',
      priority: 'high',
      firstResponseAt: null,
    });

    clock.advance(30 * MINUTE);
    await post(t, a.staff.token, `/api/v1/support/tickets/${opened.id}/messages`, {
      body: '请重新插拔 USB 线后再试。',
    });
    await post(t, partner.token, `/api/v1/support/tickets/${opened.id}/messages`, { body: '还是不行。' });
    const assigned = await post(
      t,
      a.staff.token,
      `/api/v1/support/tickets/${opened.id}/assign`,
      { userId: a.staff.user.id },
      200,
    );
    expect(assigned).toMatchObject({ status: 'in_progress', assigneeId: a.staff.user.id });

    clock.advance(90 * MINUTE);
    const resolved = await post(
      t,
      a.staff.token,
      `/api/v1/support/tickets/${opened.id}/resolve`,
      { resolution: '已上门更换扫码枪。' },
      200,
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '已上门更换扫码枪。' });

    const detail = (await t.request('GET', `/api/v1/support/tickets/${opened.id}`, { token: partner.token }))
      .body;
    expect(detail.messages.map((m: { authorRole: string }) => m.authorRole)).toEqual([
      'partner',
      'county_staff',
      'partner',
    ]);
    const again = await t.request('POST', `/api/v1/support/tickets/${opened.id}/messages`, {
      token: partner.token,
      body: { body: '谢谢' },
    });
    expect(again.status).toBe(409);

    await post(t, partner.token, '/api/v1/support/tickets', {
      ...ticket,
      category: 'orders',
      priority: 'low',
    });
    const stats = (
      await t.request('GET', `/api/v1/support/stats?countyId=${a.county.id}`, { token: a.staff.token })
    ).body;
    expect(stats).toEqual({
      countyId: a.county.id,
      open: 1,
      inProgress: 0,
      resolved: 1,
      medianFirstResponseMinutes: 30,
      medianResolutionMinutes: 120,
      byCategory: { hardware: 1, orders: 1 },
    });
    const mine = (await t.request('GET', '/api/v1/support/tickets', { token: partner.token })).body.items;
    expect(mine).toHaveLength(2);
  });

  it('keeps tickets within the centre and county, and refuses bad input', async () => {
    const opened = await post(t, partner.token, '/api/v1/support/tickets', ticket);
    for (const body of [
      { ...ticket, category: 'weather' },
      { ...ticket, priority: 'whenever' },
      { ...ticket, subject: ' ' },
      { ...ticket, body: undefined },
    ]) {
      expect(
        (await t.request('POST', '/api/v1/support/tickets', { token: partner.token, body })).status,
      ).toBe(400);
    }
    expect(
      (await t.request('POST', '/api/v1/support/tickets', { token: a.staff.token, body: ticket })).status,
    ).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/support/tickets/${opened.id}`, { token: otherPartner.token })).status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/v1/support/tickets/${opened.id}`, { token: b.staff.token })).status,
    ).toBe(404);
    const foreignReply = await t.request('POST', `/api/v1/support/tickets/${opened.id}/messages`, {
      token: b.staff.token,
      body: { body: 'x' },
    });
    expect(foreignReply.status).toBe(404);
    expect(
      (
        await t.request('POST', `/api/v1/support/tickets/${opened.id}/resolve`, {
          token: partner.token,
          body: { resolution: 'x' },
        })
      ).status,
    ).toBe(403);
    const toOtherCounty = await t.request('POST', `/api/v1/support/tickets/${opened.id}/assign`, {
      token: a.staff.token,
      body: { userId: b.staff.user.id },
    });
    expect(toOtherCounty.status).toBe(400);
    const gov = await makeUser(t, a.staff.token, 'gov_viewer', { countyId: a.county.id });
    expect((await t.request('GET', '/api/v1/support/tickets', { token: gov.token })).status).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/support/stats?countyId=${a.county.id}`, { token: b.staff.token }))
        .status,
    ).toBe(403);
    const listed = (await t.request('GET', '/api/v1/support/tickets', { token: b.staff.token })).body.items;
    expect(listed).toEqual([]);
    const hqList = (await t.request('GET', `/api/v1/support/tickets?countyId=${a.county.id}`, { token: hq }))
      .body.items;
    expect(hqList.length).toBeGreaterThan(0);
  });
});
