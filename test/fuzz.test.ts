import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from './harness.ts';
import { operationsOf, type Variant, variantsOf } from './openapi-fuzz.ts';
import { hqAdmin } from './scenarios.ts';
import {
  allTables,
  changedTables,
  idForParam,
  type PopulatedCounty,
  populatedCounty,
  snapshot,
} from './world.ts';

/**
 * Every route gets malformed input generated from its OpenAPI schema (fast-check, fixed
 * seeds): wrong types, missing fields, huge strings, negative, fractional and huge numbers,
 * unknown ids, broken JSON, other content types, a body over 1 MiB. Each is sent by a role
 * the route admits, on top of real ids, so it gets as far as it can. The answer is always a
 * 4xx in the error shape, no row of any table changes (no table is exempt: a refused
 * request writes nothing, the audit log included), and the server keeps answering /health.
 */
describeDb('fuzzing every route with malformed input', () => {
  let t: TestApp;
  let world: PopulatedCounty;
  let tables: string[];

  /** Who sends a route's variants: every role it admits, each down its own code path. */
  const preference = ['county_staff', 'partner', 'merchant', 'hq_admin', 'gov_viewer', 'buyer'] as const;

  /** Routes that take more than 1 MiB (up to 8 MiB): a big JSON body is refused by its content. */
  const largeBodies = new Set([
    'POST /api/v1/products/{id}/photos',
    'PUT /api/v1/counties/{id}/road-distances',
  ]);

  beforeAll(async () => {
    t = await createTestApp();
    world = await populatedCounty(t, await hqAdmin(t));
    tables = await allTables(t);
  }, 120_000);
  afterAll(() => t.close());

  const send = (v: Variant, method: string, token: string | null) =>
    t.app.inject({
      method: method as 'POST',
      url: v.url,
      headers: { ...v.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(v.payload === undefined ? {} : { payload: v.payload }),
    });

  it('answers every malformed request with a 4xx in the error shape and writes nothing', async () => {
    const doc = (await t.request('GET', '/docs/json')).body;
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      const callers = op.roles === 'public' ? [null] : preference.filter((r) => op.roles.includes(r));
      const before = await snapshot(t, tables);
      const variants = variantsOf(
        op,
        (param) => idForParam(world, op.path, param) ?? '01900000-0000-7000-8000-000000000000',
        world.byName,
      );
      for (const [v, role] of callers.flatMap((r) => variants.map((v) => [v, r] as const))) {
        const token = role ? world.tokens[role] : null;
        const res = await send(v, op.method, token);
        sent++;
        const where = `${role ?? 'anonymous'} ${op.method} ${op.path} [${v.name}] → ${res.statusCode}`;
        let body: { error?: { code?: unknown; message?: unknown } } | null = null;
        try {
          body = res.json();
        } catch {
          body = null;
        }
        if (res.statusCode >= 500) failures.push(`${where} ${res.body.slice(0, 200)}`);
        else if (v.probe) continue;
        else if (res.statusCode < 400) failures.push(`${where} accepted`);
        else if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')
          failures.push(`${where} without the error shape: ${res.body.slice(0, 200)}`);
        else if (token && res.statusCode === 401) failures.push(`${where}: the session was lost`);
        else if (
          v.name === 'over 1 MiB' &&
          res.statusCode !== 413 &&
          !largeBodies.has(`${op.method} ${op.path}`)
        )
          failures.push(`${where}: not 413`);
        if (failures.length > 200) break;
        if (/node_modules|\bat .+:\d+:\d+\)|SqliteError|syntax error at/.test(res.body))
          failures.push(`${where} shows internals: ${res.body.slice(0, 200)}`);
      }
      const changed = changedTables(before, await snapshot(t, tables));
      if (changed.length) failures.push(`${op.method} ${op.path} changed ${changed.join(', ')}`);
      const health = await t.request('GET', '/health');
      if (health.status !== 200) failures.push(`/health after ${op.method} ${op.path}: ${health.status}`);
    }
    expect(failures).toEqual([]);
    console.log(`fuzz: ${sent} requests over ${operations.length} operations`);
    expect(sent).toBeGreaterThan(1000);
    for (const token of Object.values(world.tokens))
      expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(200);
  }, 600_000);
});
