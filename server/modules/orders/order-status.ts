import type { OrderStatus } from './orders.tables.ts';

export type OrderAction =
  | 'confirm'
  | 'cancel'
  | 'ship'
  | 'receive_at_hub'
  | 'dispatch'
  | 'arrive'
  | 'pick_up'
  | 'return_all';

/**
 * The order state machine. Downstream an order moves awaiting_confirmation → placed →
 * shipped → at_hub → in_transit → ready_for_pickup → completed. It can be cancelled before
 * it ships; once it has reached the villager's side (any state from placed on) goods can
 * come back, and an order whose every unit came back is `returned`.
 */
const transitions: Record<OrderAction, { from: readonly OrderStatus[]; to: OrderStatus }> = {
  confirm: { from: ['awaiting_confirmation'], to: 'placed' },
  cancel: { from: ['awaiting_confirmation', 'placed'], to: 'cancelled' },
  ship: { from: ['placed'], to: 'shipped' },
  receive_at_hub: { from: ['shipped'], to: 'at_hub' },
  dispatch: { from: ['at_hub'], to: 'in_transit' },
  arrive: { from: ['in_transit'], to: 'ready_for_pickup' },
  pick_up: { from: ['ready_for_pickup'], to: 'completed' },
  return_all: {
    from: ['placed', 'shipped', 'at_hub', 'in_transit', 'ready_for_pickup', 'completed'],
    to: 'returned',
  },
};

export function nextOrderStatus(status: OrderStatus, action: OrderAction): OrderStatus | null {
  const t = transitions[action];
  return t.from.includes(status) ? t.to : null;
}

/** Statuses in which goods may be returned at the counter (some or all of them). */
export const returnableStatuses: readonly OrderStatus[] = transitions.return_all.from;
