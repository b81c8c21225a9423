import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, makeUser, post } from '../../../test/scenarios.ts';

const count = async (
  t: TestApp,
  table: 'courses' | 'training_sessions' | 'training_attendance' | 'certificates',
) =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A planned centre with a partner assigned but not yet open. */
async function plannedCentreWithPartner(t: TestApp, staff: string, countyId: string, villageId: string) {
  const center = await post(t, staff, '/api/v1/centers', {
    villageId,
    name: '培训测试服务站',
    address: '村口',
  });
  const partner = await makeUser(t, staff, 'partner', { countyId });
  await post(t, staff, `/api/v1/centers/${center.id}/partner`, { userId: partner.user.id }, 200);
  return { center, partner };
}

describeDb('training: courses, sessions, attendance, certification', () => {
  let t: TestApp;
  let hq: string;
  let a: Awaited<ReturnType<typeof countyWithStaff>>;
  let b: Awaited<ReturnType<typeof countyWithStaff>>;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    a = await countyWithStaff(t, hq);
    b = await countyWithStaff(t, hq);
  });
  afterAll(() => t.close());

  it('certifies every partner while no course is required for opening', async () => {
    const { partner } = await plannedCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const res = await t.request('GET', `/api/v1/partners/${partner.user.id}`, { token: a.staff.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      userId: partner.user.id,
      certified: true,
      requiredCourses: [],
      certificates: [],
    });
    expect(res.body.centerId).toBeTruthy();
  });

  it('lets only HQ create courses, with valid input and unique titles', async () => {
    const before = await count(t, 'courses');
    const optional = await post(t, hq, '/api/v1/courses', {
      title: '网上销售进阶',
      requiredForOpening: false,
    });
    expect(optional).toMatchObject({ title: '网上销售进阶', requiredForOpening: false });
    expect(
      (
        await t.request('POST', '/api/v1/courses', {
          token: hq,
          body: { title: '网上销售进阶', requiredForOpening: true },
        })
      ).status,
    ).toBe(409);
    for (const body of [
      { title: '无', requiredForOpening: 'true' },
      { requiredForOpening: true },
      { title: ' ', requiredForOpening: true },
    ]) {
      const res = await t.request('POST', '/api/v1/courses', { token: hq, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const staff = await t.request('POST', '/api/v1/courses', {
      token: a.staff.token,
      body: { title: 'x', requiredForOpening: true },
    });
    expect(staff.status).toBe(403);
    expect(await count(t, 'courses')).toBe(before + 1);
    // An optional course blocks nobody.
    const { center } = await plannedCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    await post(t, a.staff.token, `/api/v1/centers/${center.id}/open`, undefined, 200);
  });

  it('keeps a centre closed until its partner passes every required course, then opens it', async () => {
    const course = await post(t, hq, '/api/v1/courses', {
      title: '服务站开业必修课',
      requiredForOpening: true,
    });
    const { center, partner } = await plannedCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);

    const refused = await t.request('POST', `/api/v1/centers/${center.id}/open`, { token: a.staff.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'invalid_state',
      details: { reason: 'partner_not_certified', missingCourses: [{ courseId: course.id, passed: false }] },
    });
    expect(
      (await t.request('GET', `/api/v1/centers/${center.id}`, { token: a.staff.token })).body.status,
    ).toBe('planned');

    const session = await post(t, a.staff.token, '/api/v1/training/sessions', {
      countyId: a.county.id,
      courseId: course.id,
      startsAt: '2026-12-01T01:30:00Z',
      trainer: '县运营中心 李老师',
    });
    expect(session).toMatchObject({
      countyId: a.county.id,
      courseId: course.id,
      trainer: '县运营中心 李老师',
    });

    const failed = await post(t, a.staff.token, `/api/v1/training/sessions/${session.id}/attendance`, {
      userId: partner.user.id,
      passed: false,
      score: 45,
    });
    expect(failed).toMatchObject({ passed: false, score: 45, certificateId: null });
    expect(
      (await t.request('POST', `/api/v1/centers/${center.id}/open`, { token: a.staff.token })).status,
    ).toBe(409);

    // The retake is another session; the first result stands.
    const again = await t.request('POST', `/api/v1/training/sessions/${session.id}/attendance`, {
      token: a.staff.token,
      body: { userId: partner.user.id, passed: true },
    });
    expect(again.status).toBe(409);
    const retake = await post(t, a.staff.token, '/api/v1/training/sessions', {
      countyId: a.county.id,
      courseId: course.id,
      startsAt: '2026-12-08T01:30:00Z',
      trainer: '县运营中心 李老师',
    });
    const passed = await post(t, a.staff.token, `/api/v1/training/sessions/${retake.id}/attendance`, {
      userId: partner.user.id,
      passed: true,
      score: 88,
    });
    expect(passed.certificateId).toBeTruthy();

    const profile = (await t.request('GET', `/api/v1/partners/${partner.user.id}`, { token: partner.token }))
      .body;
    expect(profile).toMatchObject({
      userId: partner.user.id,
      centerId: center.id,
      certified: true,
      requiredCourses: [{ courseId: course.id, passed: true }],
      certificates: [
        { courseId: course.id, courseTitle: '服务站开业必修课', score: 88, sessionId: retake.id },
      ],
    });
    expect(profile.certificates[0].certificateNo).toMatch(/^CT\d{4}-[0-9A-F]{10}$/);

    const opened = await post(t, a.staff.token, `/api/v1/centers/${center.id}/open`, undefined, 200);
    expect(opened.status).toBe('open');

    const detail = await t.request('GET', `/api/v1/training/sessions/${retake.id}`, { token: a.staff.token });
    expect(detail.body.attendance).toEqual([
      expect.objectContaining({ userId: partner.user.id, passed: true, certificateId: passed.certificateId }),
    ]);
    const board = await t.request('GET', `/api/v1/training/partners?countyId=${a.county.id}`, {
      token: a.staff.token,
    });
    expect(board.body.items.find((p: { userId: string }) => p.userId === partner.user.id)).toMatchObject({
      certified: true,
    });
    const sessions = await t.request('GET', `/api/v1/training/sessions?countyId=${a.county.id}`, {
      token: a.staff.token,
    });
    expect(sessions.body.items.map((s: { id: string }) => s.id)).toEqual([retake.id, session.id]);
  });

  it('refuses bad sessions and attendance, changing nothing', async () => {
    const [course] = (await t.request('GET', '/api/v1/courses', { token: a.staff.token })).body.items;
    const sessionsBefore = await count(t, 'training_sessions');
    for (const body of [
      { countyId: a.county.id, courseId: 'no-such-course', startsAt: '2026-12-01T01:30:00Z', trainer: 'x' },
      { countyId: a.county.id, courseId: course.id, startsAt: 'next tuesday', trainer: 'x' },
      { countyId: a.county.id, courseId: course.id, startsAt: '2026-12-01T01:30:00Z' },
    ]) {
      const res = await t.request('POST', '/api/v1/training/sessions', { token: a.staff.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const session = await post(t, a.staff.token, '/api/v1/training/sessions', {
      countyId: a.county.id,
      courseId: course.id,
      startsAt: '2026-12-15T01:30:00Z',
      trainer: '李老师',
    });
    const attendanceBefore = await count(t, 'training_attendance');
    const { partner } = await plannedCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const otherPartner = await makeUser(t, b.staff.token, 'partner', { countyId: b.county.id });
    for (const body of [
      { userId: partner.user.id, passed: 'yes' },
      { userId: partner.user.id, passed: true, score: 101 },
      { userId: otherPartner.user.id, passed: true },
      { userId: a.staff.user.id, passed: true },
    ]) {
      const res = await t.request('POST', `/api/v1/training/sessions/${session.id}/attendance`, {
        token: a.staff.token,
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await count(t, 'training_sessions')).toBe(sessionsBefore + 1);
    expect(await count(t, 'training_attendance')).toBe(attendanceBefore);
  });

  it("keeps another county's staff and partners out", async () => {
    const [course] = (await t.request('GET', '/api/v1/courses', { token: a.staff.token })).body.items;
    const session = await post(t, a.staff.token, '/api/v1/training/sessions', {
      countyId: a.county.id,
      courseId: course.id,
      startsAt: '2026-12-20T01:30:00Z',
      trainer: '李老师',
    });
    const { partner } = await plannedCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const foreign = await t.request('POST', '/api/v1/training/sessions', {
      token: b.staff.token,
      body: { countyId: a.county.id, courseId: course.id, startsAt: '2026-12-20T01:30:00Z', trainer: 'x' },
    });
    expect(foreign.status).toBe(403);
    const attend = await t.request('POST', `/api/v1/training/sessions/${session.id}/attendance`, {
      token: b.staff.token,
      body: { userId: partner.user.id, passed: true },
    });
    expect(attend.status).toBe(404);
    expect(
      (await t.request('GET', `/api/v1/training/sessions/${session.id}`, { token: b.staff.token })).status,
    ).toBe(404);
    const listed = await t.request('GET', `/api/v1/training/sessions?countyId=${a.county.id}`, {
      token: b.staff.token,
    });
    expect(listed.body.items).toEqual([]);
    expect(
      (await t.request('GET', `/api/v1/training/partners?countyId=${a.county.id}`, { token: b.staff.token }))
        .status,
    ).toBe(403);

    // A partner's record: itself, its county and HQ; not another county, not another partner.
    const otherPartner = await makeUser(t, b.staff.token, 'partner', { countyId: b.county.id });
    expect(
      (await t.request('GET', `/api/v1/partners/${partner.user.id}`, { token: b.staff.token })).status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/v1/partners/${partner.user.id}`, { token: otherPartner.token })).status,
    ).toBe(404);
    expect((await t.request('GET', `/api/v1/partners/${partner.user.id}`, { token: hq })).status).toBe(200);
    const gov = await makeUser(t, a.staff.token, 'gov_viewer', { countyId: a.county.id });
    expect((await t.request('GET', `/api/v1/partners/${partner.user.id}`, { token: gov.token })).status).toBe(
      200,
    );
    expect((await t.request('GET', `/api/v1/partners/${a.county.id}`, { token: hq })).status).toBe(404);
  });
});
