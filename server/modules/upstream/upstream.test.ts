import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  hubScan,
  type LogisticsCounty,
  logisticsCounty,
  makeVan,
  plan,
} from '../../../test/logistics-scenarios.ts';
import {
  expectBalancedBooks,
  hqAdmin,
  makeUser,
  PASSWORD,
  post,
  registerVillager,
  signIn,
} from '../../../test/scenarios.ts';
import { recomputeSalesRollups } from './sales-rollups.ts';

const unique = () => randomBytes(4).toString('hex');
const shipTo = { name: '李女士', phone: '13912345678', address: '上海市徐汇区漕溪北路 1 号' };
const honey = {
  title: '遂昌土蜂蜜',
  description: '高山百花蜜，农家自养',
  priceFen: 8_800,
  stock: 20,
  unit: '瓶',
  weightGrams: 1_000,
  origin: { grade: '一级', harvestDate: '2026-10-01' },
};

describeDb('upstream: a villager sells honey to a city buyer', () => {
  let t: TestApp;
  let hq: string;
  let c: LogisticsCounty;
  let other: LogisticsCounty;
  let seller: { id: string; centerId: string };
  let product: { id: string };
  let buyer: string;
  let orderId: string;

  const get = (token: string | undefined, url: string) => t.request('GET', url, { token });
  const storeSearch = async (q: string) =>
    (await get(undefined, `/api/v1/store/products?q=${encodeURIComponent(q)}`)).body.items.map(
      (p: { id: string }) => p.id,
    );
  const newBuyer = async () => {
    const login = `buyer-${unique()}`;
    const res = await t.request('POST', '/api/v1/store/accounts', {
      body: { login, password: PASSWORD, displayName: '城市买家' },
    });
    expect(res.status).toBe(201);
    return { user: res.body, token: await signIn(t, login) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    other = await logisticsCounty(t, hq);
    await makeVan(t, c);
  });
  afterAll(() => t.close());

  it('makes a registered villager a seller once, at the partner’s own centre', async () => {
    const villager = await registerVillager(t, c.centre.partner.token, { name: '王阿婆' });
    const elsewhere = await t.request('POST', '/api/v1/sellers', {
      token: other.centre.partner.token,
      body: { villagerId: villager.id },
    });
    expect(elsewhere.status).toBe(400);
    seller = await post(t, c.centre.partner.token, '/api/v1/sellers', {
      villagerId: villager.id,
      story: '王阿婆在山上养了三十年蜂。',
      payout: { method: 'alipay', account: 'wang.apo@example.com' },
    });
    expect(seller).toMatchObject({
      displayName: '王阿婆',
      centerId: c.centre.center.id,
      payoutAccount: '****.com',
    });
    const again = await t.request('POST', '/api/v1/sellers', {
      token: c.centre.partner.token,
      body: { villagerId: villager.id },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual({ sellerId: seller.id });
    expect((await get(other.staff.token, `/api/v1/sellers/${seller.id}`)).status).toBe(404);
    expect((await get(c.staff.token, `/api/v1/sellers/${seller.id}`)).status).toBe(200);
  });

  it('lists honey for review; only the county approves it onto the storefront', async () => {
    product = await post(t, c.centre.partner.token, `/api/v1/sellers/${seller.id}/products`, honey);
    expect(product).toMatchObject({ kind: 'local_specialty', status: 'pending_review', unit: '瓶' });
    const bad = await t.request('POST', `/api/v1/sellers/${seller.id}/products`, {
      token: c.centre.partner.token,
      body: { ...honey, priceFen: -1 },
    });
    expect(bad.status).toBe(400);
    expect(await storeSearch('蜂蜜')).not.toContain(product.id);

    const queue = async (token: string) =>
      (await get(token, '/api/v1/listings?status=pending_review')).body.items.map(
        (p: { id: string }) => p.id,
      );
    expect(await queue(c.staff.token)).toContain(product.id);
    expect(await queue(c.centre.partner.token)).toContain(product.id);
    expect(await queue(other.staff.token)).not.toContain(product.id);
    expect((await get(undefined, `/api/v1/store/products/${product.id}`)).status).toBe(404);

    const approve = (token: string) => t.request('POST', `/api/v1/products/${product.id}/approve`, { token });
    expect((await approve(other.staff.token)).status).toBe(404);
    expect((await approve(c.centre.partner.token)).status).toBe(403);
    const approved = await approve(c.staff.token);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');
    expect(await storeSearch('蜂蜜')).toContain(product.id);
    expect(await storeSearch('fengmi')).toContain(product.id);
    expect(await queue(c.staff.token)).not.toContain(product.id);
    const page = (await get(undefined, `/api/v1/store/products/${product.id}`)).body;
    expect(page.seller).toMatchObject({
      id: seller.id,
      displayName: '王阿婆',
      story: '王阿婆在山上养了三十年蜂。',
    });
    expect(page.origin).toMatchObject({ county: c.county.name, grade: '一级', harvestDate: '2026-10-01' });
    // The villages' catalogue does not sell village products back to the villages.
    const catalogue = await get(c.centre.partner.token, '/api/v1/products?q=蜂蜜');
    expect(catalogue.body.items.map((p: { id: string }) => p.id)).not.toContain(product.id);
  });

  it('rejects with a reason, and a rejected listing is not approved afterwards', async () => {
    const tea = await post(t, c.centre.partner.token, `/api/v1/sellers/${seller.id}/products`, {
      ...honey,
      title: '白茶（无产地证明）',
    });
    const noReason = await t.request('POST', `/api/v1/products/${tea.id}/reject`, {
      token: c.staff.token,
      body: {},
    });
    expect(noReason.status).toBe(400);
    const rejected = await post(
      t,
      c.staff.token,
      `/api/v1/products/${tea.id}/reject`,
      { reason: '缺少产地证明' },
      200,
    );
    expect(rejected).toMatchObject({ status: 'rejected', reviewNote: '缺少产地证明' });
    expect(
      (await t.request('POST', `/api/v1/products/${tea.id}/approve`, { token: c.staff.token })).status,
    ).toBe(409);
    // Nor can HQ or anyone switch it on through the catalogue.
    const patch = await t.request('PATCH', `/api/v1/products/${tea.id}`, {
      token: hq,
      body: { status: 'active' },
    });
    expect(patch.status).toBe(409);
  });

  it('opens buyer accounts without sign-in and refuses a taken login', async () => {
    const first = await newBuyer();
    expect(first.user.role).toBe('buyer');
    buyer = first.token;
    const taken = await t.request('POST', '/api/v1/store/accounts', {
      body: { login: first.user.login, password: PASSWORD, displayName: '又一个' },
    });
    expect(taken.status).toBe(409);
    const short = await t.request('POST', '/api/v1/store/accounts', {
      body: { login: `b-${unique()}`, password: 'short', displayName: 'x' },
    });
    expect(short.status).toBe(400);
  });

  it('takes an order paid through the provider, once per idempotency key', async () => {
    const body = { lines: [{ productId: product.id, quantity: 2 }], shipTo };
    const headers = { 'idempotency-key': `k-${unique()}` };
    const first = await t.request('POST', '/api/v1/store/orders', { token: buyer, body, headers });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ channel: 'storefront', status: 'placed', totalFen: 17_600 });
    const again = await t.request('POST', '/api/v1/store/orders', { token: buyer, body, headers });
    expect(again.body.id).toBe(first.body.id);
    orderId = first.body.id;
    const stock = await get(undefined, '/api/v1/store/products?q=蜂蜜');
    expect(stock.body.items.find((p: { id: string }) => p.id === product.id).stock).toBe(18);

    const tooMany = await t.request('POST', '/api/v1/store/orders', {
      token: buyer,
      body: { lines: [{ productId: product.id, quantity: 99 }], shipTo },
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe('insufficient_stock');
    const notBuyer = await t.request('POST', '/api/v1/store/orders', { token: c.centre.partner.token, body });
    expect(notBuyer.status).toBe(403);
    const badPhone = await t.request('POST', '/api/v1/store/orders', {
      token: buyer,
      body: { ...body, shipTo: { ...shipTo, phone: '123' } },
    });
    expect(badPhone.status).toBe(400);
    // A village product is not sold to villagers through an assisted order.
    const villager = await registerVillager(t, c.centre.partner.token);
    const assisted = await t.request('POST', '/api/v1/orders', {
      token: c.centre.partner.token,
      body: { villagerId: villager.id, lines: [{ productId: product.id, quantity: 1 }], payment: 'float' },
    });
    expect(assisted.status).toBe(400);
    await expectBalancedBooks(t);
  });

  it('keeps orders to their buyer, centre and county', async () => {
    const stranger = await newBuyer();
    expect((await get(stranger.token, `/api/v1/store/orders/${orderId}`)).status).toBe(404);
    expect((await get(other.staff.token, `/api/v1/store/orders/${orderId}`)).status).toBe(404);
    expect((await get(other.centre.partner.token, `/api/v1/store/orders/${orderId}`)).status).toBe(404);
    expect((await get(buyer, `/api/v1/store/orders/${orderId}`)).body.status).toBe('placed');
    expect(
      (await get(c.centre.partner.token, '/api/v1/store/orders')).body.items.map((o: { id: string }) => o.id),
    ).toContain(orderId);
    const collectByOther = await t.request('POST', `/api/v1/orders/${orderId}/collect`, {
      token: other.centre.partner.token,
    });
    expect(collectByOther.status).toBe(404);
  });

  it('travels from the centre through the hub to the buyer, and the delivery splits the money', async () => {
    const parcel = await post(t, c.centre.partner.token, `/api/v1/orders/${orderId}/collect`);
    expect(parcel.trackingNumber).toMatch(/^CT/);
    expect(
      (await t.request('POST', `/api/v1/orders/${orderId}/collect`, { token: c.centre.partner.token }))
        .status,
    ).toBe(409);
    const { runs } = await plan(t, c);
    const run = runs.find((r: { stops: Array<{ collectParcelIds: string[] }> }) =>
      r.stops.some((s) => s.collectParcelIds.includes(parcel.parcelId)),
    );
    await post(t, c.staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
    await post(
      t,
      c.centre.partner.token,
      `/api/v1/centers/${c.centre.center.id}/scans`,
      { trackingNumber: parcel.trackingNumber, type: 'collected' },
      200,
    );
    expect((await hubScan(t, c.staff.token, parcel.trackingNumber)).body.direction).toBe('outbound');
    await post(
      t,
      c.staff.token,
      `/api/v1/parcels/${parcel.parcelId}/handoff`,
      { carrier: '顺丰速运', carrierTrackingNumber: 'SF1234567890' },
      200,
    );
    await post(t, c.staff.token, `/api/v1/parcels/${parcel.parcelId}/delivered`, undefined, 200);
    const order = (await get(buyer, `/api/v1/store/orders/${orderId}`)).body;
    expect(order).toMatchObject({ status: 'delivered', trackingNumber: parcel.trackingNumber });

    // 176.00 gross: partner 5 % = 8.80, platform 3 % = 5.28, 2 kg of logistics = 6.00 (the minimum).
    const statement = (await get(c.centre.partner.token, `/api/v1/sellers/${seller.id}/statement`)).body;
    expect(statement.items).toEqual([
      {
        orderId,
        grossFen: 17_600,
        sellerShareFen: 17_600 - 880 - 528 - 600,
        partnerFeeFen: 880,
        platformFeeFen: 528,
        logisticsFen: 600,
        at: expect.any(String),
      },
    ]);
    expect(statement.totals).toEqual({
      grossFen: 17_600,
      sellerShareFen: 15_592,
      paidOutFen: 0,
      balanceFen: 15_592,
    });
    // A second delivery report moves nothing.
    await post(t, c.staff.token, `/api/v1/parcels/${parcel.parcelId}/delivered`, undefined, 200);
    expect((await get(c.staff.token, `/api/v1/sellers/${seller.id}/statement`)).body.totals.balanceFen).toBe(
      15_592,
    );

    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const partnerStatement = (
      await get(
        c.centre.partner.token,
        `/api/v1/partners/${c.centre.partner.user.id}/statement?month=${month}`,
      )
    ).body;
    expect(partnerStatement.items).toContainEqual(
      expect.objectContaining({ type: 'commission', refId: orderId, amountFen: 880 }),
    );

    await t.drain();
    const sms = await get(hq, '/api/v1/notifications');
    expect(sms.body.items.some((m: { body: string }) => m.body.includes('155.92'))).toBe(true);
    await expectBalancedBooks(t);
  });

  it('keeps the statement from other counties and the government viewer', async () => {
    expect((await get(other.staff.token, `/api/v1/sellers/${seller.id}/statement`)).status).toBe(404);
    const gov = await makeUser(t, c.staff.token, 'gov_viewer', { countyId: c.county.id });
    expect((await get(gov.token, `/api/v1/sellers/${seller.id}/statement`)).status).toBe(403);
  });

  it('pays sellers out in a batch: a payout file for the bank, paid once confirmed', async () => {
    const url = '/api/v1/payouts/batches';
    expect(
      (await t.request('POST', url, { token: other.staff.token, body: { countyId: c.county.id } })).status,
    ).toBe(404);
    expect(
      (await t.request('POST', url, { token: c.centre.partner.token, body: { countyId: c.county.id } }))
        .status,
    ).toBe(403);
    const batch = await post(t, c.staff.token, url, { countyId: c.county.id });
    expect(batch).toMatchObject({ status: 'sent', totalFen: 15_592, skipped: [] });
    expect(batch.lines).toEqual([
      {
        sellerId: seller.id,
        accountName: '王阿婆',
        amountFen: 15_592,
        payoutMethod: 'alipay',
        payoutAccount: '****.com',
      },
    ]);
    // Nothing is owed any more: a second batch has nothing to pay.
    const empty = await t.request('POST', url, { token: c.staff.token, body: { countyId: c.county.id } });
    expect(empty.status).toBe(409);

    const file = await t.request('GET', `${url}/${batch.id}/file`, { token: c.staff.token });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.body).toContain('"wang.apo@example.com",155.92');
    expect((await t.request('GET', `${url}/${batch.id}/file`, { token: other.staff.token })).status).toBe(
      404,
    );

    const statement = (await get(c.staff.token, `/api/v1/sellers/${seller.id}/statement`)).body;
    expect(statement.totals).toMatchObject({ sellerShareFen: 15_592, paidOutFen: 15_592, balanceFen: 0 });

    const noRef = await t.request('POST', `${url}/${batch.id}/paid`, { token: c.staff.token, body: {} });
    expect(noRef.status).toBe(400);
    const paid = await post(
      t,
      c.staff.token,
      `${url}/${batch.id}/paid`,
      { bankReference: 'BOC-20261126-01' },
      200,
    );
    expect(paid).toMatchObject({ status: 'paid', bankReference: 'BOC-20261126-01' });
    expect(
      (await post(t, c.staff.token, `${url}/${batch.id}/paid`, { bankReference: 'again' }, 200))
        .bankReference,
    ).toBe('BOC-20261126-01');
    await t.drain();
    const sms = await get(hq, '/api/v1/notifications');
    expect(sms.body.items.some((m: { body: string }) => m.body.includes('货款155.92元已打入'))).toBe(true);
    await expectBalancedBooks(t);
  });

  it('cancels before collection: stock back and the payment refunded once', async () => {
    const order = await post(t, buyer, '/api/v1/store/orders', {
      lines: [{ productId: product.id, quantity: 3 }],
      shipTo,
    });
    const stranger = await newBuyer();
    expect(
      (await t.request('POST', `/api/v1/store/orders/${order.id}/cancel`, { token: stranger.token })).status,
    ).toBe(404);
    const cancelled = await post(t, buyer, `/api/v1/store/orders/${order.id}/cancel`, undefined, 200);
    expect(cancelled.status).toBe('cancelled');
    expect((await post(t, buyer, `/api/v1/store/orders/${order.id}/cancel`, undefined, 200)).status).toBe(
      'cancelled',
    );
    expect(
      (await t.request('POST', `/api/v1/orders/${order.id}/collect`, { token: c.centre.partner.token }))
        .status,
    ).toBe(409);
    const stock = await get(undefined, '/api/v1/store/products?q=蜂蜜');
    expect(stock.body.items.find((p: { id: string }) => p.id === product.id).stock).toBe(18);
    await t.drain();
    const payments = await t.deps.db
      .selectFrom('store_payments')
      .select(['kind', 'amount_fen', 'status'])
      .where('order_id', '=', order.id)
      .orderBy('kind')
      .execute();
    expect(payments.map((p) => [p.kind, Number(p.amount_fen), p.status])).toEqual([
      ['capture', 26_400, 'succeeded'],
      ['refund', 26_400, 'succeeded'],
    ]);
    await expectBalancedBooks(t);
  });
});

describeDb('upstream refunds: lost on the way, or sent back after delivery', () => {
  let t: TestApp;
  let hq: string;
  let c: LogisticsCounty;
  let product: { id: string };
  let sellerId: string;
  let buyer: string;

  /** A paid storefront order, collected and on its way to the hub (in_transit). */
  const orderOnItsWay = async () => {
    const order = await post(t, buyer, '/api/v1/store/orders', {
      lines: [{ productId: product.id, quantity: 1 }],
      shipTo,
    });
    const parcel = await post(t, c.centre.partner.token, `/api/v1/orders/${order.id}/collect`);
    const { runs } = await plan(t, c);
    const run = runs.find((r: { stops: Array<{ collectParcelIds: string[] }> }) =>
      r.stops.some((s) => s.collectParcelIds.includes(parcel.parcelId)),
    );
    await post(t, c.staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
    await post(
      t,
      c.centre.partner.token,
      `/api/v1/centers/${c.centre.center.id}/scans`,
      { trackingNumber: parcel.trackingNumber, type: 'collected' },
      200,
    );
    return { order, parcel };
  };

  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    await makeVan(t, c);
    const villager = await registerVillager(t, c.centre.partner.token);
    sellerId = (await post(t, c.centre.partner.token, '/api/v1/sellers', { villagerId: villager.id })).id;
    product = await post(t, c.centre.partner.token, `/api/v1/sellers/${sellerId}/products`, honey);
    await post(t, c.staff.token, `/api/v1/products/${product.id}/approve`, undefined, 200);
    const login = `buyer-${unique()}`;
    await post(t, '', '/api/v1/store/accounts', { login, password: PASSWORD, displayName: '买家' });
    buyer = await signIn(t, login);
  });
  afterAll(() => t.close());

  it('refunds the buyer when the hub finds the parcel damaged', async () => {
    const { order, parcel } = await orderOnItsWay();
    const scan = await t.request('POST', '/api/v1/hub/scans', {
      token: c.staff.token,
      body: { trackingNumber: parcel.trackingNumber, type: 'exception', reason: 'damaged' },
    });
    expect(scan.status).toBe(200);
    const refunded = (await t.request('GET', `/api/v1/store/orders/${order.id}`, { token: buyer })).body;
    expect(refunded).toMatchObject({ status: 'refunded', refundReason: 'hub exception: damaged' });
    await t.drain();
    const statement = (
      await t.request('GET', `/api/v1/sellers/${sellerId}/statement`, { token: c.staff.token })
    ).body;
    expect(statement.items).toEqual([]);
    await expectBalancedBooks(t);
  });

  it('reverses the split of a delivered order sent back, on the statement and in the books', async () => {
    const { order, parcel } = await orderOnItsWay();
    await hubScan(t, c.staff.token, parcel.trackingNumber);
    await post(
      t,
      c.staff.token,
      `/api/v1/parcels/${parcel.parcelId}/handoff`,
      { carrier: '邮政 EMS', carrierTrackingNumber: 'EMS0001' },
      200,
    );
    await post(t, c.staff.token, `/api/v1/parcels/${parcel.parcelId}/delivered`, undefined, 200);
    const url = `/api/v1/store/orders/${order.id}/refund`;
    expect((await t.request('POST', url, { token: buyer, body: { reason: 'x' } })).status).toBe(403);
    expect((await t.request('POST', url, { token: c.staff.token, body: {} })).status).toBe(400);
    const refunded = await post(t, c.staff.token, url, { reason: '买家退货：瓶子破损' }, 200);
    expect(refunded.status).toBe('refunded');
    expect((await post(t, c.staff.token, url, { reason: 'again' }, 200)).refundReason).toBe(
      '买家退货：瓶子破损',
    );
    // The delivery counts in its month's storefront sales; the refund after it does not undo it.
    const rollups = await t.deps.db.selectFrom('store_sales_rollups').selectAll().execute();
    expect(rollups.map((r) => [r.county_id, Number(r.orders), Number(r.sales_fen)])).toEqual([
      [c.county.id, 1, refunded.totalFen],
    ]);
    expect(rollups.map((r) => ({ ...r, orders: Number(r.orders), sales_fen: Number(r.sales_fen) }))).toEqual(
      await recomputeSalesRollups(t.deps.db),
    );

    const statement = (
      await t.request('GET', `/api/v1/sellers/${sellerId}/statement`, { token: c.staff.token })
    ).body;
    expect(statement.items.map((i: { grossFen: number }) => i.grossFen).sort()).toEqual([-8_800, 8_800]);
    expect(statement.totals).toEqual({ grossFen: 0, sellerShareFen: 0, paidOutFen: 0, balanceFen: 0 });
    // The partner's fee comes back off its statement as a claw-back of the same amount.
    const partner = (
      await t.request('GET', `/api/v1/partners/${c.centre.partner.user.id}/statement`, {
        token: c.centre.partner.token,
      })
    ).body;
    const fee = partner.items.filter((i: { refId: string }) => i.refId === order.id);
    expect(fee.map((i: { type: string }) => i.type).sort()).toEqual(['clawback', 'commission']);
    expect(fee[0].amountFen + fee[1].amountFen).toBe(0);
    await t.drain();
    const payments = await t.deps.db
      .selectFrom('store_payments')
      .select(['kind', 'status'])
      .where('order_id', '=', order.id)
      .orderBy('kind')
      .execute();
    expect(payments).toEqual([
      { kind: 'capture', status: 'succeeded' },
      { kind: 'refund', status: 'succeeded' },
    ]);
    await expectBalancedBooks(t);
  });

  it('refuses to refund an order not yet collected (cancel it instead)', async () => {
    const order = await post(t, buyer, '/api/v1/store/orders', {
      lines: [{ productId: product.id, quantity: 1 }],
      shipTo,
    });
    const res = await t.request('POST', `/api/v1/store/orders/${order.id}/refund`, {
      token: c.staff.token,
      body: { reason: '买家改主意' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('invalid_state');
  });

  it('splits a sale by the storefront rates of the schedule it was placed under', async () => {
    for (const upstream of [{}, { partnerBps: 5_001 }, { logisticsMinFen: -1 }]) {
      const bad = await t.request('POST', '/api/v1/fee-schedules', { token: hq, body: { upstream } });
      expect(bad.status, JSON.stringify(upstream)).toBe(400);
    }
    const schedule = await post(t, hq, '/api/v1/fee-schedules', { upstream: { partnerBps: 800 } });
    expect(schedule.rates.upstream).toEqual({
      partnerBps: 800,
      platformBps: 300,
      logisticsFenPerKg: 200,
      logisticsMinFen: 600,
    });
    const { order, parcel } = await orderOnItsWay();
    await hubScan(t, c.staff.token, parcel.trackingNumber);
    await post(
      t,
      c.staff.token,
      `/api/v1/parcels/${parcel.parcelId}/handoff`,
      { carrier: '邮政 EMS', carrierTrackingNumber: 'EMS0002' },
      200,
    );
    await post(t, c.staff.token, `/api/v1/parcels/${parcel.parcelId}/delivered`, undefined, 200);
    const sale = await t.deps.db
      .selectFrom('store_sales')
      .select(['partner_fee_fen', 'platform_fee_fen'])
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect([Number(sale.partner_fee_fen), Number(sale.platform_fee_fen)]).toEqual([704, 264]);
    await expectBalancedBooks(t);
  });
});
