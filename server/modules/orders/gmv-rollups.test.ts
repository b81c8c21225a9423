import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  type LogisticsCounty,
  logisticsCounty,
  placedOrder,
  ship,
} from '../../../test/logistics-scenarios.ts';
import { hqAdmin, post } from '../../../test/scenarios.ts';
import { fixedClock } from '../../shared/clock.ts';
import { monthOf } from '../../shared/month.ts';
import { rebuildOrderGmvRollups, recomputeOrderGmvRollups } from './gmv-rollups.ts';

/** A small seeded generator, so a failing sequence can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

type Tracked = {
  id: string;
  county: LogisticsCounty;
  placedIn: string;
  quantity: number;
  returned: number;
  status: 'placed' | 'shipped' | 'cancelled' | 'returned';
  trackingNumber?: string;
};

describeDb('orders: county-month GMV rollups', () => {
  // A few days before a month ends in China Standard Time, so the sequence crosses it.
  const clock = fixedClock(new Date('2026-03-29T04:00:00.000Z'));
  let t: TestApp;
  let counties: LogisticsCounty[];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    t.deps.sessionTtlHours = 24 * 365;
    const hq = await hqAdmin(t);
    counties = [await logisticsCounty(t, hq), await logisticsCounty(t, hq)];
  });
  afterAll(() => t.close());

  const stored = async () =>
    (
      await t.deps.db
        .selectFrom('order_gmv_rollups')
        .selectAll()
        .orderBy('month')
        .orderBy('county_id')
        .execute()
    )
      .map((r) => ({
        ...r,
        orders: Number(r.orders),
        gmv_fen: Number(r.gmv_fen),
        refunds_fen: Number(r.refunds_fen),
      }))
      // A county-month whose every order was cancelled keeps a row of zeros: the same as none.
      .filter((r) => r.orders !== 0 || r.gmv_fen !== 0 || r.refunds_fen !== 0);
  const byMonthThenCounty = <T extends { month: string; county_id: string }>(rows: T[]) =>
    [...rows].sort((a, b) => a.month.localeCompare(b.month) || a.county_id.localeCompare(b.county_id));

  it('equals the recomputation from the orders and returns after any sequence of writes through the API', async () => {
    const r = rng(20_261_126);
    const orders: Tracked[] = [];
    const counts = { place: 0, cancel: 0, counterReturn: 0, hubReturn: 0, laterMonth: 0 };
    const later = (o: Tracked) => {
      if (monthOf(clock.now()) !== o.placedIn) counts.laterMonth++;
    };
    for (let step = 0; step < 100; step++) {
      const roll = r.int(1, 10);
      const placed = orders.filter((o) => o.status === 'placed');
      const returnable = orders.filter(
        (o) => (o.status === 'placed' || o.status === 'shipped') && o.returned < o.quantity,
      );
      const shipped = orders.filter((o) => o.status === 'shipped');
      if (roll <= 3 || orders.length === 0) {
        const county = r.pick(counties);
        const quantity = r.int(1, 4);
        const { order } = await placedOrder(t, county, quantity);
        orders.push({
          id: order.id,
          county,
          placedIn: monthOf(clock.now()),
          quantity,
          returned: 0,
          status: 'placed',
        });
        counts.place++;
      } else if (roll === 4 && placed.length > 0) {
        const o = r.pick(placed);
        await post(t, o.county.centre.partner.token, `/api/v1/orders/${o.id}/cancel`, {}, 200);
        o.status = 'cancelled';
        later(o);
        counts.cancel++;
      } else if (roll <= 6 && returnable.length > 0) {
        const o = r.pick(returnable);
        const quantity = r.int(1, o.quantity - o.returned);
        await post(t, o.county.centre.partner.token, `/api/v1/orders/${o.id}/returns`, {
          lines: [{ productId: o.county.product.id, quantity }],
          reason: '质量问题',
        });
        o.returned += quantity;
        if (o.returned === o.quantity) o.status = 'returned';
        later(o);
        counts.counterReturn++;
      } else if (roll === 7 && placed.length > 0) {
        const o = r.pick(placed);
        o.trackingNumber = (await ship(t, o.county, o.id)).trackingNumber;
        o.status = 'shipped';
      } else if (roll === 8 && shipped.some((o) => o.returned < o.quantity)) {
        const o = r.pick(shipped.filter((x) => x.returned < x.quantity));
        const res = await t.request('POST', '/api/v1/hub/scans', {
          token: o.county.staff.token,
          body: { trackingNumber: o.trackingNumber, type: 'exception', reason: 'damaged' },
        });
        expect(res.status).toBe(200);
        o.returned = o.quantity;
        o.status = 'returned';
        later(o);
        counts.hubReturn++;
      } else {
        clock.advance(r.int(1, 12) * 3_600_000);
      }
    }
    expect(counts.place).toBeGreaterThan(10);
    expect(counts.cancel).toBeGreaterThan(0);
    expect(counts.counterReturn).toBeGreaterThan(0);
    expect(counts.hubReturn).toBeGreaterThan(0);
    // Cancelled or returned in a month after the one the order was placed in.
    expect(counts.laterMonth).toBeGreaterThan(0);

    const expected = byMonthThenCounty(await recomputeOrderGmvRollups(t.deps.db));
    expect(new Set(expected.map((x) => x.month)).size).toBeGreaterThan(1);
    expect(await stored()).toEqual(expected);

    await rebuildOrderGmvRollups(t.deps.db);
    expect(await stored()).toEqual(expected);
  });
});
