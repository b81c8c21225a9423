import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, makeUser, PASSWORD, post } from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';

/** Sessions stay exact however often a token is used (the process may remember recent ones). */
describeDb('identity: a session in use ends and changes at once', () => {
  let t: TestApp;
  let hq: string;
  const clock = fixedClock(new Date());
  beforeAll(async () => {
    t = await createTestApp({ clock });
    hq = await hqAdmin(t);
  });
  afterAll(() => t.close());

  const me = (token: string) => t.request('GET', '/api/v1/me', { token });

  it('logout ends a session that was just in use, also for requests racing the logout', async () => {
    const { token } = await makeUser(t, hq, 'hq_admin');
    expect((await me(token)).status).toBe(200);
    const [racing, logout] = await Promise.all([
      me(token),
      t.request('POST', '/api/v1/auth/logout', { token }),
      me(token),
    ]);
    expect(racing.status).toBe(200);
    expect(logout.status).toBe(204);
    for (let i = 0; i < 3; i++) expect((await me(token)).status).toBe(401);
  });

  it('logging out one session leaves the user’s other sessions alone', async () => {
    const { login, token } = await makeUser(t, hq, 'hq_admin');
    const second = await t.request('POST', '/api/v1/auth/login', {
      body: { login, password: PASSWORD },
    });
    expect((await me(token)).status).toBe(200);
    expect((await me(second.body.token)).status).toBe(200);
    await t.request('POST', '/api/v1/auth/logout', { token: second.body.token });
    expect((await me(token)).status).toBe(200);
    expect((await me(second.body.token)).status).toBe(401);
  });

  it('a session in use expires on the minute', async () => {
    const { token } = await makeUser(t, hq, 'hq_admin');
    expect((await me(token)).status).toBe(200);
    clock.advance(t.deps.sessionTtlHours * 3_600_000 - 1_000);
    expect((await me(token)).status).toBe(200);
    clock.advance(1_000);
    expect((await me(token)).status).toBe(401);
    hq = await hqAdmin(t);
  });

  it('a partner signed in before being given a centre acts for it at once', async () => {
    const { county, village, staff } = await countyWithStaff(t, hq);
    const partner = await makeUser(t, staff.token, 'partner', { countyId: county.id });
    expect((await me(partner.token)).body.centerId).toBeNull();
    const centre = await post(t, staff.token, '/api/v1/centers', {
      villageId: village.id,
      name: '服务站 甲',
      address: '村委会旁',
    });
    await post(t, staff.token, `/api/v1/centers/${centre.id}/partner`, { userId: partner.user.id }, 200);
    expect((await me(partner.token)).body.centerId).toBe(centre.id);
  });
});
