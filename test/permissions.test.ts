import { afterAll, beforeAll, expect, it } from 'vitest';
import { roles } from '../server/modules/identity/index.ts';
import { createTestApp, describeDb, type TestApp } from './harness.ts';
import { countyWithStaff, hqAdmin, makeUser, openCentreWithPartner, post } from './scenarios.ts';

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
 * changing a row. The scope half — the right role from another county — is tested per
 * module, where the resources are.
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
