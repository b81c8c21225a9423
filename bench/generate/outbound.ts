/**
 * A parcel that leaves a village centre (a storefront order's goods, or goods returned at the
 * counter), as the logistics module records it: it waits at the centre, the next van that
 * visits collects it, the hub receives it and hands it to an outside carrier, the carrier
 * delivers it — each step only if its time has come. Now and then the hub finds a storefront
 * parcel damaged or missing instead.
 */
import type { ParcelStatus } from '../../server/modules/logistics/logistics.tables.ts';
import type { Ctx } from './context.ts';
import type { CentrePlan, CountyPlan } from './network.ts';
import { trackingNumber } from './parcels.ts';
import { HOUR, iso, MINUTE } from './rng.ts';
import { board, nextTrip, type Runs } from './runs.ts';
import type { Sink } from './sink.ts';

const carriers: ReadonlyArray<[string, string]> = [
  ['顺丰速运', 'SF'],
  ['中通快递', 'ZT'],
  ['圆通速递', 'YT'],
  ['韵达快递', 'YD'],
  ['中国邮政EMS', 'EM'],
];

/** `damaged` / `missing`: what the hub's exception scan found instead of the parcel. */
export type OutboundFate = 'delivered' | 'damaged' | 'missing';

/** When each step happened; a step missing has not happened by the end of the history. */
export type OutboundTimes = {
  collectedMs?: number;
  atHubMs?: number;
  exceptionMs?: number;
  handedOffMs?: number;
  deliveredMs?: number;
};

export function writeOutboundParcel(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  centre: CentrePlan,
  transport: { runs: Runs; vehicles: string[] },
  p: {
    orderId: string;
    returnId: string | null;
    recipientPhone: string;
    weight: number;
    /** Shown as the sender: `村通特产` for a sale, `退货` for returned goods. */
    sender: string;
    createdMs: number;
    fate: OutboundFate;
  },
): { id: string; trackingNumber: string; times: OutboundTimes } {
  const { rng, endMs } = ctx;
  const id = rng.idAt(p.createdMs);
  const weight = Math.max(1, p.weight);
  const partner = centre.partnerId;
  const staff = rng.pick(county.staffIds);
  const [carrier, prefix] = rng.pick(carriers);
  const number = trackingNumber(ctx, county);
  // Carriers report deliveries by their own number, so it is counted like ours, not drawn.
  const carrierNumber = `${prefix}${100_000_000_000 + ctx.counters.parcel * 37 + rng.int(0, 36)}`;
  const events: Array<{
    type: ParcelStatus;
    at: number;
    place: string;
    actor: string | null;
    data?: object;
  }> = [{ type: 'awaiting_collection', at: p.createdMs, place: centre.name, actor: partner }];
  const times: OutboundTimes = {};
  let runId: string | null = null;
  const slot = nextTrip(transport.runs, centre, transport.vehicles, p.createdMs, weight, 'collect');
  // The plan puts it on the van's run; the driver takes it on the partner's collected scan.
  if (slot.departsMs <= endMs) {
    runId = board(ctx, transport.runs, centre, transport.vehicles, slot, weight, 'collect').id;
    const collected = slot.departsMs + rng.int(60, 240) * MINUTE;
    if (collected <= endMs) {
      times.collectedMs = collected;
      events.push({ type: 'in_transit', at: collected, place: centre.name, actor: partner, data: { runId } });
    }
  }
  const scanned = times.collectedMs === undefined ? null : times.collectedMs + rng.int(120, 360) * MINUTE;
  if (scanned !== null && scanned <= endMs) {
    if (p.fate === 'delivered') {
      times.atHubMs = scanned;
      events.push({ type: 'at_hub', at: scanned, place: county.hubPlace, actor: staff });
      const handedOff = scanned + rng.int(60, 360) * MINUTE;
      if (handedOff <= endMs) {
        times.handedOffMs = handedOff;
        events.push({
          type: 'handed_off',
          at: handedOff,
          place: county.hubPlace,
          actor: staff,
          data: { carrier, carrierTrackingNumber: carrierNumber },
        });
        const delivered = handedOff + rng.int(18, 96) * HOUR;
        if (delivered <= endMs) {
          times.deliveredMs = delivered;
          // Reported by county staff, or by the carrier itself under its own number.
          events.push({
            type: 'delivered',
            at: delivered,
            place: carrier,
            actor: rng.chance(0.5) ? staff : null,
          });
        }
      }
    } else {
      times.exceptionMs = scanned;
      events.push({
        type: 'exception',
        at: scanned,
        place: county.hubPlace,
        actor: staff,
        data: { reason: p.fate, note: null },
      });
    }
  }
  const last = events.at(-1)!;
  sink.add('parcels', {
    id,
    county_id: county.id,
    center_id: centre.id,
    direction: 'outbound',
    order_id: p.orderId,
    return_id: p.returnId,
    tracking_number: number,
    carrier: p.sender,
    recipient_phone: p.recipientPhone,
    weight_grams: weight,
    status: last.type,
    run_id: runId,
    pickup_code_hash: null,
    pickup_attempts: 0,
    exception_reason: times.exceptionMs === undefined ? null : p.fate,
    arrived_at: null,
    handoff_carrier: times.handedOffMs === undefined ? null : carrier,
    carrier_tracking_number: times.handedOffMs === undefined ? null : carrierNumber,
    created_by: partner ?? 'system',
    created_at: iso(p.createdMs),
    updated_at: iso(last.at),
  });
  for (const e of events) {
    sink.add('parcel_events', {
      id: rng.idAt(e.at),
      parcel_id: id,
      county_id: county.id,
      type: e.type,
      at: iso(e.at),
      place: e.place,
      actor_id: e.actor,
      data: e.data ? JSON.stringify(e.data) : null,
    });
  }
  return { id, trackingNumber: number, times };
}
