import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  countyWithStaff,
  hqAdmin,
  makeUser,
  openCentreWithPartner,
  PASSWORD,
  post,
  signIn,
} from '../../../test/scenarios.ts';

describeDb('identity: login, sessions, users', () => {
  let t: TestApp;
  let hq: string;
  beforeAll(async () => {
    t = await createTestApp({
      loginLimits: { failuresPerLogin: 3, attemptsPerAddress: 1000, windowMs: 60_000 },
    });
    hq = await hqAdmin(t);
  });
  afterAll(() => t.close());

  it('logs in with the contract shape and answers /me', async () => {
    const { login } = await makeUser(t, hq, 'hq_admin');
    const res = await t.request('POST', '/api/v1/auth/login', { body: { login, password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      login,
      displayName: 'hq_admin 用户',
      role: 'hq_admin',
      countyId: null,
      centerId: null,
      merchantId: null,
    });
    const me = await t.request('GET', '/api/v1/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(res.body.user.id);
  });

  it('refuses wrong passwords and unknown logins alike', async () => {
    const { login } = await makeUser(t, hq, 'hq_admin');
    for (const body of [
      { login, password: 'wrong-password' },
      { login: 'nobody-here', password: PASSWORD },
    ]) {
      const res = await t.request('POST', '/api/v1/auth/login', { body });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_credentials');
    }
  });

  it('rate-limits repeated failures for one login with 429 rate_limited', async () => {
    const { login } = await makeUser(t, hq, 'hq_admin');
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.request('POST', '/api/v1/auth/login', { body: { login, password: 'nope-nope' } })).status,
      ).toBe(401);
    }
    const blocked = await t.request('POST', '/api/v1/auth/login', { body: { login, password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
  });

  it('logout revokes the token', async () => {
    const { token } = await makeUser(t, hq, 'hq_admin');
    expect((await t.request('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    const me = await t.request('GET', '/api/v1/me', { token });
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthenticated');
  });

  it('stores only a hash of the session token and an argon2id password hash', async () => {
    const { login, token } = await makeUser(t, hq, 'hq_admin');
    const sessions = await t.deps.db.selectFrom('sessions').select('token_hash').execute();
    expect(sessions.some((s) => s.token_hash === token)).toBe(false);
    const user = await t.deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('login', '=', login)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('expires sessions', async () => {
    const { login } = await makeUser(t, hq, 'hq_admin');
    const token = await signIn(t, login);
    await t.deps.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(401);
    hq = await hqAdmin(t);
  });

  it('hq_admin creates any role; validation names the field', async () => {
    const { county } = await countyWithStaff(t, hq);
    const short = await t.request('POST', '/api/v1/users', {
      token: hq,
      body: { login: 'shorty', password: 'short', displayName: 'x', role: 'partner', countyId: county.id },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('validation_failed');
    expect(short.body.error.message).toContain('password');
    const noCounty = await t.request('POST', '/api/v1/users', {
      token: hq,
      body: { login: 'staff-x', password: PASSWORD, displayName: 'x', role: 'county_staff' },
    });
    expect(noCounty.status).toBe(400);
    expect(noCounty.body.error.message).toContain('countyId');
    const badRole = await t.request('POST', '/api/v1/users', {
      token: hq,
      body: { login: 'role-x', password: PASSWORD, displayName: 'x', role: 'emperor' },
    });
    expect(badRole.status).toBe(400);
    const dup = await makeUser(t, hq, 'gov_viewer', { countyId: county.id });
    const again = await t.request('POST', '/api/v1/users', {
      token: hq,
      body: {
        login: dup.login,
        password: PASSWORD,
        displayName: 'x',
        role: 'gov_viewer',
        countyId: county.id,
      },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('county_staff creates partners and gov viewers of its own county only', async () => {
    const a = await countyWithStaff(t, hq);
    const b = await countyWithStaff(t, hq);
    const partner = await post(t, a.staff.token, '/api/v1/users', {
      login: `p-${Date.now()}`,
      password: PASSWORD,
      displayName: '周小芳',
      role: 'partner',
    });
    expect(partner.countyId).toBe(a.county.id);
    for (const body of [
      { role: 'county_staff', countyId: a.county.id },
      { role: 'hq_admin' },
      { role: 'partner', countyId: b.county.id },
      { role: 'gov_viewer', countyId: b.county.id },
    ]) {
      const res = await t.request('POST', '/api/v1/users', {
        token: a.staff.token,
        body: {
          login: `x-${Math.random().toString(36).slice(2)}`,
          password: PASSWORD,
          displayName: 'x',
          ...body,
        },
      });
      expect(res.status, JSON.stringify(body)).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    const before = await t.deps.db.selectFrom('users').select('id').execute();
    const { center, partner: p } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    for (const token of [p.token, (await makeUser(t, hq, 'gov_viewer', { countyId: a.county.id })).token]) {
      const res = await t.request('POST', '/api/v1/users', {
        token,
        body: {
          login: 'sneaky-user',
          password: PASSWORD,
          displayName: 'x',
          role: 'partner',
          centerId: center.id,
        },
      });
      expect(res.status).toBe(403);
    }
    const after = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'sneaky-user')
      .execute();
    expect(after).toHaveLength(0);
    expect(before.length).toBeGreaterThan(0);
  });

  it('lists users within scope', async () => {
    const a = await countyWithStaff(t, hq);
    const b = await countyWithStaff(t, hq);
    await makeUser(t, a.staff.token, 'partner');
    const own = await t.request('GET', '/api/v1/users?role=partner', { token: a.staff.token });
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBe(1);
    expect(own.body.items.every((u: { countyId: string }) => u.countyId === a.county.id)).toBe(true);
    const other = await t.request('GET', `/api/v1/users?countyId=${b.county.id}`, { token: a.staff.token });
    expect(other.status).toBe(403);
  });

  it('audits every accepted write with who, what and which county', async () => {
    const a = await countyWithStaff(t, hq);
    const rows = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('county_id', '=', a.county.id)
      .execute();
    const routes = rows.map((r) => r.route);
    expect(routes).toContain('/api/v1/counties');
    expect(routes).toContain('/api/v1/counties/:countyId/villages');
    expect(routes).toContain('/api/v1/users');
    expect(rows.every((r) => r.user_id && r.at && r.status_code < 400)).toBe(true);
  });
});
