import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createTestApp, describeDb, dialect, type TestApp } from '../../../test/harness.ts';
import {
  countyWithStaff,
  depositFloat,
  expectBalancedBooks,
  hqAdmin,
  openCentreWithPartner,
  registerVillager,
} from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';
import { accountId, balanceOf } from '../ledger/index.ts';
import { resolveServiceRequest } from './resolve-request.ts';
import { sandboxServiceProviders } from './sandbox-provider.ts';

const DEPOSIT = 60_000;

const scenario = fc.record({
  seed: fc.integer(),
  faults: fc.record({
    timeout: fc.double({ min: 0, max: 0.7, noNaN: true }),
    pending: fc.double({ min: 0, max: 0.7, noNaN: true }),
    decline: fc.double({ min: 0, max: 0.4, noNaN: true }),
  }),
  requests: fc.array(
    fc.record({
      amountFen: fc.constantFrom(1_000, 2_000, 5_000, 10_000, 20_000),
      declinedNumber: fc.boolean(),
      /** Client retries with the same Idempotency-Key (poor village connectivity). */
      retries: fc.nat(2),
      /** What happens before the next request: the worker runs, time passes, or two workers race. */
      next: fc.constantFrom('nothing', 'drain', 'advance', 'race'),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

/**
 * Declines, timeouts (before and after the provider acted), pending answers, client retries
 * and racing workers, drawn at random against the seeded sandbox: once everything settles,
 * every request is final, the float paid exactly the succeeded amounts, each failure was
 * refunded once, the partner earned fees only on successes, the provider's statement agrees
 * with the ledger, and the books balance.
 */
describeDb('everyday services under random provider faults', () => {
  it('never loses or doubles money', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        // Noon in China, so the whole run falls on one statement day.
        const clock = fixedClock(new Date('2026-11-26T04:00:00.000Z'));
        const services = sandboxServiceProviders({
          seed: s.seed,
          latencyMs: [0, 0],
          faults: s.faults,
          clock,
        });
        const t: TestApp = await createTestApp({ clock, providers: { services } });
        try {
          const hq = await hqAdmin(t);
          const a = await countyWithStaff(t, hq);
          const { center, partner } = await openCentreWithPartner(
            t,
            a.staff.token,
            a.county.id,
            a.village.id,
          );
          await depositFloat(t, a.staff.token, center.id, DEPOSIT);
          const villager = await registerVillager(t, partner.token);
          const ids = new Set<string>();
          let refused = 0;
          for (const [i, r] of s.requests.entries()) {
            const body = {
              villagerId: villager.id,
              kind: 'mobile_topup',
              amountFen: r.amountFen,
              details: { phone: r.declinedNumber ? '13700000000' : '13700001234' },
            };
            const headers = { 'idempotency-key': `run-${i}` };
            let first: { status: number; body: { id: string } } | null = null;
            for (let k = 0; k <= r.retries; k++) {
              const res = await t.request('POST', '/api/v1/services/requests', {
                token: partner.token,
                body,
                headers,
              });
              expect([201, 409]).toContain(res.status);
              if (first) expect(res.body).toEqual(first.body);
              first ??= res;
            }
            if (first!.status === 201) ids.add(first!.body.id);
            else refused++;
            if (r.next === 'drain') await t.drain();
            if (r.next === 'advance') clock.advance(5_000);
            if (r.next === 'race' && first!.status === 201) {
              await Promise.all([
                resolveServiceRequest(t.deps, services, first!.body.id),
                resolveServiceRequest(t.deps, services, first!.body.id),
              ]);
            }
          }
          // Let the worker and the clock run until every request is settled.
          for (let round = 0; round < 40; round++) {
            await t.drain();
            clock.advance(60_000);
          }
          await t.drain();

          const rows = await t.deps.db.selectFrom('service_requests').selectAll().execute();
          expect(rows.length).toBe(ids.size);
          expect(rows.every((r) => r.status !== 'pending')).toBe(true);
          const succeeded = rows.filter((r) => r.status === 'succeeded');
          const sum = (list: typeof rows, f: (r: (typeof rows)[number]) => number) =>
            list.reduce((acc, r) => acc + f(r), 0);
          const paid = sum(succeeded, (r) => Number(r.amount_fen));
          expect(await balanceOf(t.deps.db, accountId('partner_float', center.id))).toBe(DEPOSIT - paid);
          expect(await balanceOf(t.deps.db, accountId('service_provider_payable', 'sandbox_topup'))).toBe(
            paid,
          );
          expect(await balanceOf(t.deps.db, accountId('commission_payable', center.id))).toBe(
            sum(succeeded, (r) => Number(r.fee_fen)),
          );
          // One charge per request; one refund per failed one, never more.
          const txns = await t.deps.db
            .selectFrom('ledger_transactions')
            .select(['ref_id', 'kind'])
            .where('kind', 'in', ['service_fee', 'service_refund'])
            .execute();
          for (const r of rows) {
            const mine = txns.filter((x) => x.ref_id === r.id);
            expect(mine.filter((x) => x.kind === 'service_fee').length).toBe(1);
            expect(mine.filter((x) => x.kind === 'service_refund').length).toBe(
              r.status === 'failed' ? 1 : 0,
            );
          }
          // The provider charged us for exactly what we count as succeeded.
          const report = await t.request(
            'GET',
            '/api/v1/services/reconciliation?kind=mobile_topup&date=2026-11-26',
            {
              token: hq,
            },
          );
          expect(report.status).toBe(200);
          expect(report.body.mismatches).toEqual([]);
          expect(report.body.matched).toBe(succeeded.length);
          expect(refused + ids.size).toBe(s.requests.length);
          await expectBalancedBooks(t);
        } finally {
          await t.close();
        }
      }),
      // Each run builds a fresh database; PostgreSQL schemas take longer to make.
      { numRuns: dialect === 'postgres' ? 8 : 15 },
    );
  }, 240_000);
});
