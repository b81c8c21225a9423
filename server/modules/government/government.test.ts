import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, makeUser, openCentreWithPartner, post } from '../../../test/scenarios.ts';

const agreement = {
  title: '农村电子商务合作协议',
  signedOn: '2026-03-01',
  validUntil: '2029-02-28',
  terms: '县政府提供县级运营中心场地三年，并按开业服务站数量给予补贴。',
  subsidyFen: 50_000_000,
  documents: [{ name: '协议扫描件', url: 'https://files.example.cn/agreements/scx-2026.pdf' }],
};

describeDb('government: agreements and the read-only dashboard', () => {
  let t: TestApp;
  let hq: string;
  let a: Awaited<ReturnType<typeof countyWithStaff>>;
  let b: Awaited<ReturnType<typeof countyWithStaff>>;
  let gov: string;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    a = await countyWithStaff(t, hq);
    b = await countyWithStaff(t, hq);
    gov = (await makeUser(t, a.staff.token, 'gov_viewer', { countyId: a.county.id })).token;
  });
  afterAll(() => t.close());

  const rows = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('gov_agreements')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('records agreements by HQ and the county staff; the government reads them', async () => {
    const made = await post(t, a.staff.token, `/api/v1/counties/${a.county.id}/agreements`, agreement);
    expect(made).toMatchObject({ ...agreement, countyId: a.county.id });
    await post(t, hq, `/api/v1/counties/${a.county.id}/agreements`, {
      ...agreement,
      title: '物流补贴补充协议',
      signedOn: '2026-06-01',
      validUntil: null,
      subsidyFen: 1_000_000,
      documents: undefined,
    });
    const list = await t.request('GET', `/api/v1/counties/${a.county.id}/agreements`, { token: gov });
    expect(list.body.items.map((x: { title: string }) => x.title)).toEqual([
      '物流补贴补充协议',
      '农村电子商务合作协议',
    ]);
  });

  it('refuses bad agreements, other counties and read-only roles without writing', async () => {
    const before = await rows();
    for (const body of [
      { ...agreement, signedOn: '2026-13-01' },
      { ...agreement, validUntil: '2025-01-01' },
      { ...agreement, subsidyFen: -1 },
      { ...agreement, subsidyFen: '100' },
      { ...agreement, documents: [{ name: 'x', url: 'javascript:alert(1)' }] },
      { ...agreement, terms: undefined },
    ]) {
      const res = await t.request('POST', `/api/v1/counties/${a.county.id}/agreements`, {
        token: a.staff.token,
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const foreign = await t.request('POST', `/api/v1/counties/${a.county.id}/agreements`, {
      token: b.staff.token,
      body: agreement,
    });
    expect(foreign.status).toBe(404);
    expect(
      (await t.request('POST', `/api/v1/counties/${a.county.id}/agreements`, { token: gov, body: agreement }))
        .status,
    ).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/counties/${a.county.id}/agreements`, { token: b.staff.token })).status,
    ).toBe(404);
    expect(await rows()).toBe(before);
  });

  it('shows the county government its dashboard and nobody else’s', async () => {
    await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    await post(t, a.staff.token, '/api/v1/centers', {
      villageId: a.village.id,
      name: '筹建服务站',
      address: '村口',
    });
    await post(t, a.staff.token, '/api/v1/recruitment/applications', {
      countyId: a.county.id,
      villageId: a.village.id,
      name: '申请人',
      phone: '13600000001',
      profile: 'other',
      answers: { hasPremises: true },
    });
    const res = await t.request('GET', `/api/v1/gov/dashboard?countyId=${a.county.id}`, { token: gov });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      countyId: a.county.id,
      villages: 1,
      villagesCovered: 1,
      centers: { planned: 1, open: 1, suspended: 0, closed: 0 },
      partners: { total: 1, certified: 1 },
      recruitment: {
        countyId: a.county.id,
        stages: { submitted: 1, interviewed: 0, approved: 0, rejected: 0 },
        certified: 0,
        open: 0,
      },
      agreements: { count: 2, inForce: true, subsidyFen: 51_000_000 },
    });
    expect(
      (await t.request('GET', `/api/v1/gov/dashboard?countyId=${b.county.id}`, { token: gov })).status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/v1/gov/dashboard?countyId=${a.county.id}`, { token: hq })).status,
    ).toBe(200);
  });
});
