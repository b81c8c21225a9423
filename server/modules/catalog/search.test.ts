import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeProduct, merchantWithUser } from '../../../test/catalog-scenarios.ts';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, openCentreWithPartner } from '../../../test/scenarios.ts';

describeDb('catalog: product search', () => {
  let t: TestApp;
  let partner: string;
  let merchantToken: string;
  const p: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const hq = await hqAdmin(t);
    const c = await countyWithStaff(t, hq);
    partner = (await openCentreWithPartner(t, c.staff.token, c.county.id, c.village.id)).partner.token;
    const m = await merchantWithUser(t, hq);
    merchantToken = m.token;
    const add = async (key: string, title: string, category: string, extra: Record<string, unknown> = {}) => {
      p[key] = (await makeProduct(t, m.token, { title, category, description: '', ...extra })).id;
    };
    await add('compound', '史丹利 复合肥料 45% 50kg', '化肥');
    await add('urea', '心连心 尿素 Urea 46% 40kg', '化肥');
    await add('denghai', '登海605 玉米种子 高产', '种子');
    await add('syngenta', '先正达 玉米种子 NK718', '种子');
    await add('pesticide', '吡虫啉 杀虫剂', '农药');
    await add('oil', '金龙鱼 花生油 5L', '粮油', { kind: 'consumer' });
    await add('veg', '有机蔬菜种子 套装', '蔬菜种子', { description: '搭配肥料使用效果更佳' });
  });
  afterAll(() => t.close());

  const search = async (query: string) => {
    const res = await t.request('GET', `/api/v1/products?${query}`, { token: partner });
    expect(res.status, query).toBe(200);
    return {
      ids: res.body.items.map((i: { id: string }) => i.id) as string[],
      total: res.body.total as number,
    };
  };
  const q = (text: string) => search(`q=${encodeURIComponent(text)}`);

  it('finds Chinese words, full pinyin, initials and English', async () => {
    for (const [text, key] of [
      ['复合肥', 'compound'],
      ['fuhefei', 'compound'],
      ['fuhefeiliao', 'compound'],
      ['feiliao', 'compound'],
      ['fei liao', 'compound'],
      ['fl', 'compound'],
      ['urea', 'urea'],
      ['UREA', 'urea'],
      ['尿素', 'urea'],
      ['niaosu', 'urea'],
      ['花生油', 'oil'],
      ['hsy', 'oil'],
      ['jinlongyu', 'oil'],
      ['杀虫', 'pesticide'],
      ['虫', 'pesticide'],
    ] as const) {
      const { ids } = await q(text);
      expect(ids[0], text).toBe(p[key]);
    }
  });

  it('ANDs the words of a query, across scripts', async () => {
    for (const text of ['玉米种子', 'ymzz', 'yumizhongzi', '种子 玉米']) {
      const { ids, total } = await q(text);
      expect(new Set(ids), text).toEqual(new Set([p.denghai, p.syngenta]));
      expect(total).toBe(2);
    }
    expect((await q('玉米 nk718')).ids).toEqual([p.syngenta]);
    expect((await q('尿素 urea')).ids).toEqual([p.urea]);
    expect(await q('玉米 尿素')).toEqual({ ids: [], total: 0 });
    expect(await q('拖拉机')).toEqual({ ids: [], total: 0 });
  });

  it('ranks a title match above a description match', async () => {
    const { ids, total } = await q('肥料');
    expect(ids).toEqual([p.compound, p.veg]);
    expect(total).toBe(2);
  });

  it('pages with a stable order and the full total', async () => {
    const all = await q('种子');
    expect(all.total).toBe(3);
    const pages = [];
    for (let offset = 0; offset < 4; offset++)
      pages.push(await search(`q=${encodeURIComponent('种子')}&limit=1&offset=${offset}`));
    expect(pages.flatMap((r) => r.ids)).toEqual(all.ids);
    expect(pages.map((r) => r.total)).toEqual([3, 3, 3, 3]);
  });

  it('filters by category and kind, with or without a query', async () => {
    const seeds = await search(`q=${encodeURIComponent('种子')}&category=${encodeURIComponent('种子')}`);
    expect(new Set(seeds.ids)).toEqual(new Set([p.denghai, p.syngenta]));
    expect(seeds.total).toBe(2);
    expect(await search('kind=consumer')).toEqual({ ids: [p.oil], total: 1 });
    expect(await search(`kind=consumer&q=${encodeURIComponent('种子')}`)).toEqual({ ids: [], total: 0 });
    const browse = await search('limit=3');
    expect(browse.total).toBe(7);
    expect(browse.ids).toEqual([p.veg, p.oil, p.pesticide]);
    expect((await t.request('GET', '/api/v1/products?kind=toys', { token: partner })).status).toBe(400);
  });

  it('shows new and deactivated products at once, although result pages are cached', async () => {
    const before = await q('haitang');
    const added = await makeProduct(t, merchantToken, {
      title: '海棠 苹果树苗',
      category: '苗木',
      description: '',
    });
    const after = await q('haitang');
    expect(after.ids).toEqual([added.id, ...before.ids]);
    const off = await t.request('PATCH', `/api/v1/products/${added.id}`, {
      token: merchantToken,
      body: { status: 'inactive' },
    });
    expect(off.status).toBe(200);
    expect((await q('haitang')).ids).not.toContain(added.id);
  });
});
