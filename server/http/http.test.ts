import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../test/harness.ts';
import { hqAdmin, makeUser, PASSWORD } from '../../test/scenarios.ts';

describeDb('http shell: health, docs, errors, headers', () => {
  let t: TestApp;
  let hq: string;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
  });
  afterAll(() => t.close());

  it('answers /health once the database answers', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('publishes the OpenAPI document with every API route', async () => {
    const res = await t.request('GET', '/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/centers',
      '/api/v1/centers/{id}/open',
      '/api/v1/notifications',
    ]) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.request('GET', '/api/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers malformed JSON with 400 validation_failed and writes nothing', async () => {
    const res = await t.request('POST', '/api/v1/counties', {
      token: hq,
      body: '{"code": "X1", "name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await t.deps.db.selectFrom('counties').select('id').execute()).toHaveLength(0);
  });

  it('refuses other content types and oversized bodies in the error shape', async () => {
    const text = await t.request('POST', '/api/v1/counties', {
      token: hq,
      body: 'code=X1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
    const huge = await t.request('POST', '/api/v1/auth/login', {
      body: JSON.stringify({ login: 'x'.repeat(2_000_000), password: 'y' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('names the failing field in validation errors', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { password: PASSWORD } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].field).toBe('login');
    expect(res.body.error.message).toContain('login');
  });

  it('checks the role before reading the body, and 401s without a token', async () => {
    const anon = await t.request('POST', '/api/v1/counties', { body: {} });
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('unauthenticated');
    const garbage = await t.request('GET', '/api/v1/me', { token: 'not-a-real-token-at-all-xxxxxxxx' });
    expect(garbage.status).toBe(401);
    const { token } = await makeUser(t, hq, 'buyer');
    const buyer = await t.request('POST', '/api/v1/counties', { token, body: {} });
    expect(buyer.status).toBe(403);
    expect(buyer.body.error.code).toBe('forbidden');
  });

  it('sets request ids and security headers', async () => {
    const res = await t.request('GET', '/health', { headers: { 'x-request-id': 'scan-gun-42' } });
    expect(res.headers['x-request-id']).toBe('scan-gun-42');
    const fresh = await t.request('GET', '/health');
    expect(String(fresh.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('accepts the session cookie, and demands the CSRF header on cookie writes', async () => {
    const { login } = await makeUser(t, hq, 'hq_admin');
    const res = await t.request('POST', '/api/v1/auth/login', { body: { login, password: PASSWORD } });
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    expect(String(res.headers['set-cookie'])).toContain('HttpOnly');
    const me = await t.request('GET', '/api/v1/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    const county = { code: 'CK-1', name: '县', province: '省', hub: { lat: 1, lon: 1, address: 'a' } };
    const forged = await t.request('POST', '/api/v1/counties', { headers: { cookie }, body: county });
    expect(forged.status).toBe(403);
    const ours = await t.request('POST', '/api/v1/counties', {
      headers: { cookie, 'x-cuntong-csrf': '1' },
      body: county,
    });
    expect(ours.status).toBe(201);
  });

  it('accepts an empty JSON body on action endpoints', async () => {
    const res = await t.request('POST', '/api/v1/auth/logout', {
      token: (await makeUser(t, hq, 'hq_admin')).token,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(204);
  });
});
