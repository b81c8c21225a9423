import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, makeUser, makeVillage, post, signIn } from '../../../test/scenarios.ts';
import { expectTallyMatchesRecount } from '../../../test/tallies.ts';
import { rebuildApplicationCounts } from './application-counts.ts';

const applications = async (t: TestApp) =>
  Number(
    (
      await t.deps.db
        .selectFrom('recruitment_applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let phoneSeq = 0;
const phone = () => `1370000${String(++phoneSeq).padStart(4, '0')}`;

const storeOwner = (countyId: string, villageId: string, overrides: Record<string, unknown> = {}) => ({
  countyId,
  villageId,
  name: '周小芳',
  phone: phone(),
  profile: 'store_owner',
  answers: {
    location: 'main_road',
    storeSizeSqm: 35,
    yearsInBusiness: 3,
    learnsFast: true,
    usesMobilePayment: false,
  },
  ...overrides,
});

describeDb('recruitment: applications, interviews, decisions', () => {
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

  it('takes applications from the public form and from county staff, scored by the rubric', async () => {
    const res = await t.request('POST', '/api/v1/recruitment/applications', {
      body: storeOwner(a.county.id, a.village.id),
    });
    expect(res.status).toBe(201);
    // main_road 20 + 35 m² 15 + 3 years 12 + learns fast 20 + no mobile payment 0
    expect(res.body).toMatchObject({ status: 'submitted', score: 67, maxScore: 100 });
    expect(res.body.id).toBeTruthy();

    const staffFiled = await post(t, a.staff.token, '/api/v1/recruitment/applications', {
      countyId: a.county.id,
      villageId: a.village.id,
      name: '吴小龙',
      phone: phone(),
      profile: 'returning_youth',
      answers: {
        onlineSellingMonths: 18,
        education: 'college',
        yearsInCity: 4,
        hasPremises: true,
        learnsFast: true,
        motivation: '帮家乡卖笋干',
      },
    });
    expect(staffFiled).toMatchObject({ status: 'submitted', score: 28 + 20 + 10 + 15 + 15 });

    const list = await t.request('GET', `/api/v1/recruitment/applications?countyId=${a.county.id}`, {
      token: a.staff.token,
    });
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([staffFiled.id, res.body.id]);
    expect(list.body.items[0]).toMatchObject({
      source: 'county_staff',
      answers: { motivation: '帮家乡卖笋干' },
      rubricVersion: 0,
    });
    expect(list.body.items[1]).toMatchObject({ source: 'public_form', status: 'submitted' });
    const hqList = await t.request(
      'GET',
      `/api/v1/recruitment/applications?countyId=${a.county.id}&status=submitted`,
      { token: hq },
    );
    expect(hqList.body.items).toHaveLength(2);
  });

  it('refuses bad applications and other roles, writing nothing', async () => {
    const before = await applications(t);
    const other = await makeVillage(t, hq, b.county.id);
    for (const body of [
      storeOwner(a.county.id, a.village.id, { phone: '12345' }),
      storeOwner(a.county.id, a.village.id, { profile: 'influencer' }),
      storeOwner(a.county.id, other.id),
      storeOwner('no-such-county', a.village.id),
      storeOwner(a.county.id, a.village.id, { answers: { location: 'on_the_moon', storeSizeSqm: '40' } }),
      storeOwner(a.county.id, a.village.id, { answers: undefined }),
      storeOwner(a.county.id, a.village.id, { name: '' }),
    ]) {
      const res = await t.request('POST', '/api/v1/recruitment/applications', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const wrongAnswer = await t.request('POST', '/api/v1/recruitment/applications', {
      body: storeOwner(a.county.id, a.village.id, { answers: { learnsFast: 'yes' } }),
    });
    expect(wrongAnswer.body.error.details.fields).toEqual([
      { field: 'answers.learnsFast', message: 'must be true or false' },
    ]);

    const partner = await makeUser(t, a.staff.token, 'partner', { countyId: a.county.id });
    const byPartner = await t.request('POST', '/api/v1/recruitment/applications', {
      token: partner.token,
      body: storeOwner(a.county.id, a.village.id),
    });
    expect(byPartner.status).toBe(403);
    const byOtherCounty = await t.request('POST', '/api/v1/recruitment/applications', {
      token: b.staff.token,
      body: storeOwner(a.county.id, a.village.id),
    });
    expect(byOtherCounty.status).toBe(403);

    const once = storeOwner(a.county.id, a.village.id);
    await post(t, a.staff.token, '/api/v1/recruitment/applications', once);
    const twice = await t.request('POST', '/api/v1/recruitment/applications', { body: once });
    expect(twice.status).toBe(409);
    expect(await applications(t)).toBe(before + 1);

    expect(
      (
        await t.request('GET', `/api/v1/recruitment/applications?countyId=${a.county.id}`, {
          token: b.staff.token,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request('GET', `/api/v1/recruitment/pipeline?countyId=${a.county.id}`, {
          token: b.staff.token,
        })
      ).status,
    ).toBe(403);
  });

  it('approves an application into a partner account linked to the village centre', async () => {
    const village = await makeVillage(t, a.staff.token, a.county.id, { name: '石练村' });
    const filed = await post(
      t,
      a.staff.token,
      '/api/v1/recruitment/applications',
      storeOwner(a.county.id, village.id, { name: '吴建军' }),
    );
    const note = await post(t, a.staff.token, `/api/v1/recruitment/applications/${filed.id}/notes`, {
      body: '店面在村口，口碑好；会用手机收款。',
    });
    expect(note).toMatchObject({ applicationId: filed.id, body: '店面在村口，口碑好；会用手机收款。' });
    const detail = await t.request('GET', `/api/v1/recruitment/applications/${filed.id}`, {
      token: a.staff.token,
    });
    expect(detail.body).toMatchObject({ status: 'interviewed', notes: [{ id: note.id }] });

    // Another county's staff neither sees nor decides it; HQ may look but the decision is the county's.
    expect(
      (await t.request('GET', `/api/v1/recruitment/applications/${filed.id}`, { token: b.staff.token }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `/api/v1/recruitment/applications/${filed.id}/approve`, {
          token: b.staff.token,
          body: {},
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `/api/v1/recruitment/applications/${filed.id}/notes`, {
          token: b.staff.token,
          body: { body: 'x' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `/api/v1/recruitment/applications/${filed.id}/approve`, {
          token: hq,
          body: {},
        })
      ).status,
    ).toBe(403);

    const approved = await post(
      t,
      a.staff.token,
      `/api/v1/recruitment/applications/${filed.id}/approve`,
      {},
      200,
    );
    const phoneNo = detail.body.phone;
    expect(approved.application).toMatchObject({ status: 'approved', partnerUserId: approved.partner.id });
    expect(approved.partner).toMatchObject({ login: phoneNo, displayName: '吴建军' });
    expect(approved.center).toMatchObject({ name: '石练村服务站', status: 'planned', villageId: village.id });
    expect(approved.initialPassword).toMatch(/^[A-Za-z2-9]{10}$/);

    const partnerToken = await signIn(t, phoneNo, approved.initialPassword);
    const me = (await t.request('GET', '/api/v1/me', { token: partnerToken })).body;
    expect(me).toMatchObject({ role: 'partner', countyId: a.county.id, centerId: approved.center.id });
    const centre = (await t.request('GET', `/api/v1/centers/${approved.center.id}`, { token: a.staff.token }))
      .body;
    expect(centre.partnerUserId).toBe(approved.partner.id);

    const twice = await t.request('POST', `/api/v1/recruitment/applications/${filed.id}/approve`, {
      token: a.staff.token,
      body: {},
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('invalid_state');
    const reject = await t.request('POST', `/api/v1/recruitment/applications/${filed.id}/reject`, {
      token: a.staff.token,
      body: { reason: 'x' },
    });
    expect(reject.status).toBe(409);

    // No centre is free in the village now, so the next approval there plans a new one;
    // a centre named for it must be in its village.
    const second = await post(
      t,
      a.staff.token,
      '/api/v1/recruitment/applications',
      storeOwner(a.county.id, village.id, { name: '石练二号' }),
    );
    const wrongCentre = await t.request('POST', `/api/v1/recruitment/applications/${second.id}/approve`, {
      token: a.staff.token,
      body: { centerId: approved.center.id },
    });
    expect(wrongCentre.status).toBe(409);
    const otherVillageCentre = await post(t, a.staff.token, '/api/v1/centers', {
      villageId: a.village.id,
      name: '别村服务站',
      address: '别村',
    });
    const elsewhere = await t.request('POST', `/api/v1/recruitment/applications/${second.id}/approve`, {
      token: a.staff.token,
      body: { centerId: otherVillageCentre.id },
    });
    expect(elsewhere.status).toBe(400);
    const takenLogin = await t.request('POST', `/api/v1/recruitment/applications/${second.id}/approve`, {
      token: a.staff.token,
      body: { login: phoneNo },
    });
    expect(takenLogin.status).toBe(409);
    const centresBefore = (
      await t.request('GET', `/api/v1/centers?countyId=${a.county.id}`, { token: a.staff.token })
    ).body.items.length;
    expect(
      (await t.request('GET', `/api/v1/recruitment/applications/${second.id}`, { token: a.staff.token })).body
        .status,
    ).toBe('submitted');

    const withPassword = await post(
      t,
      a.staff.token,
      `/api/v1/recruitment/applications/${second.id}/approve`,
      {
        login: 'shilian2',
        password: 'village-pass-2026',
      },
      200,
    );
    expect(withPassword.initialPassword).toBeNull();
    expect(withPassword.center.id).not.toBe(approved.center.id);
    await signIn(t, 'shilian2', 'village-pass-2026');
    const centresAfter = (
      await t.request('GET', `/api/v1/centers?countyId=${a.county.id}`, { token: a.staff.token })
    ).body.items.length;
    expect(centresAfter).toBe(centresBefore + 1);
  });

  it('approves into the village’s free planned centre when there is one', async () => {
    const village = await makeVillage(t, a.staff.token, a.county.id);
    const planned = await post(t, a.staff.token, '/api/v1/centers', {
      villageId: village.id,
      name: '预建服务站',
      address: '村委会',
    });
    const filed = await post(
      t,
      a.staff.token,
      '/api/v1/recruitment/applications',
      storeOwner(a.county.id, village.id),
    );
    const approved = await post(
      t,
      a.staff.token,
      `/api/v1/recruitment/applications/${filed.id}/approve`,
      {},
      200,
    );
    expect(approved.center.id).toBe(planned.id);
    const profile = await t.request('GET', `/api/v1/partners/${approved.partner.id}`, {
      token: a.staff.token,
    });
    expect(profile.body).toMatchObject({ centerId: planned.id, certified: true });
  });

  it('rejects with a reason, and shows the pipeline of the county', async () => {
    const filed = await post(
      t,
      a.staff.token,
      '/api/v1/recruitment/applications',
      storeOwner(a.county.id, a.village.id),
    );
    const noReason = await t.request('POST', `/api/v1/recruitment/applications/${filed.id}/reject`, {
      token: a.staff.token,
      body: {},
    });
    expect(noReason.status).toBe(400);
    const foreign = await t.request('POST', `/api/v1/recruitment/applications/${filed.id}/reject`, {
      token: b.staff.token,
      body: { reason: '不合适' },
    });
    expect(foreign.status).toBe(404);
    const rejected = await post(
      t,
      a.staff.token,
      `/api/v1/recruitment/applications/${filed.id}/reject`,
      { reason: '店面已转让' },
      200,
    );
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '店面已转让' });

    const pipeline = (
      await t.request('GET', `/api/v1/recruitment/pipeline?countyId=${a.county.id}`, { token: a.staff.token })
    ).body;
    const all = (
      await t.request('GET', `/api/v1/recruitment/applications?countyId=${a.county.id}`, {
        token: a.staff.token,
      })
    ).body.items as Array<{ status: string }>;
    const byStatus = (s: string) => all.filter((x) => x.status === s).length;
    expect(pipeline).toEqual({
      countyId: a.county.id,
      stages: {
        submitted: byStatus('submitted'),
        interviewed: byStatus('interviewed'),
        approved: 3,
        rejected: 1,
      },
      certified: 3,
      open: 0,
    });
  });

  it('lets HQ change a rubric; new applications use it, old scores stay', async () => {
    const rubrics = (await t.request('GET', '/api/v1/recruitment/rubrics')).body.items;
    expect(rubrics.map((r: { profile: string }) => r.profile)).toEqual([
      'store_owner',
      'returning_youth',
      'other',
    ]);
    const old = await post(
      t,
      a.staff.token,
      '/api/v1/recruitment/applications',
      storeOwner(a.county.id, a.village.id),
    );
    const criteria = [
      { key: 'learnsFast', label: '学习能力强', kind: 'yes_no', points: 50 },
      { key: 'storeSizeSqm', label: '店铺面积', kind: 'number', bands: [{ atLeast: 30, points: 50 }] },
    ];
    expect(
      (
        await t.request('PUT', '/api/v1/recruitment/rubrics/store_owner', {
          token: a.staff.token,
          body: { criteria },
        })
      ).status,
    ).toBe(403);
    const dup = await t.request('PUT', '/api/v1/recruitment/rubrics/store_owner', {
      token: hq,
      body: { criteria: [criteria[0], criteria[0]] },
    });
    expect(dup.status).toBe(400);
    const saved = await t.request('PUT', '/api/v1/recruitment/rubrics/store_owner', {
      token: hq,
      body: { criteria },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ profile: 'store_owner', version: 1, maxScore: 100 });

    const fresh = await post(
      t,
      a.staff.token,
      '/api/v1/recruitment/applications',
      storeOwner(a.county.id, a.village.id),
    );
    expect(fresh.score).toBe(100);
    const kept = (
      await t.request('GET', `/api/v1/recruitment/applications/${old.id}`, { token: a.staff.token })
    ).body;
    expect(kept).toMatchObject({ score: old.score, rubricVersion: 0 });
  });

  it('lists counties and villages for the public form', async () => {
    const counties = await t.request('GET', '/api/v1/public/recruitment/counties');
    expect(counties.body.items.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([a.county.id, b.county.id]),
    );
    const villages = await t.request('GET', `/api/v1/public/recruitment/counties/${a.county.id}/villages`);
    expect(villages.body.items).toContainEqual({ id: a.village.id, name: a.village.name });
  });

  it('keeps the per-county application tallies equal to a recount after everything above', async () => {
    const kept = await expectTallyMatchesRecount(t.deps.db, 'application_counts', rebuildApplicationCounts);
    expect(kept.map((r) => r.status)).toEqual(expect.arrayContaining(['approved', 'rejected']));
  });
});
