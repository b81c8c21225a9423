/**
 * The parcel that carries an assisted order from the merchant through the hub to the centre,
 * with the events the logistics module records at each scan (places as villagers see them) and
 * the pickup code SMS sent when it arrives at the centre.
 */
import { createHash } from 'node:crypto';
import { pickupCodeSms } from '../../server/modules/logistics/index.ts';
import type { ParcelStatus } from '../../server/modules/logistics/logistics.tables.ts';
import type { OrderStatus } from '../../server/modules/orders/orders.tables.ts';
import type { Ctx } from './context.ts';
import { writeSms } from './messages.ts';
import type { CentrePlan, CountyPlan } from './network.ts';
import { iso } from './rng.ts';
import type { Run } from './runs.ts';
import type { Sink } from './sink.ts';
import type { Villager } from './trade.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const parcelStatusOf: Partial<Record<OrderStatus, ParcelStatus>> = {
  shipped: 'created',
  at_hub: 'at_hub',
  in_transit: 'in_transit',
  ready_for_pickup: 'ready_for_pickup',
  completed: 'picked_up',
};

/** Counted, not drawn: ten million random 48-bit numbers would collide. */
export const trackingNumber = (ctx: Ctx, county: CountyPlan) =>
  `CT${(ctx.counters.parcel++ * 7_919 + county.index).toString(16).toUpperCase().padStart(12, '0')}`;

export function writeParcel(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  centre: CentrePlan,
  villager: Villager,
  p: {
    orderId: string;
    shipper: number;
    weight: number;
    steps: Array<{ status: OrderStatus; at: number; actor: string | null }>;
    run: Run | null;
    times: Partial<Record<OrderStatus, number>>;
  },
): void {
  const { rng, catalogue: c } = ctx;
  const moves = p.steps.filter((s) => parcelStatusOf[s.status]);
  const last = moves.at(-1)!;
  const status = parcelStatusOf[last.status]!;
  const id = rng.idAt(p.times.shipped!);
  const carrier = c.merchantNames[p.shipper]!;
  const travelled = status === 'in_transit' || status === 'ready_for_pickup' || status === 'picked_up';
  const arrived = status === 'ready_for_pickup' || status === 'picked_up';
  const code = arrived ? String(rng.int(0, 999_999)).padStart(6, '0') : null;
  sink.add('parcels', {
    id,
    county_id: county.id,
    center_id: centre.id,
    direction: 'inbound',
    order_id: p.orderId,
    return_id: null,
    tracking_number: trackingNumber(ctx, county),
    carrier,
    recipient_phone: villager.phone,
    weight_grams: p.weight,
    status,
    run_id: travelled ? p.run!.id : null,
    pickup_code_hash: code ? sha256(`${id}${code}`) : null,
    pickup_attempts: 0,
    exception_reason: null,
    arrived_at: arrived ? iso(p.times.ready_for_pickup!) : null,
    handoff_carrier: null,
    carrier_tracking_number: null,
    created_by: c.merchantUserIds[p.shipper]!,
    created_at: iso(p.times.shipped!),
    updated_at: iso(last.at),
  });
  const place: Record<ParcelStatus, string> = {
    created: carrier,
    at_hub: county.hubPlace,
    in_transit: county.hubPlace,
    ready_for_pickup: centre.name,
    picked_up: centre.name,
  } as Record<ParcelStatus, string>;
  for (const m of moves) {
    const type = parcelStatusOf[m.status]!;
    sink.add('parcel_events', {
      id: rng.idAt(m.at),
      parcel_id: id,
      county_id: county.id,
      type,
      at: iso(m.at),
      place: place[type],
      actor_id: m.actor,
      data: type === 'in_transit' ? JSON.stringify({ runId: p.run!.id }) : null,
    });
  }
  if (code) {
    writeSms(ctx, sink, {
      to: villager.phone,
      body: pickupCodeSms(centre.name, code),
      countyId: county.id,
      kind: 'pickup_code',
      at: p.times.ready_for_pickup!,
    });
  }
}
