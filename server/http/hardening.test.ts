import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../test/harness.ts';
import { countyWithStaff, hqAdmin } from '../../test/scenarios.ts';

/** What the route fuzzer (test/fuzz.test.ts) found, each pinned by its own case. */
describeDb('http shell: malformed requests found by fuzzing', () => {
  let t: TestApp;
  let hq: string;
  let countyId: string;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    countyId = (await countyWithStaff(t, hq)).county.id;
  });
  afterAll(() => t.close());

  it('refuses a text/plain body, even on an action without a body schema', async () => {
    const res = await t.request('POST', '/api/v1/auth/logout', {
      token: hq,
      body: 'bye',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    expect((await t.request('GET', '/api/v1/me', { token: hq })).status).toBe(200);
  });

  it('answers an overlong path segment in the error shape', async () => {
    const res = await t.request('GET', `/api/v1/centers/${'x'.repeat(500)}`, { token: hq });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('refuses an offset past any real list instead of failing in the database', async () => {
    const res = await t.request('GET', '/api/v1/centers?offset=100000000000000000000', { token: hq });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].field).toBe('offset');
    expect((await t.request('GET', '/api/v1/centers?offset=10000000', { token: hq })).status).toBe(200);
  });

  it('answers HQ with 404 for an unknown merchant’s payable and an unknown county’s agreements', async () => {
    const unknown = '01900000-0000-7000-8000-00000000dead';
    const payable = await t.request('GET', `/api/v1/merchants/${unknown}/payable?month=2026-11`, {
      token: hq,
    });
    expect(payable.status).toBe(404);
    const agreements = await t.request('GET', `/api/v1/counties/${unknown}/agreements`, { token: hq });
    expect(agreements.status).toBe(404);
    const known = await t.request('GET', `/api/v1/counties/${countyId}/agreements`, { token: hq });
    expect(known.status).toBe(200);
  });

  it('answers the public village list of an unknown county with 404', async () => {
    const unknown = await t.request(
      'GET',
      '/api/v1/public/recruitment/counties/01900000-0000-7000-8000-00000000dead/villages',
    );
    expect(unknown.status).toBe(404);
    const known = await t.request('GET', `/api/v1/public/recruitment/counties/${countyId}/villages`);
    expect(known.status).toBe(200);
    expect(known.body.items).toHaveLength(1);
  });
});
