import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  countyWithStaff,
  depositFloat,
  hqAdmin,
  openCentreWithPartner,
  post,
} from '../../../test/scenarios.ts';

const missing = (checklist: { items: Array<{ key: string; done: boolean }> }) =>
  checklist.items.filter((i) => !i.done).map((i) => i.key);

describeDb('onboarding: asset register and checklist', () => {
  let t: TestApp;
  let hq: string;
  let a: Awaited<ReturnType<typeof countyWithStaff>>;
  let b: Awaited<ReturnType<typeof countyWithStaff>>;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    a = await countyWithStaff(t, hq);
    b = await countyWithStaff(t, hq);
  });
  afterAll(() => t.close());

  it('shows what a centre still needs, until nothing is missing', async () => {
    const { center, partner } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const url = `/api/v1/centers/${center.id}/onboarding`;
    const first = (await t.request('GET', url, { token: partner.token })).body;
    expect(first).toMatchObject({ centerId: center.id, complete: false });
    expect(missing(first)).toEqual(['hardware', 'signage', 'float_deposit', 'government_agreement']);
    expect(first.items[0].missing).toEqual(['pc', 'tv_screen', 'printer', 'barcode_scanner']);

    for (const [kind, serialNo] of [
      ['pc', 'PC-2026-0001'],
      ['tv_screen', 'TV-55-0001'],
      ['printer', 'PRN-0001'],
      ['barcode_scanner', 'SCN-0001'],
    ]) {
      const asset = await post(t, a.staff.token, `/api/v1/centers/${center.id}/assets`, {
        kind,
        serialNo,
        model: '村淘标配',
      });
      expect(asset).toMatchObject({ kind, serialNo, centerId: center.id });
    }
    const afterSignage = await post(t, a.staff.token, `/api/v1/centers/${center.id}/onboarding/signage`, {
      note: '门头已安装',
    });
    expect(missing(afterSignage)).toEqual(['float_deposit', 'government_agreement']);
    await depositFloat(t, a.staff.token, center.id, 100_000);
    await post(t, a.staff.token, `/api/v1/counties/${a.county.id}/agreements`, {
      title: '合作协议',
      signedOn: '2026-01-01',
      terms: '三年合作',
      subsidyFen: 0,
    });
    const done = (await t.request('GET', url, { token: a.staff.token })).body;
    expect(done).toMatchObject({ complete: true });
    const assets = await t.request('GET', `/api/v1/centers/${center.id}/assets`, { token: partner.token });
    expect(assets.body.items).toHaveLength(4);
  });

  it('refuses duplicate serials, bad input, other counties and partners, writing nothing', async () => {
    const { center, partner } = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('center_assets')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const assets = `/api/v1/centers/${center.id}/assets`;
    expect(
      (
        await t.request('POST', assets, {
          token: a.staff.token,
          body: { kind: 'pc', serialNo: 'PC-2026-0001' },
        })
      ).status,
    ).toBe(409);
    for (const body of [
      { kind: 'fridge', serialNo: 'X1' },
      { kind: 'pc', serialNo: '' },
      { kind: 'pc', serialNo: 'a b' },
    ]) {
      expect(
        (await t.request('POST', assets, { token: a.staff.token, body })).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(
      (await t.request('POST', assets, { token: b.staff.token, body: { kind: 'pc', serialNo: 'B-1' } }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('POST', assets, { token: partner.token, body: { kind: 'pc', serialNo: 'P-1' } }))
        .status,
    ).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/centers/${center.id}/onboarding`, { token: b.staff.token })).status,
    ).toBe(404);
    const other = await openCentreWithPartner(t, b.staff.token, b.county.id, b.village.id);
    expect(
      (await t.request('GET', `/api/v1/centers/${center.id}/onboarding`, { token: other.partner.token }))
        .status,
    ).toBe(404);
    await post(t, a.staff.token, `/api/v1/centers/${center.id}/onboarding/signage`, {});
    expect(
      (
        await t.request('POST', `/api/v1/centers/${center.id}/onboarding/signage`, {
          token: a.staff.token,
          body: {},
        })
      ).status,
    ).toBe(409);
    expect(await count()).toBe(before);
  });
});
