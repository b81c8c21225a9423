/**
 * Assisted orders and the parcels that carry them, as the orders, ledger and logistics
 * modules write them along an order's life: placed (float → merchants and commission),
 * perhaps confirmed by the villager's code, shipped by the merchant as a parcel, received at
 * the hub, taken out by the county's van on the next morning's run, arrived at the centre
 * and picked up — each step only if its time has come. A few orders are cancelled before
 * shipment (the money and stock go back); a few come back to the counter after pickup.
 */
import { createHash } from 'node:crypto';
import type { OrderLineRow, OrderStatus } from '../../server/modules/orders/orders.tables.ts';
import type { Entry } from './books.ts';
import type { Ctx } from './context.ts';
import type { CentrePlan, CountyPlan } from './network.ts';
import { writeParcel } from './parcels.ts';
import { planReturn, writeReturn } from './returns.ts';
import { HOUR, iso, MINUTE } from './rng.ts';
import { board, nextTrip, type Run, type Runs } from './runs.ts';
import type { Sink } from './sink.ts';

export type Villager = { id: string; name: string; phone: string };

/** The centre's float, topped up by a deposit when it would not cover a payment. */
export type Payer = { account: string; ensure(amountFen: number, at: number): void };

const commissionBps: Record<string, number> = { consumer: 300, agri_input: 500 };

function pickLines(ctx: Ctx): Array<{ i: number; quantity: number }> {
  const { rng, catalogue: c } = ctx;
  const count = rng.chance(0.7) ? 1 : rng.chance(0.67) ? 2 : 3;
  const lines: Array<{ i: number; quantity: number }> = [];
  for (let n = 0; n < count; n++) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const i = Math.floor(rng.next() * c.ids.length);
      const quantity = rng.chance(0.6) ? 1 : rng.int(2, 4);
      if (c.stock[i]! >= quantity && !lines.some((l) => l.i === i)) {
        lines.push({ i, quantity });
        break;
      }
    }
  }
  return lines;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Places one order at `at` and plays its life up to the end of the history. */
