import { afterAll, beforeAll, expect, it } from 'vitest';
import { roles } from '../server/modules/identity/index.ts';
import { createTestApp, describeDb, type TestApp } from './harness.ts';
import { operationsOf, UNKNOWN_ID, wellFormed } from './openapi-fuzz.ts';
import { countyWithStaff, hqAdmin, makeUser, openCentreWithPartner, post } from './scenarios.ts';
import {
  allTables,
  changedTables,
  countyTeam,
  idForParam,
  type PopulatedCounty,
  populatedCounty,
  type RoleTokens,
  snapshot,
} from './world.ts';

const tables = [
  'counties',
  'villages',
  'centers',
  'users',
  'merchants',
  'audit_log',
  'idempotency_keys',
  'outbox',
] as const;

/**
 * The role half of the permission matrix, generated from the OpenAPI document: every route
 * is called by every role it does not admit (and anonymously) and must refuse without
 * changing a row. The scope half follows.
 */
describeDb('permission matrix: every route × every role', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    tokens.hq_admin = await hqAdmin(t);
    const a = await countyWithStaff(t, tokens.hq_admin);
    const { center, partner } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const merchant = await post(t, tokens.hq_admin, '/api/v1/merchants', {
      name: '矩阵农资',
      kind: 'retailer',
    });
    tokens.county_staff = a.staff.token;
    tokens.partner = partner.token;
    tokens.gov_viewer = (await makeUser(t, tokens.hq_admin, 'gov_viewer', { countyId: a.county.id })).token;
    tokens.merchant = (await makeUser(t, tokens.hq_admin, 'merchant', { merchantId: merchant.id })).token;
    tokens.buyer = (await makeUser(t, tokens.hq_admin, 'buyer')).token;
    ids = { id: center.id, countyId: a.county.id };
  });
  afterAll(() => t.close());

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        tables.map(async (table) => {
          const row = await t.deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          return [table, Number(row.n)] as const;
        }),
      ),
    );

  it('refuses every role a route does not admit, and writes nothing', async () => {
    const doc = (await t.request('GET', '/docs/json')).body;
    const before = await counts();
    let checked = 0;
    for (const [path, operations] of Object.entries<Record<string, { 'x-roles'?: string | string[] }>>(
      doc.paths,
    )) {
      if (!path.startsWith('/api/')) continue;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? ids.id!);
      for (const [method, op] of Object.entries(operations)) {
        const admitted = op['x-roles'];
        expect(admitted, `${method} ${path} documents its roles`).toBeDefined();
        if (admitted === 'public') continue;
        const anon = await t.request(method.toUpperCase(), url, { body: method === 'get' ? undefined : {} });
        expect(anon.status, `anonymous ${method} ${path}`).toBe(401);
        for (const role of roles) {
          if (admitted!.includes(role)) continue;
          const res = await t.request(method.toUpperCase(), url, {
            token: tokens[role],
            body: method === 'get' ? undefined : {},
          });
          expect(res.status, `${role} ${method} ${path}`).toBe(403);
          expect(res.body.error.code).toBe('forbidden');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(await counts()).toEqual(before);
  });
});

/**
 * The scope half, generated from the OpenAPI document: every route is called by county B's
 * users of each role it admits, with county A's ids in the path, the query and the body.
 * A route that names one of A's resources in its path answers 403 or 404; any other answer
 * is a refusal or, for a list, a list without A's records. No answer shows one of A's ids
 * or phone numbers that the request did not carry itself, and no row changes.
 */
