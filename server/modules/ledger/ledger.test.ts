import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, dialect, type TestApp } from '../../../test/harness.ts';
import { hqAdmin, makeUser } from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';
import { monthRange } from '../../shared/month.ts';
import {
  accountId,
  balanceOf,
  daySumMismatches,
  post,
  runningBalanceMismatches,
  sumsByKind,
  trialBalance,
} from './index.ts';

const floatA = accountId('partner_float', 'centre-a');
const floatB = accountId('partner_float', 'centre-b');
const cash = accountId('cash_clearing');
const merchant = accountId('merchant_payable', 'm-1');
const commission = accountId('commission_payable', 'centre-a');
const accounts = [floatA, floatB, cash, merchant, commission];

describeDb('ledger: double entry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const postIn = (p: Parameters<typeof post>[2]) =>
    t.deps.db.transaction().execute((trx) => post(trx, t.deps.clock, p));

  it('moves money with balanced entries and derives balances from them', async () => {
    await postIn({
      kind: 'float_deposit',
      refId: 'd1',
      countyId: 'c',
      entries: [
        { account: cash, amountFen: 50_000 },
        { account: floatA, amountFen: -50_000 },
      ],
    });
    await postIn({
      kind: 'order',
      refId: 'o1',
      countyId: 'c',
      entries: [
        { account: floatA, amountFen: 12_000 },
        { account: merchant, amountFen: -11_400 },
        { account: commission, amountFen: -600 },
      ],
      noOverdraft: [floatA],
    });
    expect(await balanceOf(t.deps.db, floatA)).toBe(38_000);
    expect(await balanceOf(t.deps.db, merchant)).toBe(11_400);
    expect(await balanceOf(t.deps.db, commission)).toBe(600);
    expect(await balanceOf(t.deps.db, cash)).toBe(50_000);
    expect((await trialBalance(t.deps.db)).totalFen).toBe(0);
  });

  it('refuses unbalanced, fractional and one-legged postings before writing anything', async () => {
    const before = await trialBalance(t.deps.db);
    await expect(
      postIn({
        kind: 'x',
        refId: null,
        countyId: 'c',
        entries: [
          { account: cash, amountFen: 1 },
          { account: floatA, amountFen: -2 },
        ],
      }),
    ).rejects.toThrow(/does not balance/);
    await expect(
      postIn({
        kind: 'x',
        refId: null,
        countyId: 'c',
        entries: [
          { account: cash, amountFen: 0.5 },
          { account: floatA, amountFen: -0.5 },
        ],
      }),
    ).rejects.toThrow(/integer fen/);
    await expect(
      postIn({ kind: 'x', refId: null, countyId: 'c', entries: [{ account: cash, amountFen: 0 }] }),
    ).rejects.toThrow(/two entries/);
    await expect(
      postIn({
        kind: 'x',
        refId: null,
        countyId: 'c',
        entries: [
          { account: 'nonsense:1', amountFen: 5 },
          { account: cash, amountFen: -5 },
        ],
      }),
    ).rejects.toThrow(/unknown ledger account/);
    expect(await trialBalance(t.deps.db)).toEqual(before);
  });

  it('refuses an overdraft with insufficient_funds and leaves the transaction out', async () => {
    const before = await balanceOf(t.deps.db, floatB);
    const attempt = postIn({
      kind: 'order',
      refId: 'o2',
      countyId: 'c',
      entries: [
        { account: floatB, amountFen: 1 },
        { account: merchant, amountFen: -1 },
      ],
      noOverdraft: [floatB],
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'insufficient_funds',
      details: { availableFen: before, requiredFen: 1 },
    });
    expect(await balanceOf(t.deps.db, floatB)).toBe(before);
    const tx = await t.deps.db
      .selectFrom('ledger_transactions')
      .select('id')
      .where('ref_id', '=', 'o2')
      .execute();
    expect(tx).toHaveLength(0);
  });

  it('never overdraws under concurrent postings', async () => {
    await postIn({
      kind: 'float_deposit',
      refId: 'd2',
      countyId: 'c',
      entries: [
        { account: cash, amountFen: 1_000 },
        { account: floatB, amountFen: -1_000 },
      ],
    });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        postIn({
          kind: 'order',
          refId: `race-${i}`,
          countyId: 'c',
          entries: [
            { account: floatB, amountFen: 100 },
            { account: merchant, amountFen: -100 },
          ],
          noOverdraft: [floatB],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(await balanceOf(t.deps.db, floatB)).toBe(0);
    expect(await runningBalanceMismatches(t.deps.db)).toEqual([]);
  });

  it('keeps the books balanced over any sequence of postings (property)', async () => {
    const leg = fc.record({
      account: fc.constantFrom(...accounts),
      amountFen: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(leg, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        async (batches) => {
          for (const legs of batches) {
            // Balance each posting with a final leg; some postings are deliberately off by one.
            const sum = legs.reduce((s, l) => s + l.amountFen, 0);
            const entries = [...legs, { account: cash, amountFen: -sum }];
            await postIn({ kind: 'random', refId: null, countyId: 'c', entries });
            await expect(
              postIn({
                kind: 'broken',
                refId: null,
                countyId: 'c',
                entries: [...entries, { account: cash, amountFen: 1 }],
              }),
            ).rejects.toThrow();
          }
          const tb = await trialBalance(t.deps.db);
          expect(tb.totalFen).toBe(0);
          expect(await runningBalanceMismatches(t.deps.db)).toEqual([]);
          expect(await daySumMismatches(t.deps.db)).toEqual([]);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('sums each account row by kind and China Standard Time day, and reads whole days from the sums', async () => {
    const earned = accountId('commission_payable', 'centre-d');
    const at = (iso: string) => fixedClock(new Date(iso));
    const postAt = (iso: string, kind: string, amountFen: number) =>
      t.deps.db.transaction().execute((trx) =>
        post(trx, at(iso), {
          kind,
          refId: null,
          countyId: 'days',
          entries: [
            { account: cash, amountFen: -amountFen },
            { account: earned, amountFen },
          ],
        }),
      );
    // The last moment of 1 March and the first of 2 March, China Standard Time.
    await postAt('2026-03-01T15:59:59.999Z', 'order', -600);
    await postAt('2026-03-01T16:00:00.000Z', 'order', -400);
    await postAt('2026-03-02T03:00:00.000Z', 'order', -50);
    await postAt('2026-03-02T04:00:00.000Z', 'order_refund', 100);
    const days = await t.deps.db
      .selectFrom('ledger_day_sums')
      .select(['day', 'kind', 'amount_fen', 'entries'])
      .where('account_id', '=', earned)
      .orderBy('day')
      .orderBy('kind')
      .execute();
    expect(days.map((d) => [d.day, d.kind, Number(d.amount_fen), Number(d.entries)])).toEqual([
      ['2026-03-01', 'order', -600, 1],
      ['2026-03-02', 'order', -450, 2],
      ['2026-03-02', 'order_refund', 100, 1],
    ]);
    const sums = async (range: { from: string; to: string }) =>
      Object.fromEntries((await sumsByKind(t.deps.db, 'days', [earned, floatA], range)).get(earned) ?? []);
    expect(await sums({ from: '2026-02-28T16:00:00.000Z', to: '2026-03-01T16:00:00.000Z' })).toEqual({
      order: -600,
    });
    expect(await sums(monthRange('2026-03'))).toEqual({ order: -1_050, order_refund: 100 });
    expect(await sums(monthRange('2026-04'))).toEqual({});
    await expect(sums({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' })).rejects.toThrow(
      /whole China Standard Time days/,
    );
    expect(await daySumMismatches(t.deps.db)).toEqual([]);
  });

  it('keeps an account one row per county, each with its own running balance', async () => {
    const revenue = accountId('platform_revenue');
    const floatC = accountId('partner_float', 'centre-c');
    const before = { c: await balanceOf(t.deps.db, cash, 'c'), all: await balanceOf(t.deps.db, cash) };
    await postIn({
      kind: 'float_deposit',
      refId: 'd3',
      countyId: 'other',
      entries: [
        { account: cash, amountFen: 7_000 },
        { account: floatC, amountFen: -7_000 },
      ],
    });
    await postIn({
      kind: 'fee',
      refId: 'f1',
      countyId: 'other',
      entries: [
        { account: floatC, amountFen: 300 },
        { account: revenue, amountFen: -300 },
      ],
    });
    await postIn({
      kind: 'fee',
      refId: 'f2',
      countyId: 'c',
      entries: [
        { account: floatA, amountFen: 200 },
        { account: revenue, amountFen: -200 },
      ],
    });
    expect(await balanceOf(t.deps.db, cash, 'c')).toBe(before.c);
    expect(await balanceOf(t.deps.db, cash, 'other')).toBe(7_000);
    expect(await balanceOf(t.deps.db, cash)).toBe(before.all + 7_000);
    expect(await balanceOf(t.deps.db, revenue, 'other')).toBe(300);
    expect(await balanceOf(t.deps.db, revenue)).toBe(500);
    const rows = await t.deps.db
      .selectFrom('ledger_entries')
      .select(['county_id', 'account_seq', 'balance_after_fen'])
      .where('account_id', '=', revenue)
      .orderBy('county_id')
      .execute();
    expect(rows.map((r) => [r.county_id, r.account_seq, Number(r.balance_after_fen)])).toEqual([
      ['c', 1, -200],
      ['other', 1, -300],
    ]);
    // The trial balance still shows an account once, summed over its counties.
    const tb = await trialBalance(t.deps.db);
    expect(tb.accounts.filter((a) => a.account === revenue)).toEqual([
      { account: revenue, balanceFen: -500 },
    ]);
    expect(tb.totalFen).toBe(0);
    expect(await runningBalanceMismatches(t.deps.db)).toEqual([]);
  });

  it('checks an overdraft against the posting county’s row of the account', async () => {
    // centre-a's float is in county c: in another county's books it holds nothing.
    const attempt = postIn({
      kind: 'order',
      refId: 'o3',
      countyId: 'other',
      entries: [
        { account: floatA, amountFen: 100 },
        { account: merchant, amountFen: -100 },
      ],
      noOverdraft: [floatA],
    });
    await expect(attempt).rejects.toMatchObject({ code: 'insufficient_funds', details: { availableFen: 0 } });
    await expect(
      postIn({
        kind: 'x',
        refId: null,
        countyId: '',
        entries: [
          { account: cash, amountFen: 1 },
          { account: floatA, amountFen: -1 },
        ],
      }),
    ).rejects.toThrow(/names no county/);
  });

  it.skipIf(dialect !== 'postgres')(
    'does not make a posting wait for another county’s rows of the same accounts',
    async () => {
      const revenue = accountId('platform_revenue');
      const entries = (centre: string) => [
        { account: accountId('partner_float', centre), amountFen: 1 },
        { account: revenue, amountFen: -1 },
      ];
      // Rows another transaction only inserted are invisible, not locked: both exist first.
      await postIn({ kind: 'fee', refId: 'rows-c', countyId: 'c', entries: entries('centre-a') });
      await postIn({ kind: 'fee', refId: 'rows-other', countyId: 'other', entries: entries('centre-c') });
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding!: () => void;
      const held = new Promise<void>((resolve) => {
        holding = resolve;
      });
      const first = t.deps.db.transaction().execute(async (trx) => {
        await post(trx, t.deps.clock, {
          kind: 'fee',
          refId: 'lock-c',
          countyId: 'c',
          entries: entries('centre-a'),
        });
        holding();
        await released;
      });
      await held;
      try {
        const other = postIn({
          kind: 'fee',
          refId: 'lock-other',
          countyId: 'other',
          entries: entries('centre-c'),
        });
        const waited = new Promise((resolve) => setTimeout(() => resolve('waited'), 2_000));
        expect(await Promise.race([other.then(() => 'posted'), waited])).toBe('posted');
      } finally {
        release();
        await first;
      }
      expect(await runningBalanceMismatches(t.deps.db)).toEqual([]);
    },
  );

  it('shows the trial balance to HQ only', async () => {
    const hq = await hqAdmin(t);
    const res = await t.request('GET', '/api/v1/ledger/trial-balance', { token: hq });
    expect(res.status).toBe(200);
    expect(res.body.totalFen).toBe(0);
    expect(res.body.accounts).toEqual((await trialBalance(t.deps.db)).accounts);
    expect(res.body.accounts.map((a: { account: string }) => a.account)).toContain(floatA);
    const { token } = await makeUser(t, hq, 'buyer');
    expect((await t.request('GET', '/api/v1/ledger/trial-balance', { token })).status).toBe(403);
  });
});
