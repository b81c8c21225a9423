import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GENERATED_PASSWORD, type GenerateResult, generate } from '../bench/generate/generate.ts';
import { runningBalanceMismatches } from '../server/modules/ledger/index.ts';
import { createTestApp, describeDb, type TestApp } from './harness.ts';
import { signIn } from './scenarios.ts';

const size = {
  counties: 2,
  centresPerCounty: 5,
  months: 2,
  products: 400,
  merchants: 6,
  villagersPerCentre: 6,
  ordersPerCentreMonth: 12,
  servicesPerCentreMonth: 4,
  seed: 7,
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
  'center_assets',
  'onboarding_steps',
  'gov_agreements',
  'ledger_accounts',
  'ledger_transactions',
  'ledger_entries',
  'order_gmv_rollups',
  'store_sales_rollups',
] as const;

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
    expect(result.counts.get('centers')).toBe(10);
    expect(result.counts.get('products')).toBe(400);
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
      expect(float.body.balanceFen).toBe(deposits - orders - services);
      expect(float.body.balanceFen).toBeGreaterThanOrEqual(0);
    }
  });

  it('leaves stock as the orders left it', async () => {
    const left = await count('select sum(stock) as n from products');
    const sold = await count(
      `select coalesce(sum(l.quantity), 0) as n from order_lines l join orders o on o.id = l.order_id
       where o.status <> 'cancelled'`,
    );
    expect(left).toBe(result.initialStock - sold);
    expect(await count('select count(*) as n from products where stock < 0')).toBe(0);
  });

  it('gives every order and parcel the status of its last event', async () => {
    for (const [table, events, key] of [
      ['orders', 'order_events', 'order_id'],
      ['parcels', 'parcel_events', 'parcel_id'],
    ] as const) {
      const off = await count(
        `select count(*) as n from ${table} x where x.status <> (
           select e.type from ${events} e where e.${key} = x.id order by e.at desc, e.id desc limit 1)`,
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
    // No van leaves heavier than it may carry; a run's load is what its parcels weigh.
    expect(
      await count(
        'select count(*) as n from runs r join vehicles v on v.id = r.vehicle_id where r.load_grams > v.capacity_kg * 1000',
      ),
    ).toBe(0);
    expect(
      await count(
        'select count(*) as n from runs r where r.load_grams <> (select coalesce(sum(p.weight_grams), 0) from parcels p where p.run_id = r.id)',
      ),
    ).toBe(0);
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
    expect(centres.body.items).toHaveLength(5);
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
