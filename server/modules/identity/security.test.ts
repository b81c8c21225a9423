import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, PASSWORD, signIn } from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';

describeDb('identity: password policy, lock-out, session lifetime', () => {
  let t: TestApp;
  let hq: string;
  let countyId: string;
  const clock = fixedClock(new Date('2026-11-26T08:00:00Z'));
  const users = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  beforeAll(async () => {
    t = await createTestApp({
      clock,
      loginLimits: { failuresPerLogin: 3, attemptsPerAddress: 600, windowMs: 60_000 },
    });
    hq = await hqAdmin(t);
    countyId = (await countyWithStaff(t, hq)).county.id;
  });
  afterAll(() => t.close());

  it('refuses short passwords, the login as password and the most common passwords', async () => {
    const before = await users();
    const cases = [
      { login: 'li-wei', password: 'short1' },
      { login: 'zhang.san.2026', password: 'Zhang.San.2026' },
      { login: 'wang-fang', password: '12345678' },
      { login: 'chen-jie', password: 'Password1' },
      { login: 'zhao-lei', password: 'woaini1314' },
    ];
    for (const c of cases) {
      const res = await t.request('POST', '/api/v1/users', {
        token: hq,
        body: { ...c, displayName: '新用户', role: 'gov_viewer', countyId },
      });
      expect(res.status, c.password).toBe(400);
      expect(res.body.error.details.fields[0].field).toBe('password');
    }
    const buyer = await t.request('POST', '/api/v1/store/accounts', {
      body: { login: 'city-buyer', password: 'qwerty123', displayName: '买家' },
    });
    expect(buyer.status).toBe(400);
    expect(await users()).toBe(before);
    await signIn(
      t,
      (
        await t.request('POST', '/api/v1/users', {
          token: hq,
          body: { login: 'li-wei', password: PASSWORD, displayName: '李伟', role: 'gov_viewer', countyId },
        })
      ).body.login,
    );
  });

  it('locks a login out after repeated failures from one address, and only that login', async () => {
    const login = (l: string, password: string) =>
      t.request('POST', '/api/v1/auth/login', { body: { login: l, password } });
    for (let i = 0; i < 3; i++) expect((await login('li-wei', 'wrong-password')).status).toBe(401);
    const locked = await login('li-wei', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    expect(locked.body.error.message).not.toMatch(/li-wei/);
    expect((await login('li-wei-other', 'wrong-password')).status).toBe(401);
  });

  it('a success clears the failures counted so far', async () => {
    const res = await t.request('POST', '/api/v1/users', {
      token: hq,
      body: { login: 'sun-li', password: PASSWORD, displayName: '孙丽', role: 'gov_viewer', countyId },
    });
    expect(res.status).toBe(201);
    const login = (password: string) =>
      t.request('POST', '/api/v1/auth/login', { body: { login: 'sun-li', password } });
    for (let round = 0; round < 3; round++) {
      expect((await login('wrong-password')).status).toBe(401);
      expect((await login('wrong-password')).status).toBe(401);
      expect((await login(PASSWORD)).status).toBe(200);
    }
  });

  it('ends a session after CUNTONG_SESSION_TTL_HOURS (12 h here)', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { login: 'sun-li', password: PASSWORD },
    });
    expect(res.body.expiresAt).toBe('2026-11-26T20:00:00.000Z');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    clock.advance(12 * 3_600_000 - 60_000);
    expect((await t.request('GET', '/api/v1/me', { token: res.body.token })).status).toBe(200);
    clock.advance(61_000);
    const late = await t.request('GET', '/api/v1/me', { token: res.body.token });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('unauthenticated');
  });
});
