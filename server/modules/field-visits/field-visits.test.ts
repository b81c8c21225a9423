import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, makeUser, openCentreWithPartner, post } from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';

type County = Awaited<ReturnType<typeof countyWithStaff>>;
type Centre = Awaited<ReturnType<typeof openCentreWithPartner>>;

describeDb('field visits: county staff visit their centres and follow up', () => {
  // Noon of 26 November in China Standard Time.
  const clock = fixedClock(new Date('2026-11-26T04:00:00.000Z'));
  let t: TestApp;
  let hq: string;
  let a: County;
  let b: County;
  let busy: Centre;
  let quiet: Centre;
  let elsewhere: Centre;
  let colleague: Awaited<ReturnType<typeof makeUser>>;
  let outsiders: Record<'gov' | 'merchant' | 'buyer', string>;

  const visitsUrl = (centerId: string) => `/api/v1/centers/${centerId}/visits`;
  const get = (token: string | undefined, url: string) => t.request('GET', url, { token });
  const logVisit = (token: string | undefined, centerId: string, body: unknown, headers = {}) =>
    t.request('POST', visitsUrl(centerId), { token, body, headers });
  const counts = async () => {
    const [visits, followUps] = await Promise.all(
      (['field_visits', 'field_visit_follow_ups'] as const).map((table) =>
        t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    );
    return { visits: Number(visits!.n), followUps: Number(followUps!.n) };
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    // The clock moves days ahead below; sessions must outlive it.
    t.deps.sessionTtlHours = 24 * 90;
    hq = await hqAdmin(t);
    a = await countyWithStaff(t, hq);
    b = await countyWithStaff(t, hq);
    busy = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    quiet = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    elsewhere = await openCentreWithPartner(t, b.staff.token, b.county.id, b.village.id);
    colleague = await makeUser(t, hq, 'county_staff', { countyId: a.county.id });
    const merchant = await post(t, hq, '/api/v1/merchants', { name: '走访农资', kind: 'retailer' });
    outsiders = {
      gov: (await makeUser(t, hq, 'gov_viewer', { countyId: a.county.id })).token,
      merchant: (await makeUser(t, hq, 'merchant', { merchantId: merchant.id })).token,
      buyer: (await makeUser(t, hq, 'buyer')).token,
    };
  });
  afterAll(() => t.close());

  it('logs a visit with its follow-ups, once per idempotency key', async () => {
    const body = {
      visitedAt: '2026-11-26T09:30:00+08:00',
      purpose: 'at_risk',
      notes: '  订单下滑，站长说农忙；约定下周做一次化肥团购。 ',
      partnerPresent: true,
      followUps: [
        { text: '送一批化肥宣传单', dueOn: '2026-11-30', assigneeId: colleague.user.id },
        { text: '回访站长', dueOn: '2026-11-26' },
      ],
    };
    const res = await logVisit(a.staff.token, busy.center.id, body, { 'idempotency-key': 'visit-1' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      countyId: a.county.id,
      centerId: busy.center.id,
      visitorId: a.staff.user.id,
      visitorName: a.staff.user.displayName,
      visitedAt: '2026-11-26T01:30:00.000Z',
      purpose: 'at_risk',
      notes: '订单下滑，站长说农忙；约定下周做一次化肥团购。',
      partnerPresent: true,
      createdAt: '2026-11-26T04:00:00.000Z',
    });
    expect(res.body.followUps).toEqual([
      expect.objectContaining({
        text: '回访站长',
        dueOn: '2026-11-26',
        assigneeId: null,
        done: false,
        overdue: false,
        visitId: res.body.id,
        visitedAt: '2026-11-26T01:30:00.000Z',
      }),
      expect.objectContaining({
        text: '送一批化肥宣传单',
        dueOn: '2026-11-30',
        assigneeId: colleague.user.id,
        assigneeName: colleague.user.displayName,
      }),
    ]);

    const again = await logVisit(a.staff.token, busy.center.id, body, { 'idempotency-key': 'visit-1' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(res.body.id);
    expect(await counts()).toEqual({ visits: 1, followUps: 2 });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', res.body.id)
      .execute();
    // The write and its replay are both on record, with the county.
    expect(audit).toHaveLength(2);
    for (const row of audit) {
      expect(row).toMatchObject({ county_id: a.county.id, user_id: a.staff.user.id, status_code: 201 });
    }

    // HQ on a tour logs a plain visit: no notes, no follow-ups, presence not recorded.
    const tour = await logVisit(hq, quiet.center.id, {
      visitedAt: '2026-11-25T02:00:00Z',
      purpose: 'routine',
    });
    expect(tour.status).toBe(201);
    expect(tour.body).toMatchObject({ notes: null, partnerPresent: null, followUps: [] });
  });

  it('refuses a visit in the future, follow-ups due before it, and strangers as assignees, writing nothing', async () => {
    const before = await counts();
    const ok = { visitedAt: '2026-11-25T10:00:00Z', purpose: 'routine' };
    const partner = busy.partner.user.id;
    const cases: Array<[string, unknown]> = [
      ['future', { ...ok, visitedAt: '2026-11-26T04:06:00Z' }],
      ['not a time', { ...ok, visitedAt: 'yesterday' }],
      ['purpose', { ...ok, purpose: 'gossip' }],
      ['missing purpose', { visitedAt: ok.visitedAt }],
      // 10:00 UTC on the 25th is the 25th in China too: the 24th is before the visit.
      ['due before', { ...ok, followUps: [{ text: '补货', dueOn: '2026-11-24' }] }],
      ['no such day', { ...ok, followUps: [{ text: '补货', dueOn: '2026-02-30' }] }],
      ['day format', { ...ok, followUps: [{ text: '补货', dueOn: '30/11/2026' }] }],
      ['blank text', { ...ok, followUps: [{ text: '   ', dueOn: '2026-11-30' }] }],
      [
        'partner as assignee',
        { ...ok, followUps: [{ text: '补货', dueOn: '2026-11-30', assigneeId: partner }] },
      ],
      [
        'other county staff',
        { ...ok, followUps: [{ text: '补货', dueOn: '2026-11-30', assigneeId: b.staff.user.id }] },
      ],
      [
        'unknown assignee',
        { ...ok, followUps: [{ text: '补货', dueOn: '2026-11-30', assigneeId: 'nobody' }] },
      ],
      [
        'too many',
        { ...ok, followUps: Array.from({ length: 21 }, () => ({ text: '补货', dueOn: '2026-11-30' })) },
      ],
      ['notes too long', { ...ok, notes: '长'.repeat(4001) }],
    ];
    for (const [name, body] of cases) {
      const res = await logVisit(a.staff.token, busy.center.id, body);
      expect(res.status, name).toBe(400);
      expect(res.body.error.code, name).toBe('validation_failed');
    }
    const dueBefore = await logVisit(a.staff.token, busy.center.id, cases[4]![1]);
    expect(dueBefore.body.error.details).toEqual({
      fields: [{ field: 'followUps.0.dueOn', message: 'is before the visit' }],
    });
    expect((await logVisit(a.staff.token, 'no-such-centre', ok)).status).toBe(404);
    expect(await counts()).toEqual(before);

    // A phone a minute ahead of the server still logs "now"; a visit's own day is a valid due day.
    const now = await logVisit(a.staff.token, busy.center.id, {
      visitedAt: '2026-11-26T04:01:00Z',
      purpose: 'equipment',
      followUps: [{ text: '换打印机色带', dueOn: '2026-11-26' }],
    });
    expect(now.status).toBe(201);
  });

  it('keeps logging to the county’s staff and HQ', async () => {
    const before = await counts();
    const ok = { visitedAt: '2026-11-25T10:00:00Z', purpose: 'routine' };
    expect((await logVisit(b.staff.token, busy.center.id, ok)).status).toBe(404);
    expect((await logVisit(a.staff.token, elsewhere.center.id, ok)).status).toBe(404);
    for (const token of [busy.partner.token, outsiders.gov, outsiders.merchant, outsiders.buyer]) {
      expect((await logVisit(token, busy.center.id, ok)).status).toBe(403);
    }
    expect((await logVisit(undefined, busy.center.id, ok)).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('lists a centre’s visits newest first to its county, HQ and its own partner', async () => {
    for (const token of [a.staff.token, colleague.token, hq, busy.partner.token]) {
      const res = await get(token, visitsUrl(busy.center.id));
      expect(res.status).toBe(200);
      expect(res.body.items.map((v: { visitedAt: string }) => v.visitedAt)).toEqual([
        '2026-11-26T04:01:00.000Z',
        '2026-11-26T01:30:00.000Z',
      ]);
      expect(res.body.items[1].followUps).toHaveLength(2);
    }
    const page = await get(a.staff.token, `${visitsUrl(busy.center.id)}?limit=1&offset=1`);
    expect(page.body.items.map((v: { visitedAt: string }) => v.visitedAt)).toEqual([
      '2026-11-26T01:30:00.000Z',
    ]);
    expect((await get(a.staff.token, `${visitsUrl(busy.center.id)}?limit=0`)).status).toBe(400);

    expect((await get(quiet.partner.token, visitsUrl(busy.center.id))).status).toBe(404);
    expect((await get(elsewhere.partner.token, visitsUrl(busy.center.id))).status).toBe(404);
    expect((await get(b.staff.token, visitsUrl(busy.center.id))).status).toBe(404);
    expect((await get(hq, visitsUrl('no-such-centre'))).status).toBe(404);
    for (const token of [outsiders.gov, outsiders.merchant, outsiders.buyer]) {
      expect((await get(token, visitsUrl(busy.center.id))).status).toBe(403);
    }
    expect((await get(undefined, visitsUrl(busy.center.id))).status).toBe(401);
  });

  it('lists the county’s visits by day of China Standard Time', async () => {
    // 25 Nov 17:00 UTC is already the 26th in China.
    await logVisit(a.staff.token, quiet.center.id, {
      visitedAt: '2026-11-25T17:00:00Z',
      purpose: 'training',
    });
    await logVisit(b.staff.token, elsewhere.center.id, {
      visitedAt: '2026-11-25T10:00:00Z',
      purpose: 'routine',
    });
    const url = (query: string) => `/api/v1/counties/${a.county.id}/visits${query}`;
    const times = (res: { body: { items: Array<{ visitedAt: string }> } }) =>
      res.body.items.map((v) => v.visitedAt);

    const all = await get(a.staff.token, url(''));
    expect(all.status).toBe(200);
    expect(times(all)).toEqual([
      '2026-11-26T04:01:00.000Z',
      '2026-11-26T01:30:00.000Z',
      '2026-11-25T17:00:00.000Z',
      '2026-11-25T02:00:00.000Z',
    ]);
    expect(all.body.items.every((v: { countyId: string }) => v.countyId === a.county.id)).toBe(true);
    expect(times(await get(hq, url('?from=2026-11-26&to=2026-11-26')))).toEqual(times(all).slice(0, 3));
    expect(times(await get(a.staff.token, url('?to=2026-11-25')))).toEqual(['2026-11-25T02:00:00.000Z']);
    expect(times(await get(a.staff.token, url('?from=2026-11-27')))).toEqual([]);

    for (const query of ['?from=2026-11-27&to=2026-11-26', '?from=2026-02-30', '?to=tomorrow']) {
      const res = await get(a.staff.token, url(query));
      expect(res.status, query).toBe(400);
    }
    expect((await get(b.staff.token, url(''))).status).toBe(404);
    expect((await get(hq, '/api/v1/counties/no-such-county/visits')).status).toBe(404);
    for (const token of [busy.partner.token, outsiders.gov, outsiders.merchant, outsiders.buyer]) {
      expect((await get(token, url(''))).status).toBe(403);
    }
    expect((await get(undefined, url(''))).status).toBe(401);
  });

  it('tracks follow-ups: open, overdue once their day has passed, done once', async () => {
    const url = (status = '') => `/api/v1/counties/${a.county.id}/follow-ups${status && `?status=${status}`}`;
    const texts = (res: { body: { items: Array<{ text: string }> } }) => res.body.items.map((f) => f.text);
    expect(texts(await get(a.staff.token, url()))).toEqual(['回访站长', '换打印机色带', '送一批化肥宣传单']);
    expect(texts(await get(a.staff.token, url('overdue')))).toEqual([]);

    // Three days on (the 29th in China) the two due on the 26th are overdue.
    clock.advance(3 * 86_400_000);
    const overdue = await get(hq, url('overdue'));
    expect(texts(overdue)).toEqual(['回访站长', '换打印机色带']);
    expect(overdue.body.items.every((f: { overdue: boolean }) => f.overdue)).toBe(true);

    const target = overdue.body.items[0];
    const done = await post(t, colleague.token, `/api/v1/follow-ups/${target.id}/done`, undefined, 200);
    expect(done).toMatchObject({
      id: target.id,
      done: true,
      overdue: false,
      doneAt: clock.now().toISOString(),
      doneBy: colleague.user.id,
      doneByName: colleague.user.displayName,
    });
    // A second "done" (a retry, or someone else) changes nothing.
    clock.advance(60_000);
    const again = await post(t, a.staff.token, `/api/v1/follow-ups/${target.id}/done`, undefined, 200);
    expect(again).toEqual(done);
    expect(texts(await get(a.staff.token, url('done')))).toEqual(['回访站长']);
    expect(texts(await get(a.staff.token, url('open')))).toEqual(['换打印机色带', '送一批化肥宣传单']);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('user_id')
      .where('entity_id', '=', target.id)
      .execute();
    expect(audit.map((r) => r.user_id).sort()).toEqual([a.staff.user.id, colleague.user.id].sort());

    expect((await get(a.staff.token, url('late'))).status).toBe(400);
    const open = (await get(a.staff.token, url('open'))).body.items[0];
    const markAs = (token: string | undefined, id = open.id) =>
      t.request('POST', `/api/v1/follow-ups/${id}/done`, { token, body: {} });
    expect((await markAs(b.staff.token)).status).toBe(404);
    expect((await markAs(a.staff.token, 'no-such-follow-up')).status).toBe(404);
    for (const token of [busy.partner.token, outsiders.gov, outsiders.merchant, outsiders.buyer]) {
      expect((await markAs(token)).status).toBe(403);
      expect((await get(token, url())).status).toBe(403);
    }
    expect((await markAs(undefined)).status).toBe(401);
    expect((await get(undefined, url())).status).toBe(401);
    expect((await get(b.staff.token, url())).status).toBe(404);
    const untouched = await t.deps.db
      .selectFrom('field_visit_follow_ups')
      .select('done')
      .where('id', '=', open.id)
      .executeTakeFirstOrThrow();
    expect(untouched.done).toBe(0);
  });

  it('shows on the leaderboard when each centre was last visited', async () => {
    const board = await get(a.staff.token, `/api/v1/counties/${a.county.id}/leaderboard`);
    expect(board.status).toBe(200);
    const lastVisit = Object.fromEntries(
      board.body.items.map((r: { centerId: string; lastVisitAt: string | null }) => [
        r.centerId,
        r.lastVisitAt,
      ]),
    );
    expect(lastVisit).toEqual({
      [busy.center.id]: '2026-11-26T04:01:00.000Z',
      [quiet.center.id]: '2026-11-25T17:00:00.000Z',
    });
    // Government viewers see when centres were visited (a date, not the notes), not the earnings.
    const viewed = await get(outsiders.gov, `/api/v1/counties/${a.county.id}/leaderboard`);
    expect(viewed.status).toBe(200);
    for (const row of viewed.body.items) {
      expect(row).toMatchObject({ lastVisitAt: lastVisit[row.centerId], earningsFen: null });
    }
    const fresh = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const perf = await get(fresh.partner.token, `/api/v1/centers/${fresh.center.id}/performance`);
    expect(perf.body.lastVisitAt).toBeNull();
  });
});
