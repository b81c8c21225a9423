import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GENERATED_PASSWORD, type GenerateResult, generate } from '../bench/generate/generate.ts';
import { readCatalog } from '../server/db/catalog.ts';
import { distributed } from '../server/db/distribution.ts';
import { daySumMismatches, runningBalanceMismatches } from '../server/modules/ledger/index.ts';
import { rebuildCenterCounts } from '../server/modules/network/index.ts';
import { SMS_TOPIC } from '../server/modules/notifications/index.ts';
import { rebuildApplicationCounts } from '../server/modules/recruitment/index.ts';
import { rebuildCertifiedPartners } from '../server/modules/training/index.ts';
import { createTestApp, describeDb, type TestApp } from './harness.ts';
import { signIn } from './scenarios.ts';
import { expectTallyMatchesRecount } from './tallies.ts';

const size = {
  counties: 2,
  centresPerCounty: 8,
  months: 3,
  products: 400,
  merchants: 6,
  villagersPerCentre: 6,
  ordersPerCentreMonth: 12,
  servicesPerCentreMonth: 4,
  seed: 12,
};

/** The China Standard Time month of an ISO instant, as the rollups key it. */
const cstMonth = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 7);

describeDb('the national-size data generator', () => {
  let t: TestApp;
  let result: GenerateResult;
  const count = async (query: string) =>
    Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(t.deps.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await createTestApp();
    result = await generate(t.handle, size, { quiet: true });
  }, 120_000);
  afterAll(() => t.close());

  it('writes the network it was asked for, and reports it', async () => {
    expect(result.counts.get('counties')).toBe(2);
    expect(result.counts.get('centers')).toBe(16);
    expect(await count("select count(*) as n from products where kind <> 'local_specialty'")).toBe(400);
    expect(result.counts.get('orders')).toBeGreaterThan(20);
    const hq = await signIn(t, 'hq', GENERATED_PASSWORD);
    const counties = await t.request('GET', '/api/v1/counties', { token: hq });
    expect(counties.status).toBe(200);
    expect(counties.body.items).toHaveLength(2);
    for (const c of counties.body.items) {
      expect(c.province).toMatch(/省|自治区|市$/);
      expect(c.hub.lat).toBeGreaterThan(18);
      expect(c.hub.lat).toBeLessThan(54);
      expect(c.hub.lon).toBeGreaterThan(73);
      expect(c.hub.lon).toBeLessThan(135);
    }
  });

  it('sends the SMS the app sends: a pickup code per arrival, a result per request, each delivered once', async () => {
    const arrived = await count(
      "select count(*) as n from parcels where direction = 'inbound' and arrived_at is not null",
    );
    expect(arrived).toBeGreaterThan(0);
    expect(await count("select count(*) as n from notifications where kind = 'pickup_code'")).toBe(arrived);
    expect(
      await count(`select count(distinct m.id) as n from notifications m join parcels p on p.recipient_phone = m.to_address
        and p.arrived_at = m.created_at and p.county_id = m.county_id where m.kind = 'pickup_code'`),
    ).toBe(arrived);
    const results = await count(
      "select count(*) as n from notifications where kind in ('service_succeeded', 'service_refund')",
    );
    expect(results).toBe(
      await count('select count(*) as n from service_requests where resolved_at is not null'),
    );
    expect(
      await count(`select count(*) as n from notifications m join service_requests r
        on m.body like '%' || r.receipt_no || '%' and m.created_at = r.resolved_at
        where m.kind = case r.status when 'succeeded' then 'service_succeeded' else 'service_refund' end`),
    ).toBe(results);
    // Every message was taken by the gateway through exactly one delivered outbox job.
    const messages = await count('select count(*) as n from notifications');
    expect(
      await count("select count(*) as n from notifications where status = 'sent' and sent_at >= created_at"),
    ).toBe(messages);
    const jobs = await t.deps.db.selectFrom('outbox').select(['topic', 'status', 'payload']).execute();
    expect(jobs.every((j) => j.topic === SMS_TOPIC && j.status === 'delivered')).toBe(true);
    const ids = jobs.map((j) => JSON.parse(j.payload).notificationId as string);
    expect(new Set(ids).size).toBe(messages);
    expect(ids).toHaveLength(messages);

    // The county's message log, through the route, newest first and only its county.
    const staff = await signIn(t, 'county1', GENERATED_PASSWORD);
    const me = await t.request('GET', '/api/v1/me', { token: staff });
    const log = await t.request('GET', '/api/v1/notifications?limit=20', { token: staff });
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(20);
    const inCounty = await t.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('county_id', '=', me.body.countyId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(20)
      .execute();
    expect(log.body.items.map((m: { id: string }) => m.id)).toEqual(inCounty.map((m) => m.id));
  });

  it('keeps the books: trial balance 0, running balances agree, floats match what they paid for', async () => {
    const hq = await signIn(t, 'hq', GENERATED_PASSWORD);
    const trial = await t.request('GET', '/api/v1/ledger/trial-balance', { token: hq });
    expect(trial.status).toBe(200);
    expect(trial.body.totalFen).toBe(0);
    expect(await runningBalanceMismatches(t.deps.db)).toEqual([]);
    expect(await daySumMismatches(t.deps.db)).toEqual([]);
    // Every account row's entries (an account in one county) are numbered 1…n and carry the running sum.
    const entries = await t.deps.db
      .selectFrom('ledger_entries')
      .select(['account_id', 'county_id', 'account_seq', 'amount_fen', 'balance_after_fen'])
      .orderBy('account_id')
      .orderBy('county_id')
      .orderBy('account_seq')
      .execute();
    const heads = new Map<string, { seq: number; sum: number }>();
    for (const e of entries) {
      const row = `${e.account_id} in ${e.county_id}`;
      const head = heads.get(row) ?? { seq: 0, sum: 0 };
      head.seq += 1;
      head.sum += Number(e.amount_fen);
      expect(e.account_seq, row).toBe(head.seq);
      expect(Number(e.balance_after_fen), row).toBe(head.sum);
      heads.set(row, head);
    }
    // Platform accounts have a row in each county; a centre's accounts only in its own.
    expect(await count(`select count(*) as n from ledger_accounts where id = 'cash_clearing'`)).toBe(2);
    expect(
      await count(
        `select count(*) as n from ledger_accounts a join centers c on c.id = a.owner_id where c.county_id <> a.county_id`,
      ),
    ).toBe(0);
    const staff = await signIn(t, 'county1', GENERATED_PASSWORD);
    const centres = await t.deps.db.selectFrom('centers').select(['id', 'county_id', 'status']).execute();
    const county1 = (
      await t.deps.db
        .selectFrom('counties')
        .select('id')
        .where('code', 'like', '%0001')
        .executeTakeFirstOrThrow()
    ).id;
    for (const centre of centres.filter((c) => c.county_id === county1)) {
      const float = await t.request('GET', `/api/v1/centers/${centre.id}/float`, { token: staff });
      expect(float.status).toBe(200);
      const deposits = await count(
        `select coalesce(sum(amount_fen), 0) as n from float_deposits where center_id = '${centre.id}'`,
      );
      const orders = await count(
        `select coalesce(sum(total_fen), 0) as n from orders where center_id = '${centre.id}' and status <> 'cancelled'`,
      );
      const services = await count(
        `select coalesce(sum(amount_fen), 0) as n from service_requests where center_id = '${centre.id}' and status <> 'failed'`,
      );
      // Goods returned at the counter: the partner hands the cash back, the float gets it again.
      const refunds = await count(
        `select coalesce(sum(refund_fen), 0) as n from order_returns where center_id = '${centre.id}' and refund_to = 'float'`,
      );
      expect(float.body.balanceFen).toBe(deposits - orders - services + refunds);
      expect(float.body.balanceFen).toBeGreaterThanOrEqual(0);
    }
  });

  it('leaves stock as the orders and returns left it', async () => {
    const left = await count("select sum(stock) as n from products where kind <> 'local_specialty'");
    const sold = await count(
      `select coalesce(sum(l.quantity - l.returned_quantity), 0) as n from order_lines l join orders o on o.id = l.order_id
       where o.status <> 'cancelled'`,
    );
    expect(left).toBe(result.initialStock - sold);
    expect(await count('select count(*) as n from products where stock < 0')).toBe(0);
  });

  it('gives every order and parcel the status of its last event', async () => {
    // A partial return is an event of an order that keeps its status.
    for (const [table, events, key, other] of [
      ['orders', 'order_events', 'order_id', 'partially_returned'],
      ['parcels', 'parcel_events', 'parcel_id', ''],
    ] as const) {
      const off = await count(
        `select count(*) as n from ${table} x where x.status <> (
           select e.type from ${events} e where e.${key} = x.id and e.type <> '${other}'
           order by e.at desc, e.id desc limit 1)`,
      );
      expect(off, table).toBe(0);
    }
    expect(
      await count(
        `select count(*) as n from parcels where status in ('in_transit', 'ready_for_pickup', 'picked_up') and run_id is null`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) as n from orders where status = 'completed' and id not in (select order_id from parcels where status = 'picked_up')`,
      ),
    ).toBe(0);
    expect(await count(`select count(*) as n from centers where status = 'open' and opened_at is null`)).toBe(
      0,
    );
    // No van leaves heavier than it may carry; a run's load is its peak along its stops: every
    // parcel for the centres aboard at the hub, each stop taking its own off and its outbound on.
    expect(
      await count(
        'select count(*) as n from runs r join vehicles v on v.id = r.vehicle_id where r.load_grams > v.capacity_kg * 1000',
      ),
    ).toBe(0);
    const stops = await t.deps.db
      .selectFrom('run_stops')
      .select(['run_id', 'center_id'])
      .orderBy('run_id')
      .orderBy('sequence')
      .execute();
    const parcels = await t.deps.db
      .selectFrom('parcels')
      .select(['run_id', 'center_id', 'direction', 'weight_grams'])
      .where('run_id', 'is not', null)
      .execute();
    const runs = await t.deps.db.selectFrom('runs').select(['id', 'load_grams']).execute();
    let collected = 0;
    for (const run of runs) {
      const aboard = parcels.filter((p) => p.run_id === run.id);
      let load = aboard.filter((p) => p.direction === 'inbound').reduce((sum, p) => sum + p.weight_grams, 0);
      let peak = load;
      for (const stop of stops.filter((x) => x.run_id === run.id)) {
        for (const p of aboard.filter((x) => x.center_id === stop.center_id))
          load += p.direction === 'outbound' ? p.weight_grams : -p.weight_grams;
        peak = Math.max(peak, load);
      }
      expect(load, run.id).toBe(
        aboard.filter((p) => p.direction === 'outbound').reduce((sum, p) => sum + p.weight_grams, 0),
      );
      expect(run.load_grams, run.id).toBe(peak);
      collected += aboard.filter((p) => p.direction === 'outbound').length;
    }
    expect(collected).toBeGreaterThan(0);
  });

  it('counts the generated orders into the national GMV rollup', async () => {
    const rolled = await count('select sum(orders) as n from order_gmv_rollups');
    expect(rolled).toBe(await count("select count(*) as n from orders where status <> 'cancelled'"));
    expect(rolled).toBeGreaterThan(0);
    expect(await count('select sum(gmv_fen) - sum(refunds_fen) as n from order_gmv_rollups')).toBe(
      (await count("select sum(total_fen) as n from orders where status <> 'cancelled'")) -
        (await count('select coalesce(sum(refund_fen), 0) as n from order_returns')),
    );
  });

  it('takes goods back at the counter after pickup, as the orders module records a return', async () => {
    const returns = await t.deps.db.selectFrom('order_returns').selectAll().execute();
    expect(returns.length).toBeGreaterThan(0);
    const lines = await t.deps.db.selectFrom('order_return_lines').selectAll().execute();
    const entries = await t.deps.db
      .selectFrom('ledger_entries as e')
      .innerJoin('ledger_transactions as x', 'x.id', 'e.transaction_id')
      .select(['x.ref_id', 'x.memo', 'e.account_id', 'e.amount_fen'])
      .where('x.kind', '=', 'return')
      .execute();
    for (const r of returns) {
      const own = lines.filter((l) => l.return_id === r.id);
      expect(own.reduce((sum, l) => sum + Number(l.refund_fen), 0)).toBe(Number(r.refund_fen));
      const posted = entries.filter((e) => e.ref_id === r.id);
      expect(posted.every((e) => e.memo === r.order_id)).toBe(true);
      // The float gets the refund back, the partner's commission gives back the claw-back.
      expect(posted.find((e) => e.account_id === `partner_float:${r.center_id}`)?.amount_fen).toBe(
        -Number(r.refund_fen),
      );
      expect(
        Number(posted.find((e) => e.account_id === `commission_payable:${r.center_id}`)?.amount_fen ?? 0),
      ).toBe(Number(r.clawback_fen));
      const picked = await t.deps.db
        .selectFrom('order_events')
        .select('at')
        .where('order_id', '=', r.order_id)
        .where('type', '=', 'completed')
        .executeTakeFirstOrThrow();
      expect(r.created_at > picked.at).toBe(true);
    }
    // Each return's goods go back to the merchants in an outbound parcel of their own.
    expect(await count('select count(*) as n from parcels where return_id is not null')).toBe(returns.length);
    expect(
      await count(
        `select count(*) as n from parcels p join order_returns r on r.id = p.return_id
         where p.direction <> 'outbound' or p.order_id <> r.order_id or p.center_id <> r.center_id`,
      ),
    ).toBe(0);
    // `returned` once every unit is back; otherwise the return is an event of a completed order.
    expect(
      await count(
        `select count(*) as n from orders o where (o.status = 'returned') <> not exists (
           select 1 from order_lines l where l.order_id = o.id and l.returned_quantity < l.quantity)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) as n from orders o where exists (
           select 1 from order_lines l where l.order_id = o.id and l.returned_quantity > 0) <> exists (
           select 1 from order_returns r where r.order_id = o.id)`,
      ),
    ).toBe(0);
    // The GMV rollup's refunds are the returns taken in each county's month.
    const rollups = await t.deps.db.selectFrom('order_gmv_rollups').selectAll().execute();
    const refunds = new Map<string, number>();
    for (const r of returns) {
      const key = `${r.county_id}|${cstMonth(r.created_at)}`;
      refunds.set(key, (refunds.get(key) ?? 0) + Number(r.refund_fen));
    }
    for (const row of rollups)
      expect(Number(row.refunds_fen)).toBe(refunds.get(`${row.county_id}|${row.month}`) ?? 0);
    expect(rollups.reduce((sum, r) => sum + Number(r.refunds_fen), 0)).toBe(
      returns.reduce((sum, r) => sum + Number(r.refund_fen), 0),
    );
  });

  it('sells village products on the storefront: each order agrees with its parcel, payments and ledger', async () => {
    const db = t.deps.db;
    const orders = await db.selectFrom('store_orders').selectAll().execute();
    const statuses = new Set(orders.map((o) => o.status));
    for (const status of ['placed', 'collected', 'delivered'] as const)
      expect(statuses, status).toContain(status);
    const lines = await db.selectFrom('store_order_lines').selectAll().execute();
    const payments = await db.selectFrom('store_payments').selectAll().execute();
    const parcels = await db
      .selectFrom('parcels')
      .selectAll()
      .where('direction', '=', 'outbound')
      .where('return_id', 'is', null)
      .execute();
    const sales = await db.selectFrom('store_sales').selectAll().execute();
    const refunds = await db.selectFrom('store_sale_refunds').selectAll().execute();
    const prepaid = await db
      .selectFrom('ledger_entries as e')
      .innerJoin('ledger_transactions as x', 'x.id', 'e.transaction_id')
      .select(['x.ref_id', 'e.amount_fen'])
      .where('e.account_id', 'like', 'buyer_prepayment:%')
      .execute();
    const by = <T, K>(rows: T[], key: (r: T) => K) => {
      const m = new Map<K, T[]>();
      for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
      return m;
    };
    const linesOf = by(lines, (l) => l.order_id);
    const paymentsOf = by(payments, (p) => p.order_id);
    const parcelOf = new Map(parcels.map((p) => [p.order_id, p]));
    const salesOf = by(sales, (x) => x.order_id);
    const refundsOf = by(refunds, (x) => x.order_id);
    const prepaidOf = by(prepaid, (e) => e.ref_id);
    for (const o of orders) {
      const total = Number(o.total_fen);
      const own = linesOf.get(o.id) ?? [];
      expect(
        own.reduce((sum, l) => sum + Number(l.unit_price_fen) * l.quantity, 0),
        o.id,
      ).toBe(total);
      const paid = paymentsOf.get(o.id) ?? [];
      const capture = paid.filter((p) => p.kind === 'capture');
      expect(
        capture.map((p) => [Number(p.amount_fen), p.created_at]),
        o.id,
      ).toEqual([[total, o.created_at]]);
      const refund = paid.filter((p) => p.kind === 'refund');
      const refunded = o.status === 'cancelled' || o.status === 'refunded';
      expect(
        refund.map((p) => Number(p.amount_fen)),
        o.id,
      ).toEqual(refunded ? [total] : []);
      for (const p of paid) {
        const ref = `SBX-${p.kind === 'capture' ? 'CAP' : 'REF'}-${p.id}`;
        expect([p.provider_ref, p.settled_at !== null], p.id).toEqual(
          p.status === 'succeeded' ? [ref, true] : [null, false],
        );
      }
      // What the ledger still holds as the buyer's prepayment: the total until the order is settled.
      const held = (prepaidOf.get(o.id) ?? []).reduce((sum, e) => sum - Number(e.amount_fen), 0);
      expect(held, o.id).toBe(o.status === 'placed' || o.status === 'collected' ? total : 0);
      const parcel = parcelOf.get(o.id);
      expect(parcel?.id ?? null, o.id).toBe(o.parcel_id);
      expect(parcel?.created_at ?? null, o.id).toBe(o.collected_at);
      if (parcel) {
        expect([parcel.tracking_number, parcel.center_id, parcel.carrier]).toEqual([
          o.tracking_number,
          o.center_id,
          '村通特产',
        ]);
      }
      const sold = salesOf.get(o.id) ?? [];
      expect(sold.length > 0, o.id).toBe(o.delivered_at !== null);
      for (const x of sold) {
        expect(x.at).toBe(o.delivered_at);
        expect(
          Number(x.seller_share_fen) +
            Number(x.partner_fee_fen) +
            Number(x.platform_fee_fen) +
            Number(x.logistics_fen),
        ).toBe(Number(x.gross_fen));
      }
      if (sold.length > 0) expect(sold.reduce((sum, x) => sum + Number(x.gross_fen), 0)).toBe(total);
      const back = refundsOf.get(o.id) ?? [];
      expect(back.map((x) => [x.seller_id, x.seller_share_fen, x.at])).toEqual(
        o.status === 'refunded' && o.delivered_at
          ? sold.map((x) => [x.seller_id, x.seller_share_fen, o.refunded_at])
          : [],
      );
      if (o.status === 'placed' || o.status === 'cancelled') expect(parcel, o.id).toBeUndefined();
      if (o.status === 'cancelled') expect(o.cancelled_at).toBe(o.updated_at);
      if (o.status === 'collected')
        expect(['awaiting_collection', 'in_transit', 'at_hub', 'handed_off']).toContain(parcel!.status);
      if (o.status === 'delivered')
        expect([parcel!.status, parcel!.updated_at]).toEqual(['delivered', o.delivered_at]);
      if (o.status === 'refunded') {
        expect(o.refunded_at).toBe(o.updated_at);
        // Lost or broken at the hub before delivery, or sent back after it.
        if (o.delivered_at) expect(parcel!.status).toBe('delivered');
        else
          expect([parcel!.status, parcel!.updated_at, o.refund_reason]).toEqual([
            'exception',
            o.refunded_at,
            `hub exception: ${parcel!.exception_reason}`,
          ]);
      }
      const steps = [o.created_at, o.collected_at, o.delivered_at, o.cancelled_at, o.refunded_at];
      expect(o.updated_at, o.id).toBe(
        steps
          .filter((x) => x !== null)
          .sort()
          .at(-1),
      );
    }
    // A harvest batch takes orders until it closes; its pre-orders leave together, alone in their order.
    for (const b of await db.selectFrom('harvest_batches').selectAll().execute()) {
      expect(b.ships_from >= b.closes_at.slice(0, 10)).toBe(true);
      if (b.collected_at) expect(b.collected_at >= b.closes_at).toBe(true);
      for (const l of lines.filter((x) => x.product_id === b.product_id)) {
        const o = orders.find((x) => x.id === l.order_id)!;
        expect(o.created_at < b.closes_at).toBe(true);
        expect(linesOf.get(o.id)).toHaveLength(1);
        if (o.collected_at) expect(o.collected_at).toBe(b.collected_at);
      }
    }
    // Listings: a seller's village products, with the stock their orders left.
    expect(
      await count(
        `select count(*) as n from products p where p.kind = 'local_specialty'
         and not exists (select 1 from sellers s where s.merchant_id = p.merchant_id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) as n from store_order_lines l join products p on p.id = l.product_id
         where p.kind <> 'local_specialty' or p.status <> 'active'`,
      ),
    ).toBe(0);
  });

  it('counts storefront deliveries into the sales rollup as the app counts them', async () => {
    const rows = await t.deps.db.selectFrom('store_sales_rollups').selectAll().execute();
    const recount = new Map<string, { orders: number; sales: number }>();
    const delivered = await t.deps.db
      .selectFrom('store_orders')
      .select(['county_id', 'delivered_at', 'total_fen'])
      .where('delivered_at', 'is not', null)
      .execute();
    for (const o of delivered) {
      const key = `${o.county_id}|${cstMonth(o.delivered_at!)}`;
      const r = recount.get(key) ?? { orders: 0, sales: 0 };
      r.orders += 1;
      r.sales += Number(o.total_fen);
      recount.set(key, r);
    }
    expect(rows.length).toBeGreaterThan(0);
    expect(
      new Map(
        rows.map((r) => [
          `${r.county_id}|${r.month}`,
          { orders: Number(r.orders), sales: Number(r.sales_fen) },
        ]),
      ),
    ).toEqual(recount);
  });

  it('pays sellers out in batches: each seller’s sales are what was paid plus what is still owed', async () => {
    const db = t.deps.db;
    const batches = await db.selectFrom('payout_batches').selectAll().execute();
    expect(batches.length).toBeGreaterThan(0);
    const lines = await db.selectFrom('payout_lines').selectAll().execute();
    const postings = await db
      .selectFrom('ledger_transactions')
      .select(['ref_id', 'kind', 'created_at'])
      .where('kind', 'in', ['payout_batch', 'payout_paid'])
      .execute();
    for (const b of batches) {
      const own = lines.filter((l) => l.batch_id === b.id);
      expect(own.length).toBeGreaterThan(0);
      expect(own.reduce((sum, l) => sum + Number(l.amount_fen), 0)).toBe(Number(b.total_fen));
      expect(
        postings
          .filter((p) => p.ref_id === b.id)
          .map((p) => [p.kind, p.created_at])
          .sort(),
      ).toEqual(
        b.status === 'paid'
          ? [
              ['payout_batch', b.created_at],
              ['payout_paid', b.paid_at],
            ]
          : [['payout_batch', b.created_at]],
      );
      expect(b.bank_reference !== null).toBe(b.status === 'paid');
    }
    const sellers = await db.selectFrom('sellers').selectAll().execute();
    const balances = await db
      .selectFrom('ledger_entries')
      .select(['account_id', (eb) => eb.fn.sum<number>('amount_fen').as('fen')])
      .where('account_id', 'like', 'seller_payable:%')
      .groupBy('account_id')
      .execute();
    const balanceOf = new Map(balances.map((b) => [b.account_id, -Number(b.fen)]));
    for (const s of sellers) {
      const share = await count(
        `select coalesce(sum(seller_share_fen), 0) as n from store_sales where seller_id = '${s.id}'`,
      );
      const back = await count(
        `select coalesce(sum(seller_share_fen), 0) as n from store_sale_refunds where seller_id = '${s.id}'`,
      );
      const paid = lines
        .filter((l) => l.seller_id === s.id)
        .reduce((sum, l) => sum + Number(l.amount_fen), 0);
      expect(share - back, s.id).toBe(paid + (balanceOf.get(`seller_payable:${s.id}`) ?? 0));
      if (!s.payout_method) expect(paid).toBe(0);
    }
  });

  it('answers the upstream API on generated data: sellers, listings, statements, my orders, the review queue', async () => {
    const db = t.deps.db;
    const centre = await db
      .selectFrom('sellers')
      .innerJoin('store_sales', 'store_sales.seller_id', 'sellers.id')
      .select(['sellers.center_id', 'sellers.county_id'])
      .orderBy('sellers.center_id')
      .executeTakeFirstOrThrow();
    const partnerLogin = await db
      .selectFrom('users')
      .select('login')
      .where('center_id', '=', centre.center_id)
      .executeTakeFirstOrThrow();
    const partner = await signIn(t, partnerLogin.login, GENERATED_PASSWORD);
    const sellers = await t.request('GET', '/api/v1/sellers', { token: partner });
    expect(sellers.status).toBe(200);
    const own = await db
      .selectFrom('sellers')
      .selectAll()
      .where('center_id', '=', centre.center_id)
      .execute();
    expect(sellers.body.items.map((s: { id: string }) => s.id).sort()).toEqual(own.map((s) => s.id).sort());
    const listings = await t.request('GET', '/api/v1/listings', { token: partner });
    expect(listings.status).toBe(200);
    expect(listings.body.items.length).toBe(
      await count(
        `select count(*) as n from products where merchant_id in (select merchant_id from sellers where center_id = '${centre.center_id}')`,
      ),
    );
    for (const seller of own) {
      const products = await t.request('GET', `/api/v1/sellers/${seller.id}/products`, { token: partner });
      expect(products.status).toBe(200);
      const statement = await t.request('GET', `/api/v1/sellers/${seller.id}/statement`, { token: partner });
      expect(statement.status).toBe(200);
      const totals = statement.body.totals;
      expect(totals.sellerShareFen).toBe(totals.paidOutFen + totals.balanceFen);
      expect(totals.grossFen).toBe(
        statement.body.items.reduce((sum: number, i: { grossFen: number }) => sum + i.grossFen, 0),
      );
    }

    // A buyer signs in and sees exactly their own orders.
    const buyer = await db
      .selectFrom('store_orders')
      .innerJoin('users', 'users.id', 'store_orders.buyer_user_id')
      .select(['users.id', 'users.login', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['users.id', 'users.login'])
      .orderBy('n', 'desc')
      .orderBy('users.login')
      .executeTakeFirstOrThrow();
    const token = await signIn(t, buyer.login, GENERATED_PASSWORD);
    const mine = await t.request('GET', '/api/v1/store/orders?limit=100', { token });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(Number(buyer.n));
    for (const o of mine.body.items) expect(o.buyerUserId).toBe(buyer.id);
    const one = await t.request('GET', `/api/v1/store/orders/${mine.body.items[0].id}`, { token });
    expect([one.status, one.body.totalFen]).toEqual([200, mine.body.items[0].totalFen]);
    const others = await db
      .selectFrom('store_orders')
      .select('id')
      .where('buyer_user_id', '<>', buyer.id)
      .executeTakeFirstOrThrow();
    expect((await t.request('GET', `/api/v1/store/orders/${others.id}`, { token })).status).toBe(404);

    // The county's review queue is its listings waiting for review.
    const staffOf = new Map<string, string>();
    for (const county of await db.selectFrom('counties').select('id').execute()) {
      const staffLogin = await db
        .selectFrom('users')
        .select('login')
        .where('county_id', '=', county.id)
        .where('role', '=', 'county_staff')
        .orderBy('login')
        .executeTakeFirstOrThrow();
      const staff = await signIn(t, staffLogin.login, GENERATED_PASSWORD);
      staffOf.set(county.id, staff);
      const queue = await t.request('GET', '/api/v1/listings?status=pending_review', { token: staff });
      expect(queue.status).toBe(200);
      const waiting = await db
        .selectFrom('products')
        .select('id')
        .where('status', '=', 'pending_review')
        .where('merchant_id', 'in', (eb) =>
          eb.selectFrom('sellers').select('merchant_id').where('county_id', '=', county.id),
        )
        .execute();
      expect(queue.body.items.map((p: { id: string }) => p.id).sort()).toEqual(
        waiting.map((p) => p.id).sort(),
      );
      const batches = await t.request('GET', `/api/v1/payouts/batches?countyId=${county.id}`, {
        token: staff,
      });
      expect(batches.status).toBe(200);
      expect(batches.body.items.length).toBe(
        await count(`select count(*) as n from payout_batches where county_id = '${county.id}'`),
      );
    }

    // The app goes on from the generated state: the partner lists for a generated seller, the
    // county approves it from its queue, a generated buyer orders it.
    const listed = await t.request('POST', `/api/v1/sellers/${own[0]!.id}/products`, {
      token: partner,
      body: {
        title: '新采高山茶',
        description: '今春新茶',
        priceFen: 12_800,
        stock: 20,
        unit: '斤',
        weightGrams: 600,
        origin: { grade: '一级' },
      },
    });
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
    const staff = staffOf.get(centre.county_id)!;
    const queue = await t.request('GET', '/api/v1/listings?status=pending_review', { token: staff });
    expect(queue.body.items.map((p: { id: string }) => p.id)).toContain(listed.body.id);
    const approved = await t.request('POST', `/api/v1/products/${listed.body.id}/approve`, { token: staff });
    expect([approved.status, approved.body.status]).toEqual([200, 'active']);
    const bought = await t.request('POST', '/api/v1/store/orders', {
      token,
      body: {
        lines: [{ productId: listed.body.id, quantity: 2 }],
        shipTo: { name: '张伟', phone: '13800001111', address: '上海市浦东新区张杨路1号' },
      },
    });
    expect([bought.status, bought.body.totalFen], JSON.stringify(bought.body)).toEqual([201, 25_600]);

    const store = await t.request('GET', '/api/v1/store/products?limit=5');
    expect(store.status).toBe(200);
    expect(store.body.total).toBe(
      await count("select count(*) as n from products where kind = 'local_specialty' and status = 'active'"),
    );
    const page = await t.request('GET', `/api/v1/store/products/${store.body.items[0].id}`);
    expect(page.status).toBe(200);
    expect(page.body.origin.village).toBe(
      (
        await db
          .selectFrom('centers')
          .innerJoin('villages', 'villages.id', 'centers.village_id')
          .select('villages.name')
          .where('centers.id', '=', page.body.origin.centerId)
          .executeTakeFirstOrThrow()
      ).name,
    );
  });

  it('keeps the national tallies a recount from the rows finds', async () => {
    for (const [table, rebuild] of [
      ['certified_partners', rebuildCertifiedPartners],
      ['center_counts', rebuildCenterCounts],
      ['application_counts', rebuildApplicationCounts],
    ] as const) {
      expect((await expectTallyMatchesRecount(t.deps.db, table, rebuild)).length, table).toBeGreaterThan(0);
    }
  });

  it('files every row of a centre under the centre’s county', async () => {
    // county_id itself is NOT NULL on every distributed table (test/schema-distribution.test.ts);
    // what the generator can get wrong is which county.
    const byCentre = (await readCatalog(t.deps.db)).filter(
      (table) =>
        table.name !== 'centers' &&
        (distributed as readonly string[]).includes(table.name) &&
        table.columns.some((c) => c.name === 'center_id'),
    );
    expect(byCentre.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        'orders',
        'villagers',
        'parcels',
        'service_requests',
        'store_orders',
        'sellers',
      ]),
    );
    for (const { name } of byCentre) {
      const off = await count(
        `select count(*) as n from ${name} x join centers c on c.id = x.center_id where c.county_id <> x.county_id`,
      );
      expect(off, name).toBe(0);
    }
  });

  it('answers a county’s lists, a partner’s statement and a centre’s performance', async () => {
    const staff = await signIn(t, 'county1', GENERATED_PASSWORD);
    const me = await t.request('GET', '/api/v1/me', { token: staff });
    const countyId = me.body.countyId as string;
    const centres = await t.request('GET', `/api/v1/centers?countyId=${countyId}`, { token: staff });
    expect(centres.status).toBe(200);
    expect(centres.body.items).toHaveLength(8);
    for (const url of [
      '/api/v1/villagers',
      '/api/v1/orders',
      '/api/v1/parcels',
      `/api/v1/support/tickets?countyId=${countyId}`,
    ]) {
      const res = await t.request('GET', url, { token: staff });
      expect(res.status, url).toBe(200);
      expect(res.body.items.length, url).toBeGreaterThan(0);
      for (const item of res.body.items) if ('countyId' in item) expect(item.countyId).toBe(countyId);
    }

    const partnerRow = await t.deps.db
      .selectFrom('users')
      .select(['id', 'login', 'center_id'])
      .where('login', 'like', 'p1-%')
      .where('center_id', 'in', (eb) => eb.selectFrom('orders').select('center_id'))
      .orderBy('login')
      .executeTakeFirstOrThrow();
    const partner = await signIn(t, partnerRow.login, GENERATED_PASSWORD);
    const months = await t.deps.db
      .selectFrom('orders')
      .select('created_at')
      .where('center_id', '=', partnerRow.center_id!)
      .execute();
    const monthsOf = new Set(
      months.map((o) => new Date(Date.parse(o.created_at) + 8 * 3_600_000).toISOString().slice(0, 7)),
    );
    let net = 0;
    for (const month of monthsOf) {
      const statement = await t.request('GET', `/api/v1/partners/${partnerRow.id}/statement?month=${month}`, {
        token: partner,
      });
      expect(statement.status).toBe(200);
      expect(statement.body.netFen).toBe(
        statement.body.commissionsFen - statement.body.clawbacksFen + statement.body.serviceFeesFen,
      );
      net += statement.body.netFen;
    }
    // Over all its months the statement adds up to what the commission account holds.
    const held = await count(
      `select coalesce(-sum(amount_fen), 0) as n from ledger_entries
       where account_id = 'commission_payable:${partnerRow.center_id}'`,
    );
    expect(net).toBe(held);
    expect(net).toBeGreaterThan(0);

    const performance = await t.request(
      'GET',
      `/api/v1/centers/${partnerRow.center_id}/performance?period=month`,
      {
        token: staff,
      },
    );
    expect(performance.status).toBe(200);
    const board = await t.request('GET', `/api/v1/counties/${countyId}/leaderboard?period=month`, {
      token: staff,
    });
    expect(board.status).toBe(200);
    // The leaderboard's earnings are the statements' totals, centre by centre.
    const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    for (const item of board.body.items) {
      const partnerOf = await t.deps.db
        .selectFrom('users')
        .select('id')
        .where('center_id', '=', item.centerId)
        .executeTakeFirstOrThrow();
      const statement = await t.request(
        'GET',
        `/api/v1/partners/${partnerOf.id}/statement?month=${thisMonth}`,
        {
          token: staff,
        },
      );
      expect(item.earningsFen).toBe(statement.body.netFen);
    }

    // Another county's staff see none of it.
    const other = await signIn(t, 'county2', GENERATED_PASSWORD);
    const hidden = await t.request('GET', `/api/v1/centers/${partnerRow.center_id}`, { token: other });
    expect(hidden.status).toBe(404);
  });
});
