import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  countyWithStaff,
  hqAdmin,
  makeCounty,
  makeUser,
  makeVillage,
  openCentreWithPartner,
  post,
} from '../../../test/scenarios.ts';
import { expectTallyMatchesRecount } from '../../../test/tallies.ts';
import { rebuildCenterCounts } from './center-counts.ts';

describeDb('network: counties, villages, centres', () => {
  let t: TestApp;
  let hq: string;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
  });
  afterAll(() => t.close());

  it('creates a county with its hub; duplicates and bad input are refused', async () => {
    const county = await makeCounty(t, hq, { code: 'ZJ-SC-1' });
    expect(county).toMatchObject({
      code: 'ZJ-SC-1',
      name: '遂昌县',
      province: '浙江省',
      hub: { lat: 28.59, lon: 119.27 },
    });
    const dup = await t.request('POST', '/api/v1/counties', {
      token: hq,
      body: { code: 'ZJ-SC-1', name: 'x', province: 'y', hub: { lat: 1, lon: 1, address: 'z' } },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
    for (const body of [
      { code: 'A1', name: 'x', province: 'y', hub: { lat: 91, lon: 1, address: 'z' } },
      { code: 'A2', name: 'x', province: 'y', hub: { lat: '28', lon: 1, address: 'z' } },
      { code: 'A3', name: 'x', province: 'y' },
      { code: 'A4', name: '   ', province: 'y', hub: { lat: 1, lon: 1, address: 'z' } },
    ]) {
      const res = await t.request('POST', '/api/v1/counties', { token: hq, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const count = await t.deps.db.selectFrom('counties').select('code').where('code', 'like', 'A%').execute();
    expect(count).toHaveLength(0);
  });

  it('only hq_admin creates counties; each role lists only its scope', async () => {
    const a = await countyWithStaff(t, hq);
    const b = await countyWithStaff(t, hq);
    const res = await t.request('POST', '/api/v1/counties', {
      token: a.staff.token,
      body: { code: 'NOPE', name: 'x', province: 'y', hub: { lat: 1, lon: 1, address: 'z' } },
    });
    expect(res.status).toBe(403);
    const staffList = await t.request('GET', '/api/v1/counties', { token: a.staff.token });
    expect(staffList.body.items.map((c: { id: string }) => c.id)).toEqual([a.county.id]);
    const hqList = await t.request('GET', '/api/v1/counties', { token: hq });
    const ids = hqList.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(a.county.id);
    expect(ids).toContain(b.county.id);
    expect((await t.request('GET', `/api/v1/counties/${b.county.id}`, { token: a.staff.token })).status).toBe(
      404,
    );
    expect((await t.request('GET', '/api/v1/counties')).status).toBe(401);
  });

  it('county staff add villages to their own county only', async () => {
    const a = await countyWithStaff(t, hq);
    const b = await countyWithStaff(t, hq);
    const v = await makeVillage(t, a.staff.token, a.county.id, { name: '大柘村', population: null });
    expect(v).toMatchObject({ countyId: a.county.id, name: '大柘村', population: null });
    const other = await t.request('POST', `/api/v1/counties/${b.county.id}/villages`, {
      token: a.staff.token,
      body: { name: '越界村', lat: 28, lon: 119 },
    });
    expect(other.status).toBe(404);
    const dup = await t.request('POST', `/api/v1/counties/${a.county.id}/villages`, {
      token: a.staff.token,
      body: { name: '大柘村', lat: 28, lon: 119 },
    });
    expect(dup.status).toBe(409);
    const bad = await t.request('POST', `/api/v1/counties/${a.county.id}/villages`, {
      token: a.staff.token,
      body: { name: '坏村', lat: 28, lon: 200 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('lon');
    const list = await t.request('GET', `/api/v1/counties/${a.county.id}/villages`, { token: a.staff.token });
    expect(list.body.items.map((x: { name: string }) => x.name)).toContain('大柘村');
    expect(list.body.items.some((x: { name: string }) => x.name === '越界村' || x.name === '坏村')).toBe(
      false,
    );
  });

  it('runs the centre lifecycle planned → open → suspended → open → closed', async () => {
    const a = await countyWithStaff(t, hq);
    const center = await post(t, a.staff.token, '/api/v1/centers', {
      villageId: a.village.id,
      name: '大柘服务站',
      address: '村委会旁',
    });
    expect(center).toMatchObject({
      status: 'planned',
      countyId: a.county.id,
      villageId: a.village.id,
      partnerUserId: null,
    });
    const noPartner = await t.request('POST', `/api/v1/centers/${center.id}/open`, { token: a.staff.token });
    expect(noPartner.status).toBe(409);
    expect(noPartner.body.error.code).toBe('invalid_state');
    const partner = await makeUser(t, a.staff.token, 'partner');
    const assigned = await post(
      t,
      a.staff.token,
      `/api/v1/centers/${center.id}/partner`,
      { userId: partner.user.id },
      200,
    );
    expect(assigned.partnerUserId).toBe(partner.user.id);
    const me = await t.request('GET', '/api/v1/me', { token: partner.token });
    expect(me.body.centerId).toBe(center.id);
    expect((await post(t, a.staff.token, `/api/v1/centers/${center.id}/open`, undefined, 200)).status).toBe(
      'open',
    );
    expect(
      (await post(t, a.staff.token, `/api/v1/centers/${center.id}/suspend`, undefined, 200)).status,
    ).toBe('suspended');
    expect((await post(t, a.staff.token, `/api/v1/centers/${center.id}/open`, undefined, 200)).status).toBe(
      'open',
    );
    expect((await post(t, a.staff.token, `/api/v1/centers/${center.id}/close`, undefined, 200)).status).toBe(
      'closed',
    );
    const reopen = await t.request('POST', `/api/v1/centers/${center.id}/open`, { token: a.staff.token });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.code).toBe('invalid_state');
  });

  it('refuses partners that are not partners of the county or already run a centre', async () => {
    const a = await countyWithStaff(t, hq);
    const b = await countyWithStaff(t, hq);
    const { partner } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const second = await post(t, a.staff.token, '/api/v1/centers', {
      villageId: a.village.id,
      name: '二号站',
      address: '桥头',
    });
    const busy = await t.request('POST', `/api/v1/centers/${second.id}/partner`, {
      token: a.staff.token,
      body: { userId: partner.user.id },
    });
    expect(busy.status).toBe(409);
    const foreign = await makeUser(t, b.staff.token, 'partner');
    const wrongCounty = await t.request('POST', `/api/v1/centers/${second.id}/partner`, {
      token: a.staff.token,
      body: { userId: foreign.user.id },
    });
    expect(wrongCounty.status).toBe(400);
    const staffAsPartner = await t.request('POST', `/api/v1/centers/${second.id}/partner`, {
      token: a.staff.token,
      body: { userId: a.staff.user.id },
    });
    expect(staffAsPartner.status).toBe(400);
    const fresh = await t.request('GET', `/api/v1/centers/${second.id}`, { token: a.staff.token });
    expect(fresh.body.partnerUserId).toBeNull();
  });

  it('keeps another county out of a centre', async () => {
    const a = await countyWithStaff(t, hq);
    const b = await countyWithStaff(t, hq);
    const { center, partner } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    for (const [method, url] of [
      ['GET', `/api/v1/centers/${center.id}`],
      ['POST', `/api/v1/centers/${center.id}/suspend`],
      ['POST', `/api/v1/centers/${center.id}/close`],
    ] as const) {
      const res = await t.request(method, url, { token: b.staff.token });
      expect(res.status, url).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(center.name);
    }
    const intoOther = await t.request('POST', '/api/v1/centers', {
      token: b.staff.token,
      body: { villageId: a.village.id, name: '越界站', address: 'x' },
    });
    expect(intoOther.status).toBe(400);
    const listB = await t.request('GET', `/api/v1/centers?countyId=${a.county.id}`, { token: b.staff.token });
    expect(listB.body.items).toEqual([]);
    const otherPartner = await openCentreWithPartner(t, b.staff.token, b.county.id, b.village.id);
    expect(
      (await t.request('GET', `/api/v1/centers/${center.id}`, { token: otherPartner.partner.token })).status,
    ).toBe(404);
    const own = await t.request('GET', '/api/v1/centers', { token: partner.token });
    expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([center.id]);
    const partnerWrite = await t.request('POST', `/api/v1/centers/${center.id}/close`, {
      token: partner.token,
    });
    expect(partnerWrite.status).toBe(403);
    expect((await t.request('GET', `/api/v1/centers/${center.id}`, { token: hq })).body.status).toBe('open');
  });

  it('filters centres by county and status', async () => {
    const a = await countyWithStaff(t, hq);
    const { center } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const planned = await post(t, a.staff.token, '/api/v1/centers', {
      villageId: a.village.id,
      name: '筹建站',
      address: 'x',
    });
    const open = await t.request('GET', `/api/v1/centers?countyId=${a.county.id}&status=open`, { token: hq });
    expect(open.body.items.map((c: { id: string }) => c.id)).toEqual([center.id]);
    const all = await t.request('GET', `/api/v1/centers?countyId=${a.county.id}`, { token: a.staff.token });
    expect(all.body.items.map((c: { id: string }) => c.id).sort()).toEqual([center.id, planned.id].sort());
    const bad = await t.request('GET', '/api/v1/centers?status=flying', { token: hq });
    expect(bad.status).toBe(400);
  });

  it('answers the public registry without login, and nothing for unknown ids', async () => {
    const a = await countyWithStaff(t, hq);
    const { center } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const res = await t.request('GET', `/api/v1/public/centers/${center.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: center.id,
      name: center.name,
      address: center.address,
      village: { id: a.village.id, name: a.village.name },
      county: { id: a.county.id, name: a.county.name, province: a.county.province },
      status: 'open',
      official: true,
    });
    const missing = await t.request('GET', '/api/v1/public/centers/0190c000-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('honours Idempotency-Key on POST /centers', async () => {
    const a = await countyWithStaff(t, hq);
    const body = { villageId: a.village.id, name: '重试站', address: '路口' };
    const headers = { 'idempotency-key': 'centre-create-1' };
    const first = await t.request('POST', '/api/v1/centers', { token: a.staff.token, body, headers });
    const second = await t.request('POST', '/api/v1/centers', { token: a.staff.token, body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const reused = await t.request('POST', '/api/v1/centers', {
      token: a.staff.token,
      body: { ...body, name: '别的站' },
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    const rows = await t.deps.db
      .selectFrom('centers')
      .select('id')
      .where('name', 'in', ['重试站', '别的站'])
      .execute();
    expect(rows).toHaveLength(1);
    // Keys belong to the user: another staff member's same key is a new request.
    const colleague = await makeUser(t, hq, 'county_staff', { countyId: a.county.id });
    const theirs = await t.request('POST', '/api/v1/centers', { token: colleague.token, body, headers });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('stores one centre for concurrent retries with one key', async () => {
    const a = await countyWithStaff(t, hq);
    const body = { villageId: a.village.id, name: '并发站', address: '路口' };
    const headers = { 'idempotency-key': 'concurrent-key' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.request('POST', '/api/v1/centers', { token: a.staff.token, body, headers }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const rows = await t.deps.db.selectFrom('centers').select('id').where('name', '=', '并发站').execute();
    expect(rows).toHaveLength(1);
  });

  it('keeps the per-county centre tallies equal to a recount after everything above', async () => {
    const kept = await expectTallyMatchesRecount(t.deps.db, 'center_counts', rebuildCenterCounts);
    expect(kept.map((r) => r.status)).toEqual(expect.arrayContaining(['open', 'planned']));
  });
});
