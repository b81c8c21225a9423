import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeProduct, merchantWithUser } from '../../../test/catalog-scenarios.ts';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  countyWithStaff,
  depositFloat,
  expectBalancedBooks,
  hqAdmin,
  openCentreWithPartner,
  post,
  registerVillager,
} from '../../../test/scenarios.ts';

const honey = {
  title: '高山土蜂蜜',
  description: '农家自养',
  priceFen: 8_800,
  stock: 20,
  unit: '瓶',
  weightGrams: 1_000,
  origin: { grade: '一级' },
};

type Table =
  | 'course_unlocks'
  | 'courses'
  | 'orders'
  | 'order_events'
  | 'order_returns'
  | 'ledger_transactions'
  | 'products'
  | 'notifications';

describeDb('training: courses that unlock returns and upstream listings', () => {
  let t: TestApp;
  let hq: string;
  let a: Awaited<ReturnType<typeof countyWithStaff>>;
  let b: Awaited<ReturnType<typeof countyWithStaff>>;
  let centreA: Awaited<ReturnType<typeof openCentreWithPartner>>;
  let centreB: Awaited<ReturnType<typeof openCentreWithPartner>>;
  let product: { id: string };

  const count = async (table: Table) =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => {
    const tables: Table[] = [
      'orders',
      'order_events',
      'order_returns',
      'ledger_transactions',
      'notifications',
    ];
    return Object.fromEntries(await Promise.all(tables.map(async (x) => [x, await count(x)])));
  };
  const get = async (token: string, url: string) => {
    const res = await t.request('GET', url, { token });
    expect(res.status, url).toBe(200);
    return res.body;
  };
  const stockOf = async (id: string) => (await get(hq, `/api/v1/products/${id}`)).stock as number;
  const floatOf = async (centerId: string) => (await get(hq, `/api/v1/centers/${centerId}/float`)).balanceFen;

  /** An order of two units placed at the centre, ready to be returned at the counter. */
  async function placedOrder(centre: typeof centreA) {
    const villager = await registerVillager(t, centre.partner.token);
    return post(t, centre.partner.token, '/api/v1/orders', {
      villagerId: villager.id,
      lines: [{ productId: product.id, quantity: 2 }],
      payment: 'float',
    });
  }
  const returnOne = (token: string, orderId: string) =>
    t.request('POST', `/api/v1/orders/${orderId}/returns`, {
      token,
      body: { lines: [{ productId: product.id, quantity: 1 }], reason: '包装破损' },
    });
  async function attend(county: typeof a, courseId: string, userId: string, passed: boolean) {
    const session = await post(t, county.staff.token, '/api/v1/training/sessions', {
      countyId: county.county.id,
      courseId,
      startsAt: '2026-12-15T01:30:00Z',
      trainer: '李老师',
    });
    await post(t, county.staff.token, `/api/v1/training/sessions/${session.id}/attendance`, {
      userId,
      passed,
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    a = await countyWithStaff(t, hq);
    b = await countyWithStaff(t, hq);
    centreA = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    centreB = await openCentreWithPartner(t, b.staff.token, b.county.id, b.village.id);
    const shop = await merchantWithUser(t, hq);
    product = await makeProduct(t, shop.token, { priceFen: 5_000, stock: 1_000 });
    await depositFloat(t, a.staff.token, centreA.center.id, 1_000_000);
    await depositFloat(t, b.staff.token, centreB.center.id, 1_000_000);
  });
  afterAll(() => t.close());

  it('leaves returns and listings open while no course unlocks them', async () => {
    const profile = await get(centreA.partner.token, `/api/v1/partners/${centreA.partner.user.id}`);
    expect(profile.features).toEqual({ returns: true, upstreamListings: true });
    expect(profile.featureCourses).toEqual({ returns: [], upstreamListings: [] });
    const order = await placedOrder(centreA);
    const res = await returnOne(centreA.partner.token, order.id);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // A course that unlocks nothing gates nothing.
    const plain = await post(t, hq, '/api/v1/courses', { title: '服务站日常', requiredForOpening: false });
    expect(plain.unlocks).toEqual([]);
    expect((await returnOne(centreA.partner.token, order.id)).status).toBe(201);
    await expectBalancedBooks(t);
  });

  it('takes unlocks on a course, shows them and lets only HQ change them; bad names are a 400', async () => {
    const courses = await count('courses');
    const unlocks = await count('course_unlocks');
    for (const body of [
      { title: '退款课', requiredForOpening: false, unlocks: ['refunds'] },
      { title: '退款课', requiredForOpening: false, unlocks: ['returns', 'returns'] },
      { title: '退款课', requiredForOpening: false, unlocks: 'returns' },
    ]) {
      const res = await t.request('POST', '/api/v1/courses', { token: hq, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await count('courses')).toBe(courses);
    expect(await count('course_unlocks')).toBe(unlocks);

    const both = await post(t, hq, '/api/v1/courses', {
      title: '售后与网销',
      requiredForOpening: false,
      unlocks: ['upstream_listings', 'returns'],
    });
    expect(both.unlocks).toEqual(['returns', 'upstream_listings']);
    const listed = (await get(centreA.partner.token, '/api/v1/courses')).items;
    expect(listed.find((c: { id: string }) => c.id === both.id).unlocks).toEqual([
      'returns',
      'upstream_listings',
    ]);

    const patch = (token: string, id: string, body: unknown) =>
      t.request('PATCH', `/api/v1/courses/${id}`, { token, body });
    for (const body of [{ unlocks: ['pickups'] }, { unlocks: ['returns', 'returns'] }, {}]) {
      expect((await patch(hq, both.id, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await patch(a.staff.token, both.id, { unlocks: [] })).status).toBe(403);
    expect((await patch(centreA.partner.token, both.id, { unlocks: [] })).status).toBe(403);
    expect((await patch(hq, '0190aaaa-0000-7000-8000-000000000000', { unlocks: [] })).status).toBe(404);
    expect(await count('course_unlocks')).toBe(unlocks + 2);

    const cleared = await patch(hq, both.id, { unlocks: [] });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ id: both.id, unlocks: [] });
    expect(await count('course_unlocks')).toBe(unlocks);
    const profile = await get(centreA.partner.token, `/api/v1/partners/${centreA.partner.user.id}`);
    expect(profile.features).toEqual({ returns: true, upstreamListings: true });
  });

  it('refuses a return until the partner passes the course that unlocks it, writing nothing', async () => {
    const course = await post(t, hq, '/api/v1/courses', {
      title: '退货规范与售后',
      requiredForOpening: false,
      unlocks: ['returns'],
    });
    const order = await placedOrder(centreA);
    const before = {
      ...(await counts()),
      stock: await stockOf(product.id),
      float: await floatOf(centreA.center.id),
    };

    const refused = await returnOne(centreA.partner.token, order.id);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'training_required',
      details: { feature: 'returns', missingCourses: [{ courseId: course.id, title: '退货规范与售后' }] },
    });
    expect(refused.body.error.message).toContain('退货规范与售后');
    const after = {
      ...(await counts()),
      stock: await stockOf(product.id),
      float: await floatOf(centreA.center.id),
    };
    expect(after).toEqual(before);
    expect((await get(centreA.partner.token, `/api/v1/orders/${order.id}`)).status).toBe('placed');

    const profile = await get(a.staff.token, `/api/v1/partners/${centreA.partner.user.id}`);
    expect(profile.features).toEqual({ returns: false, upstreamListings: true });
    expect(profile.featureCourses.returns).toEqual([
      { courseId: course.id, title: '退货规范与售后', passed: false },
    ]);
    // Training gates returns only: the certification to open the centre is unchanged.
    expect(profile.certified).toBe(true);

    // Another county's partner cannot reach the order at all, gate or not.
    expect((await returnOne(centreB.partner.token, order.id)).status).toBe(404);

    // A failed exam unlocks nothing; a pass does.
    await attend(a, course.id, centreA.partner.user.id, false);
    expect((await returnOne(centreA.partner.token, order.id)).status).toBe(403);
    await attend(a, course.id, centreA.partner.user.id, true);
    const taken = await returnOne(centreA.partner.token, order.id);
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(await stockOf(product.id)).toBe(before.stock + 1);
    expect(await floatOf(centreA.center.id)).toBe(before.float + taken.body.refundFen);
    expect(
      (await get(centreA.partner.token, `/api/v1/partners/${centreA.partner.user.id}`)).features.returns,
    ).toBe(true);

    // Courses are national: the other county's partner waits for its own pass, taken at home.
    const orderB = await placedOrder(centreB);
    expect((await returnOne(centreB.partner.token, orderB.id)).status).toBe(403);
    await attend(b, course.id, centreB.partner.user.id, true);
    expect((await returnOne(centreB.partner.token, orderB.id)).status).toBe(201);
    await expectBalancedBooks(t);
  });

  it('refuses a new listing until the partner passes every course that unlocks listings', async () => {
    const first = await post(t, hq, '/api/v1/courses', {
      title: '农产品上架规范',
      requiredForOpening: false,
      unlocks: ['upstream_listings'],
    });
    const second = await post(t, hq, '/api/v1/courses', {
      title: '网店拍照与描述',
      requiredForOpening: false,
    });
    const patched = await t.request('PATCH', `/api/v1/courses/${second.id}`, {
      token: hq,
      body: { unlocks: ['upstream_listings'] },
    });
    expect(patched.body.unlocks).toEqual(['upstream_listings']);

    const villager = await registerVillager(t, centreA.partner.token, { name: '王阿婆' });
    const seller = await post(t, centreA.partner.token, '/api/v1/sellers', { villagerId: villager.id });
    const list = () =>
      t.request('POST', `/api/v1/sellers/${seller.id}/products`, {
        token: centreA.partner.token,
        body: honey,
      });
    const products = await count('products');

    const refused = await list();
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('training_required');
    expect(refused.body.error.details.missingCourses).toEqual([
      { courseId: first.id, title: '农产品上架规范' },
      { courseId: second.id, title: '网店拍照与描述' },
    ]);
    await attend(a, first.id, centreA.partner.user.id, true);
    const still = await list();
    expect(still.status).toBe(403);
    expect(still.body.error.details.missingCourses).toEqual([
      { courseId: second.id, title: '网店拍照与描述' },
    ]);
    expect(await count('products')).toBe(products);

    // Malformed input is a 400 whatever the partner's training.
    const bad = await t.request('POST', `/api/v1/sellers/${seller.id}/products`, {
      token: centreA.partner.token,
      body: { ...honey, priceFen: -1 },
    });
    expect(bad.status).toBe(400);

    await attend(a, second.id, centreA.partner.user.id, true);
    const listed = await list();
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
    expect(listed.body.status).toBe('pending_review');
    expect(await count('products')).toBe(products + 1);
    const profile = await get(centreA.partner.token, `/api/v1/partners/${centreA.partner.user.id}`);
    expect(profile.features).toEqual({ returns: true, upstreamListings: true });
    expect(profile.featureCourses.upstreamListings.map((c: { passed: boolean }) => c.passed)).toEqual([
      true,
      true,
    ]);
  });
});
