import type { ParcelStatus } from './logistics.tables.ts';

export type ParcelAction = 'receive' | 'dispatch' | 'arrive' | 'pick_up' | 'report_exception';

const open: readonly ParcelStatus[] = ['created', 'at_hub', 'in_transit', 'ready_for_pickup'];

/**
 * The parcel state machine: created (merchant shipped / carrier parcel registered) → at_hub →
 * in_transit → ready_for_pickup → picked_up; `exception` from any open state. A parcel in
 * exception (found again, repacked, sent back) re-enters the flow with a hub receive scan.
 */
const transitions: Record<ParcelAction, { from: readonly ParcelStatus[]; to: ParcelStatus }> = {
  receive: { from: ['created', 'exception'], to: 'at_hub' },
  dispatch: { from: ['at_hub'], to: 'in_transit' },
  arrive: { from: ['in_transit'], to: 'ready_for_pickup' },
  pick_up: { from: ['ready_for_pickup'], to: 'picked_up' },
  report_exception: { from: open, to: 'exception' },
};

/**
 * What an action does to a parcel: its next status; `'repeat'` when the parcel is already
 * in the action's target state (a repeated scan: answer again, record nothing); null when the
 * action does not apply.
 */
export function parcelStep(status: ParcelStatus, action: ParcelAction): ParcelStatus | 'repeat' | null {
  const t = transitions[action];
  if (status === t.to) return 'repeat';
  return t.from.includes(status) ? t.to : null;
}
