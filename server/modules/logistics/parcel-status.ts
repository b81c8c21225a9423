import type { ParcelDirection, ParcelStatus } from './logistics.tables.ts';

export type ParcelAction =
  | 'receive'
  | 'dispatch'
  | 'arrive'
  | 'pick_up'
  | 'collect'
  | 'hand_off'
  | 'deliver'
  | 'report_exception';

type Table = Partial<Record<ParcelAction, { from: readonly ParcelStatus[]; to: ParcelStatus }>>;

/**
 * Inbound: created (merchant shipped / carrier parcel registered) → at_hub → in_transit →
 * ready_for_pickup → picked_up. A parcel in exception (found again, repacked) re-enters the
 * flow with a hub receive scan.
 */
const inbound: Table = {
  receive: { from: ['created', 'exception'], to: 'at_hub' },
  dispatch: { from: ['at_hub'], to: 'in_transit' },
  arrive: { from: ['in_transit'], to: 'ready_for_pickup' },
  pick_up: { from: ['ready_for_pickup'], to: 'picked_up' },
  report_exception: { from: ['created', 'at_hub', 'in_transit', 'ready_for_pickup'], to: 'exception' },
};

/**
 * Outbound: awaiting_collection at the centre → in_transit (the van's driver took it) →
 * at_hub (received from the van) → handed_off (to an outside carrier) → delivered.
 */
const outbound: Table = {
  collect: { from: ['awaiting_collection'], to: 'in_transit' },
  receive: { from: ['in_transit', 'exception'], to: 'at_hub' },
  hand_off: { from: ['at_hub'], to: 'handed_off' },
  deliver: { from: ['handed_off'], to: 'delivered' },
  report_exception: { from: ['awaiting_collection', 'in_transit', 'at_hub'], to: 'exception' },
};

const tables: Record<ParcelDirection, Table> = { inbound, outbound };

/**
 * What an action does to a parcel: its next status; `'repeat'` when the parcel is already
 * in the action's target state (a repeated scan: answer again, record nothing); null when the
 * action does not apply to a parcel of that direction in that state.
 */
export function parcelStep(
  direction: ParcelDirection,
  status: ParcelStatus,
  action: ParcelAction,
): ParcelStatus | 'repeat' | null {
  const t = tables[direction][action];
  if (!t) return null;
  if (status === t.to) return 'repeat';
  return t.from.includes(status) ? t.to : null;
}
