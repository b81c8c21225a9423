import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GENERATED_PASSWORD, type GenerateResult, generate } from '../bench/generate/generate.ts';
import { runningBalanceMismatches } from '../server/modules/ledger/index.ts';
import { rebuildCertifiedPartners } from '../server/modules/training/index.ts';
import { createTestApp, describeDb, type TestApp } from './harness.ts';
import { signIn } from './scenarios.ts';

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

/** Tables that belong to one county: each of their rows must say which. */
const countyScoped = [
  'villages',
  'centers',
  'villagers',
  'float_deposits',
  'orders',
  'order_lines',
  'order_events',
  'parcels',
  'parcel_events',
  'vehicles',
  'runs',
  'run_stops',
  'service_requests',
  'support_tickets',
  'support_messages',
  'recruitment_applications',
  'interview_notes',
  'training_sessions',
  'training_attendance',
  'certificates',
  'certified_partners',
  'center_assets',
  'onboarding_steps',
  'gov_agreements',
  'ledger_transactions',
  'order_gmv_rollups',
  'order_returns',
  'order_return_lines',
  'store_sales_rollups',
] as const;

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

  it('keeps the books: trial balance 0, running balances agree, floats match what they paid for', async () => {
    const hq = await signIn(t, 'hq', GENERATED_PASSWORD);
    const trial = await t.request('GET', '/api/v1/ledger/trial-balance', { token: hq });
    expect(trial.status).toBe(200);
    expect(trial.body.totalFen).toBe(0);
    expect(await runningBalanceMismatches(t.deps.db)).toEqual([]);
    // Every account's entries are numbered 1…n and carry the running sum.
    const entries = await t.deps.db
      .selectFrom('ledger_entries')
      .select(['account_id', 'account_seq', 'amount_fen', 'balance_after_fen'])
      .orderBy('account_id')
      .orderBy('account_seq')
      .execute();
    const heads = new Map<string, { seq: number; sum: number }>();
    for (const e of entries) {
      const head = heads.get(e.account_id) ?? { seq: 0, sum: 0 };
      head.seq += 1;
      head.sum += Number(e.amount_fen);
      expect(e.account_seq).toBe(head.seq);
      expect(Number(e.balance_after_fen)).toBe(head.sum);
      heads.set(e.account_id, head);
    }
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

  it('lists as certified exactly the partners a recount from the certificates finds', async () => {
    const generated = await t.deps.db
      .selectFrom('certified_partners')
      .selectAll()
      .orderBy('user_id')
      .execute();
    expect(generated.length).toBeGreaterThan(0);
    await rebuildCertifiedPartners(t.deps.db);
    expect(await t.deps.db.selectFrom('certified_partners').selectAll().orderBy('user_id').execute()).toEqual(
      generated,
    );
  });

  it('puts the county on every county-scoped row', async () => {
    for (const table of countyScoped) {
      expect(await count(`select count(*) as n from ${table} where county_id is null`), table).toBe(0);
    }
    // A centre's rows sit in the centre's county.
    for (const table of ['orders', 'villagers', 'parcels', 'service_requests', 'support_tickets']) {
      const off = await count(
        `select count(*) as n from ${table} x join centers c on c.id = x.center_id where c.county_id <> x.county_id`,
      );
      expect(off, table).toBe(0);
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
      `select coalesce(-sum(amount_fen), 0) as n from ledger_entries where account_id = 'commission_payable:${partnerRow.center_id}'`,
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