export function writeOrder(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  centre: CentrePlan,
  villager: Villager,
  at: number,
  payer: Payer,
  vehicles: string[],
  runs: Runs,
): { totalFen: number } | null {
  const { rng, catalogue: c, books, endMs } = ctx;
  const picked = pickLines(ctx);
  if (picked.length === 0) return null;
  const id = rng.idAt(at);
  const lines: OrderLineRow[] = picked.map((p, n) => {
    const paid = c.priceFen[p.i]! * p.quantity;
    const kind = c.kinds[p.i]!;
    return {
      order_id: id,
      county_id: county.id,
      line_no: n + 1,
      product_id: c.ids[p.i]!,
      merchant_id: c.merchantIds[c.merchantOf[p.i]!]!,
      sku: c.skus[p.i]!,
      title: c.titles[p.i]!,
      kind,
      quantity: p.quantity,
      unit_price_fen: c.priceFen[p.i]!,
      discount_fen: 0,
      commission_fen: Math.floor((paid * (commissionBps[kind] ?? 0)) / 10_000),
      promotion_id: null,
      discount_funded_by: null,
      returned_quantity: 0,
    };
  });
  const total = lines.reduce((s, l) => s + l.unit_price_fen * l.quantity, 0);
  const commission = lines.reduce((s, l) => s + l.commission_fen, 0);
  payer.ensure(total, at);
  const entries: Entry[] = [
    { account: payer.account, amountFen: total },
    { account: `commission_payable:${centre.id}`, amountFen: -commission },
  ];
  for (const l of lines) {
    entries.push({
      account: `merchant_payable:${l.merchant_id}`,
      amountFen: -(l.unit_price_fen * l.quantity - l.commission_fen),
    });
  }
  for (const p of picked) c.stock[p.i]! -= p.quantity;
  const weight = Math.max(
    1,
    picked.reduce((s, p) => s + c.weightGrams[p.i]! * p.quantity, 0),
  );

  // The order's timeline: each step happens only if its time has come.
  const steps: Array<{ status: OrderStatus; at: number; actor: string | null; data?: object }> = [];
  const partner = centre.partnerId;
  const staff = rng.pick(county.staffIds);
  const shipperIndex = c.merchantOf[picked[0]!.i]!;
  let t = at;
  if (county.requiresConfirmation) {
    steps.push({ status: 'awaiting_confirmation', at: t, actor: partner });
    t += rng.int(2, 15) * MINUTE;
    if (t <= endMs) steps.push({ status: 'placed', at: t, actor: partner });
  } else {
    steps.push({ status: 'placed', at: t, actor: partner });
  }
  const cancelled = rng.chance(0.03);
  const cancelAt = t + rng.int(10, 120) * MINUTE;
  let run: Run | null = null;
  const times: Partial<Record<OrderStatus, number>> = {};
  if (cancelled && cancelAt <= endMs) {
    steps.push({ status: 'cancelled', at: cancelAt, actor: partner, data: { reason: '村民取消' } });
  } else if (steps.at(-1)!.status === 'placed') {
    times.shipped = t + rng.int(4, 20) * HOUR;
    times.at_hub = times.shipped + rng.int(8, 30) * HOUR;
    const slot = nextTrip(runs, centre, vehicles, times.at_hub, weight, 'drop');
    times.in_transit = slot.departsMs;
    times.ready_for_pickup = times.in_transit + rng.int(60, 240) * MINUTE;
    times.completed = times.ready_for_pickup + rng.int(60, 48 * 60) * MINUTE;
    const actors: Partial<Record<OrderStatus, string | null>> = {
      shipped: c.merchantUserIds[shipperIndex]!,
      at_hub: staff,
      in_transit: staff,
      ready_for_pickup: partner,
      completed: partner,
    };
    for (const status of ['shipped', 'at_hub', 'in_transit', 'ready_for_pickup', 'completed'] as const) {
      if (times[status]! > endMs) break;
      steps.push({ status, at: times[status]!, actor: actors[status]! });
    }
    if (times.in_transit <= endMs) run = board(ctx, runs, centre, vehicles, slot, weight, 'drop');
  }
  const last = steps.at(-1)!;
  const back = last.status === 'completed' ? planReturn(ctx, lines, last.at) : null;
  if (back) for (const [i, l] of lines.entries()) l.returned_quantity = back.quantities[i]!;
  const confirmCode = county.requiresConfirmation ? String(rng.int(0, 999_999)).padStart(6, '0') : null;
  sink.add('orders', {
    id,
    channel: 'assisted',
    county_id: county.id,
    center_id: centre.id,
    villager_id: villager.id,
    placed_by: partner!,
    status: back?.whole ? 'returned' : last.status,
    payment: 'float',
    subtotal_fen: total,
    discount_fen: 0,
    total_fen: total,
    commission_fen: commission,
    fee_schedule_version: 1,
    confirmation_code_hash: confirmCode ? sha256(`${id}:${confirmCode}`) : null,
    confirmation_attempts: 0,
    created_at: iso(at),
    updated_at: iso(back?.whole ? back.at : last.at),
  });
  for (const l of lines) sink.add('order_lines', l);
  books.post(sink, { kind: 'order', refId: id, countyId: county.id, at, entries });
  for (const s of steps) {
    sink.add('order_events', {
      id: rng.idAt(s.at),
      order_id: id,
      county_id: county.id,
      type: s.status,
      at: iso(s.at),
      actor_id: s.actor,
      data: s.data ? JSON.stringify(s.data) : null,
    });
  }
  if (back) {
    sink.add('order_events', {
      id: rng.idAt(back.at),
      order_id: id,
      county_id: county.id,
      type: back.whole ? 'returned' : 'partially_returned',
      at: iso(back.at),
      actor_id: partner,
      data: JSON.stringify({ returnId: back.id, reason: back.reason }),
    });
  }
  if (last.status === 'cancelled') {
    for (const p of picked) c.stock[p.i]! += p.quantity;
    books.post(sink, {
      kind: 'order_cancel',
      refId: id,
      countyId: county.id,
      at: last.at,
      entries: entries.map((e) => ({ account: e.account, amountFen: -e.amountFen })),
    });
    return { totalFen: 0 };
  }
  if (times.shipped !== undefined && times.shipped <= endMs) {
    writeParcel(ctx, sink, county, centre, villager, {
      orderId: id,
      shipper: shipperIndex,
      weight,
      steps,
      run,
      times,
    });
  }
  if (back) {
    const order = { id, payerAccount: payer.account, lines, products: picked.map((p) => p.i) };
    writeReturn(ctx, sink, county, centre, { runs, vehicles }, order, back);
  }
  return { totalFen: total };
}