describeDb('permission matrix: every route × another county’s users', () => {
  let t: TestApp;
  let a: PopulatedCounty;
  let b: Awaited<ReturnType<typeof countyTeam>>;
  let tables: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const hq = await hqAdmin(t);
    a = await populatedCounty(t, hq);
    b = await countyTeam(t, hq);
    tables = await allTables(t);
  }, 120_000);
  afterAll(() => t.close());

  /**
   * Routes that are cross-county by design, with the roles for which they are. Public
   * routes (the registry, the storefront, tracking by code) are not called at all.
   */
  const crossCounty: Record<string, readonly string[]> = {
    // Merchants sell to every county and see them all (docs/api.md, Network).
    'GET /api/v1/counties': ['merchant'],
    'GET /api/v1/counties/{countyId}': ['merchant'],
  };
  /**
   * Routes that answer before they look at the record. The photo upload reads the picture
   * first (a JSON body is 415 for anyone); its scope is tested with real pictures in
   * upstream/photos.test.ts.
   */
  const refusesFirst: Record<string, number> = { 'POST /api/v1/products/{id}/photos': 415 };
  /**
   * Batches answer per item: another county's parcel is a `not_found` item of a 200, and
   * the batch call itself is audited.
   */
  const perItem = new Set(['POST /api/v1/hub/scans/batch']);
  /** Routes about the caller's own session, which carry no other county's ids. */
  const own = new Set(['POST /api/v1/auth/logout', 'GET /api/v1/me']);

  it('refuses another county’s users every record of the county, shows them none, and writes nothing', async () => {
    const doc = (await t.request('GET', '/docs/json')).body;
    const failures: string[] = [];
    let checked = 0;
    for (const op of operationsOf(doc)) {
      const key = `${op.method} ${op.path}`;
      if (op.roles === 'public' || own.has(key)) continue;
      const hasPathIds = /\{\w+\}/.test(op.path);
      const before = await snapshot(t, tables);
      for (const role of op.roles) {
        if (role === 'hq_admin' || crossCounty[key]?.includes(role)) continue;
        const request = wellFormed(op, (param) => idForParam(a, op.path, param) ?? UNKNOWN_ID, a.byName);
        const sent = `${request.url} ${request.payload ?? ''}`;
        const carried = a.secrets.filter((s) => sent.includes(s));
        // A write that names nothing of A's is not about scope (a merchant's new product).
        if (carried.length === 0 && op.method !== 'GET') continue;
        const res = await t.app.inject({
          method: op.method as 'GET',
          url: request.url,
          headers: {
            authorization: `Bearer ${b.tokens[role as keyof RoleTokens]}`,
            ...(request.payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(request.payload === undefined ? {} : { payload: request.payload }),
        });
        checked++;
        const where = `${role} of B: ${key} → ${res.statusCode}`;
        const writes = op.method !== 'GET';
        if (perItem.has(key)) {
          const items: Array<{ error?: { code: string } }> = res.json().items ?? [];
          if (res.statusCode !== 200 || !items.every((i) => i.error?.code === 'not_found'))
            failures.push(`${where} ${res.body.slice(0, 160)}`);
        } else if (refusesFirst[key] === res.statusCode) {
          // refused before the record is read
        } else if (hasPathIds && idsInPath(op.path) && ![403, 404].includes(res.statusCode))
          failures.push(`${where} ${res.body.slice(0, 160)}`);
        else if (!hasPathIds && writes && (res.statusCode < 400 || res.statusCode >= 500))
          failures.push(`${where} ${res.body.slice(0, 160)}`);
        else if (res.statusCode >= 500) failures.push(where);
        const leaked = a.secrets.filter((s) => !carried.includes(s) && res.body.includes(s));
        if (leaked.length) failures.push(`${where} shows ${leaked.join(', ')}`);
      }
      const changed = changedTables(before, await snapshot(t, tables)).filter(
        (table) => !(perItem.has(key) && table === 'audit_log'),
      );
      if (changed.length) failures.push(`${key} changed ${changed.join(', ')}`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 300_000);

  /** A path whose parameters all name A's resources (not a size or a rubric's profile). */
  const idsInPath = (path: string) =>
    [...path.matchAll(/\{(\w+)\}/g)].some(([, p]) => {
      const id = idForParam(a, path, p!);
      return id !== null && a.secrets.includes(id);
    });
});

/**
 * Phone numbers, generated from the OpenAPI document: every read a government viewer, a
 * merchant or a buyer may make, on the county's own records, shows villagers' and
 * applicants' numbers masked (`138****5678`) or not at all — those roles serve no villager
 * by phone.
 */
describeDb('permission matrix: phone numbers only for the roles that call villagers', () => {
  let t: TestApp;
  let a: PopulatedCounty;

  beforeAll(async () => {
    t = await createTestApp();
    a = await populatedCounty(t, await hqAdmin(t));
  }, 120_000);
  afterAll(() => t.close());

  it('never shows a gov viewer, a merchant or a buyer a full phone number', async () => {
    const doc = (await t.request('GET', '/docs/json')).body;
    const failures: string[] = [];
    let checked = 0;
    for (const op of operationsOf(doc)) {
      if (op.method !== 'GET' || op.roles === 'public') continue;
      for (const role of ['gov_viewer', 'merchant', 'buyer'] as const) {
        if (!op.roles.includes(role)) continue;
        const { url } = wellFormed(op, (param) => idForParam(a, op.path, param) ?? UNKNOWN_ID, a.byName);
        const res = await t.request('GET', url, { token: a.tokens[role] });
        checked++;
        const text = JSON.stringify(res.body);
        const shown = a.phones.filter((p) => text.includes(p));
        if (shown.length) failures.push(`${role} GET ${op.path} → ${res.status} shows ${shown.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });
});
