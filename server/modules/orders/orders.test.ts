import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { makeProduct, makePromotion, merchantWithUser } from '../../../test/catalog-scenarios.ts';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  countyWithStaff,
  depositFloat,
  expectBalancedBooks,
  hqAdmin,
  makeCounty,
  makeUser,
  makeVillage,
  openCentreWithPartner,
  post,
  registerVillager,
} from '../../../test/scenarios.ts';

describeDb('assisted orders', () => {
  let t: TestApp;
  let hq: string;
  let a: Awaited<ReturnType<typeof countyWithStaff>>;
  let centre: Awaited<ReturnType<typeof openCentreWithPartner>>;
  let shop: Awaited<ReturnType<typeof merchantWithUser>>;
  let fertiliser: { id: string };
  let seeds: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    a = await countyWithStaff(t, hq);
    centre = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
    shop = await merchantWithUser(t, hq);
    fertiliser = await makeProduct(t, shop.token, { priceFen: 16_800, stock: 1_000 });
    seeds = await makeProduct(t, shop.token, {
      title: '登海605 玉米种子 1kg',
      category: '种子',
      kind: 'agri_input',
      priceFen: 4_500,
      stock: 1_000,
    });
    await depositFloat(t, a.staff.token, centre.center.id, 1_000_000);
  });
  afterEach(() => expectBalancedBooks(t));
  afterAll(() => t.close());

  const stockOf = async (id: string) =>
    (await t.request('GET', `/api/v1/products/${id}`, { token: hq })).body.stock as number;
  const floatOf = async (centerId = centre.center.id) =>
    (await t.request('GET', `/api/v1/centers/${centerId}/float`, { token: hq })).body.balanceFen as number;
  const order = (body: unknown, headers?: Record<string, string>, token = centre.partner.token) =>
    t.request('POST', '/api/v1/orders', { token, body, ...(headers ? { headers } : {}) });

  it('places an order paid from the float, reserving stock and accruing commission', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    const [stock, float] = [await stockOf(fertiliser.id), await floatOf()];
    const res = await order({
      villagerId: villager.id,
      lines: [
        { productId: fertiliser.id, quantity: 2 },
        { productId: seeds.id, quantity: 3 },
      ],
      payment: 'float',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'placed',
      countyId: a.county.id,
      centerId: centre.center.id,
      villagerId: villager.id,
      subtotalFen: 2 * 16_800 + 3 * 4_500,
      discountFen: 0,
      totalFen: 47_100,
      // agri_input earns 5 % under the launch fee schedule.
      commissionFen: Math.floor((2 * 16_800 * 500) / 10_000) + Math.floor((3 * 4_500 * 500) / 10_000),
      createdAt: expect.any(String),
    });
    expect(res.body.lines[0]).toMatchObject({
      productId: fertiliser.id,
      quantity: 2,
      unitPriceFen: 16_800,
      discountFen: 0,
    });
    expect(await stockOf(fertiliser.id)).toBe(stock - 2);
    expect(await floatOf()).toBe(float - 47_100);
    const statement = await t.request('GET', `/api/v1/partners/${centre.partner.user.id}/statement`, {
      token: centre.partner.token,
    });
    expect(statement.body.commissionsFen).toBeGreaterThanOrEqual(res.body.commissionFen);
    const detail = await t.request('GET', `/api/v1/orders/${res.body.id}`, { token: centre.partner.token });
    expect(detail.body.events).toEqual([{ type: 'placed', at: expect.any(String) }]);
  });

  it('applies promotions to order lines', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    const promo = await makePromotion(t, shop.token, { productIds: [seeds.id], type: 'percent', value: 20 });
    const res = await order({
      villagerId: villager.id,
      lines: [{ productId: seeds.id, quantity: 2 }],
      payment: 'float',
    });
    expect(res.body.lines[0]).toMatchObject({
      unitPriceFen: 4_500,
      discountFen: 1_800,
      promotionId: promo.id,
    });
    expect(res.body).toMatchObject({ subtotalFen: 9_000, discountFen: 1_800, totalFen: 7_200 });
    await post(t, shop.token, `/api/v1/promotions/${promo.id}/end`, undefined, 200);
  });

  it('pays from the villager’s wallet, and refuses when it is short', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    await post(t, centre.partner.token, `/api/v1/villagers/${villager.id}/wallet/topups`, {
      amountFen: 20_000,
    });
    const ok = await order({
      villagerId: villager.id,
      lines: [{ productId: fertiliser.id, quantity: 1 }],
      payment: 'wallet',
    });
    expect(ok.status).toBe(201);
    const wallet = await t.request('GET', `/api/v1/villagers/${villager.id}/wallet`, {
      token: centre.partner.token,
    });
    expect(wallet.body.balanceFen).toBe(20_000 - 16_800);
    const stock = await stockOf(fertiliser.id);
    const short = await order({
      villagerId: villager.id,
      lines: [{ productId: fertiliser.id, quantity: 1 }],
      payment: 'wallet',
    });
    expect(short.status).toBe(409);
    expect(short.body.error.code).toBe('insufficient_funds');
    expect(await stockOf(fertiliser.id)).toBe(stock);
  });

  it('refuses an order the float cannot pay, leaving stock, float and ledger untouched', async () => {
    const b = await countyWithStaff(t, hq);
    const poor = await openCentreWithPartner(t, b.staff.token, b.county.id, b.village.id);
    await depositFloat(t, b.staff.token, poor.center.id, 10_000);
    const villager = await registerVillager(t, poor.partner.token);
    const stock = await stockOf(fertiliser.id);
    const entries = await t.deps.db.selectFrom('ledger_entries').select('id').execute();
    const res = await order(
      { villagerId: villager.id, lines: [{ productId: fertiliser.id, quantity: 1 }], payment: 'float' },
      undefined,
      poor.partner.token,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('insufficient_funds');
    expect(await stockOf(fertiliser.id)).toBe(stock);
    expect(await floatOf(poor.center.id)).toBe(10_000);
    expect(await t.deps.db.selectFrom('ledger_entries').select('id').execute()).toHaveLength(entries.length);
    expect(
      await t.deps.db.selectFrom('orders').select('id').where('center_id', '=', poor.center.id).execute(),
    ).toHaveLength(0);
  });

  it('refuses more than the stock with insufficient_stock', async () => {
    const scarce = await makeProduct(t, shop.token, { stock: 3 });
    const villager = await registerVillager(t, centre.partner.token);
    const float = await floatOf();
    const res = await order({
      villagerId: villager.id,
      lines: [{ productId: scarce.id, quantity: 4 }],
      payment: 'float',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('insufficient_stock');
    expect(await stockOf(scarce.id)).toBe(3);
    expect(await floatOf()).toBe(float);
  });

  it('never oversells under concurrent orders', async () => {
    const scarce = await makeProduct(t, shop.token, { stock: 5, priceFen: 100 });
    const villager = await registerVillager(t, centre.partner.token);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        order({ villagerId: villager.id, lines: [{ productId: scarce.id, quantity: 1 }], payment: 'float' }),
      ),
    );
    const placed = results.filter((r) => r.status === 201);
    expect(placed).toHaveLength(5);
    expect(
      results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'insufficient_stock'),
    ).toBe(true);
    expect(await stockOf(scarce.id)).toBe(0);
  });

  it('honours Idempotency-Key: a retried order is placed once', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    const body = { villagerId: villager.id, lines: [{ productId: seeds.id, quantity: 1 }], payment: 'float' };
    const headers = { 'idempotency-key': `order-${villager.id}` };
    const float = await floatOf();
    const [first, second] = [await order(body, headers), await order(body, headers)];
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await floatOf()).toBe(float - 4_500);
    const other = await order({ ...body, lines: [{ productId: seeds.id, quantity: 2 }] }, headers);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
  });

  it('validates the order and names the field', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    const cases: Array<[unknown, string]> = [
      [{ villagerId: villager.id, lines: [], payment: 'float' }, 'lines'],
      [
        { villagerId: villager.id, lines: [{ productId: seeds.id, quantity: 0 }], payment: 'float' },
        'quantity',
      ],
      [
        { villagerId: villager.id, lines: [{ productId: seeds.id, quantity: 1.5 }], payment: 'float' },
        'quantity',
      ],
      [
        { villagerId: villager.id, lines: [{ productId: seeds.id, quantity: 1 }], payment: 'cash' },
        'payment',
      ],
      [
        {
          villagerId: villager.id,
          lines: [{ productId: '0190c000-0000-7000-8000-000000000000', quantity: 1 }],
          payment: 'float',
        },
        'productId',
      ],
      [
        {
          villagerId: '0190c000-0000-7000-8000-000000000000',
          lines: [{ productId: seeds.id, quantity: 1 }],
          payment: 'float',
        },
        'villagerId',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await order(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toContain(field);
    }
  });

  it('keeps orders inside their scope', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    const placed = await order({
      villagerId: villager.id,
      lines: [{ productId: seeds.id, quantity: 1 }],
      payment: 'float',
    });
    const b = await countyWithStaff(t, hq);
    const other = await openCentreWithPartner(t, b.staff.token, b.county.id, b.village.id);
    const foreign = await order(
      { villagerId: villager.id, lines: [{ productId: seeds.id, quantity: 1 }], payment: 'float' },
      undefined,
      other.partner.token,
    );
    expect(foreign.status).toBe(400);
    for (const token of [other.partner.token, b.staff.token]) {
      expect((await t.request('GET', `/api/v1/orders/${placed.body.id}`, { token })).status).toBe(404);
      expect(
        (await t.request('POST', `/api/v1/orders/${placed.body.id}/cancel`, { token, body: {} })).status,
      ).toBe(404);
      const list = await t.request('GET', '/api/v1/orders', { token });
      expect(list.body.items.some((o: { id: string }) => o.id === placed.body.id)).toBe(false);
    }
    const otherShop = await merchantWithUser(t, hq);
    expect(
      (await t.request('GET', `/api/v1/orders/${placed.body.id}`, { token: otherShop.token })).status,
    ).toBe(404);
    expect((await t.request('GET', `/api/v1/orders/${placed.body.id}`, { token: shop.token })).status).toBe(
      200,
    );
    const history = await t.request('GET', `/api/v1/orders?villagerId=${villager.id}`, {
      token: centre.partner.token,
    });
    expect(history.body.items.map((o: { id: string }) => o.id)).toEqual([placed.body.id]);
    // Buyers read their storefront orders at this path; an assisted order is out of their scope.
    expect(
      (
        await t.request('GET', `/api/v1/orders/${placed.body.id}`, {
          token: (await makeUser(t, hq, 'buyer')).token,
        })
      ).status,
    ).toBe(404);
  });

  it('cancels before shipment: stock back, float back, commission reversed', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    const [stock, float] = [await stockOf(fertiliser.id), await floatOf()];
    const placed = await order({
      villagerId: villager.id,
      lines: [{ productId: fertiliser.id, quantity: 3 }],
      payment: 'float',
    });
    const cancelled = await post(
      t,
      centre.partner.token,
      `/api/v1/orders/${placed.body.id}/cancel`,
      { reason: '村民改主意' },
      200,
    );
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.events.map((e: { type: string }) => e.type)).toEqual(['placed', 'cancelled']);
    expect(await stockOf(fertiliser.id)).toBe(stock);
    expect(await floatOf()).toBe(float);
    const again = await t.request('POST', `/api/v1/orders/${placed.body.id}/cancel`, {
      token: centre.partner.token,
      body: {},
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_state');
  });

  it('takes returns at the counter: refund, claw-back, stock back, to the fen', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    const promo = await makePromotion(t, a.staff.token, { categories: ['种子'], type: 'fixed', value: 333 });
    const placed = await order({
      villagerId: villager.id,
      lines: [{ productId: seeds.id, quantity: 3 }],
      payment: 'float',
    });
    expect(placed.body.lines[0].discountFen).toBe(999);
    const [stock, float] = [await stockOf(seeds.id), await floatOf()];
    const first = await post(t, centre.partner.token, `/api/v1/orders/${placed.body.id}/returns`, {
      lines: [{ productId: seeds.id, quantity: 1 }],
      reason: '包装破损',
    });
    expect(first).toMatchObject({ status: 'refunded', orderStatus: 'placed', refundTo: 'float' });
    const rest = await post(t, centre.partner.token, `/api/v1/orders/${placed.body.id}/returns`, {
      lines: [{ productId: seeds.id, quantity: 2 }],
      reason: '发芽率低',
    });
    expect(rest.orderStatus).toBe('returned');
    expect(first.refundFen + rest.refundFen).toBe(placed.body.totalFen);
    expect(first.clawbackFen + rest.clawbackFen).toBe(placed.body.commissionFen);
    expect(await stockOf(seeds.id)).toBe(stock + 3);
    expect(await floatOf()).toBe(float + placed.body.totalFen);
    const more = await t.request('POST', `/api/v1/orders/${placed.body.id}/returns`, {
      token: centre.partner.token,
      body: { lines: [{ productId: seeds.id, quantity: 1 }], reason: 'x' },
    });
    expect(more.status).toBe(409);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const statement = await t.request(
      'GET',
      `/api/v1/partners/${centre.partner.user.id}/statement?month=${month}`,
      {
        token: a.staff.token,
      },
    );
    expect(statement.status).toBe(200);
    expect(statement.body.clawbacksFen).toBeGreaterThanOrEqual(placed.body.commissionFen);
    expect(statement.body.netFen).toBe(
      statement.body.commissionsFen - statement.body.clawbacksFen + statement.body.serviceFeesFen,
    );
    expect(
      statement.body.items.filter((i: { type: string }) => i.type === 'clawback').length,
    ).toBeGreaterThanOrEqual(2);
    await post(t, a.staff.token, `/api/v1/promotions/${promo.id}/end`, undefined, 200);
  });

  it('refuses bad returns without moving anything', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    const placed = await order({
      villagerId: villager.id,
      lines: [{ productId: seeds.id, quantity: 2 }],
      payment: 'float',
    });
    const float = await floatOf();
    for (const [lines, field] of [
      [[{ productId: seeds.id, quantity: 3 }], 'quantity'],
      [[{ productId: fertiliser.id, quantity: 1 }], 'productId'],
    ] as const) {
      const res = await t.request('POST', `/api/v1/orders/${placed.body.id}/returns`, {
        token: centre.partner.token,
        body: { lines, reason: '不要了' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    const noReason = await t.request('POST', `/api/v1/orders/${placed.body.id}/returns`, {
      token: centre.partner.token,
      body: { lines: [{ productId: seeds.id, quantity: 1 }] },
    });
    expect(noReason.status).toBe(400);
    expect(await floatOf()).toBe(float);
    const staff = await t.request('POST', `/api/v1/orders/${placed.body.id}/returns`, {
      token: a.staff.token,
      body: { lines: [{ productId: seeds.id, quantity: 1 }], reason: 'x' },
    });
    expect(staff.status).toBe(403);
  });

  it('asks the villager for an SMS code where the county requires it', async () => {
    const county = await makeCounty(t, hq, { requiresOrderConfirmation: true });
    const village = await makeVillage(t, hq, county.id);
    const staff = await makeUser(t, hq, 'county_staff', { countyId: county.id });
    const strict = await openCentreWithPartner(t, staff.token, county.id, village.id);
    await depositFloat(t, staff.token, strict.center.id, 100_000);
    const villager = await registerVillager(t, strict.partner.token);
    const placed = await order(
      { villagerId: villager.id, lines: [{ productId: seeds.id, quantity: 1 }], payment: 'float' },
      undefined,
      strict.partner.token,
    );
    expect(placed.body.status).toBe('awaiting_confirmation');
    await t.drain();
    const sms = await t.request('GET', `/api/v1/notifications?phone=${villager.phone}`, {
      token: staff.token,
    });
    const code = /确认码(\d{6})/.exec(sms.body.items[0].body)![1]!;
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await t.request('POST', `/api/v1/orders/${placed.body.id}/confirm`, {
      token: strict.partner.token,
      body: { code: wrongCode },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('invalid_confirmation_code');
    const ok = await post(t, strict.partner.token, `/api/v1/orders/${placed.body.id}/confirm`, { code }, 200);
    expect(ok.status).toBe('placed');
    expect(ok.events.map((e: { type: string }) => e.type)).toEqual(['awaiting_confirmation', 'placed']);
  });

  it('shows the merchant what it is owed, to itself and HQ only', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    const before = (
      await t.request('GET', `/api/v1/merchants/${shop.merchant.id}/payable`, { token: shop.token })
    ).body;
    const placed = await order({
      villagerId: villager.id,
      lines: [{ productId: fertiliser.id, quantity: 1 }],
      payment: 'float',
    });
    const after = await t.request('GET', `/api/v1/merchants/${shop.merchant.id}/payable`, {
      token: shop.token,
    });
    expect(after.status).toBe(200);
    const share = placed.body.totalFen - placed.body.commissionFen;
    expect(after.body.balanceFen).toBe(before.balanceFen + share);
    expect(after.body.items).toContainEqual({
      type: 'sale',
      refId: placed.body.id,
      amountFen: share,
      at: expect.any(String),
    });
    expect(
      (await t.request('GET', `/api/v1/merchants/${shop.merchant.id}/payable`, { token: hq })).status,
    ).toBe(200);
    const rival = await merchantWithUser(t, hq);
    expect(
      (await t.request('GET', `/api/v1/merchants/${shop.merchant.id}/payable`, { token: rival.token }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/v1/merchants/${shop.merchant.id}/payable`, { token: a.staff.token }))
        .status,
    ).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/merchants/${shop.merchant.id}/payable?month=2026-13`, { token: hq }))
        .status,
    ).toBe(400);
  });

  it('lets the guarantee fund pay a refund at once, repaid when the merchant settles', async () => {
    const villager = await registerVillager(t, centre.partner.token);
    const guarantee = async () =>
      (
        await t.request('GET', `/api/v1/centers/${centre.center.id}/guarantee`, {
          token: centre.partner.token,
        })
      ).body.balanceFen as number;
    const payable = async () =>
      (await t.request('GET', `/api/v1/merchants/${shop.merchant.id}/payable`, { token: shop.token })).body
        .balanceFen as number;
    const placed = await order({
      villagerId: villager.id,
      lines: [{ productId: fertiliser.id, quantity: 1 }],
      payment: 'float',
    });
    const returnBody = {
      lines: [{ productId: fertiliser.id, quantity: 1 }],
      reason: '结块',
      payFrom: 'guarantee_fund',
    };
    const empty = await t.request('POST', `/api/v1/orders/${placed.body.id}/returns`, {
      token: centre.partner.token,
      body: returnBody,
    });
    expect(empty.status).toBe(409);
    expect(empty.body.error.code).toBe('insufficient_funds');
    await post(t, a.staff.token, `/api/v1/centers/${centre.center.id}/guarantee/deposits`, {
      amountFen: 50_000,
      reference: '保证金',
    });
    const [fund, owed, float] = [await guarantee(), await payable(), await floatOf()];
    const ret = await post(t, centre.partner.token, `/api/v1/orders/${placed.body.id}/returns`, returnBody);
    expect(ret).toMatchObject({
      payFrom: 'guarantee_fund',
      refundFen: placed.body.totalFen,
      orderStatus: 'returned',
    });
    const share = placed.body.totalFen - placed.body.commissionFen;
    expect(await guarantee()).toBe(fund - share);
    expect(await payable()).toBe(owed);
    expect(await floatOf()).toBe(float + placed.body.totalFen);
    const rival = await merchantWithUser(t, hq);
    expect((await t.request('POST', `/api/v1/returns/${ret.id}/settle`, { token: rival.token })).status).toBe(
      404,
    );
    expect(await post(t, shop.token, `/api/v1/returns/${ret.id}/settle`, undefined, 200)).toEqual({
      returnId: ret.id,
      settledFen: share,
    });
    expect(await guarantee()).toBe(fund);
    expect(await payable()).toBe(owed - share);
    expect(await post(t, shop.token, `/api/v1/returns/${ret.id}/settle`, undefined, 200)).toEqual({
      returnId: ret.id,
      settledFen: 0,
    });
  });
});
