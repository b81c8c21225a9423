import { describe, expect, it } from 'vitest';
import { type ParcelStatus, parcelStatuses } from './logistics.tables.ts';
import { type ParcelAction, parcelStep } from './parcel-status.ts';

const actions: ParcelAction[] = [
  'receive',
  'dispatch',
  'arrive',
  'pick_up',
  'collect',
  'hand_off',
  'deliver',
  'report_exception',
];

describe('inbound parcel transitions', () => {
  const step = (s: ParcelStatus, a: ParcelAction) => parcelStep('inbound', s, a);

  it('walks the happy path one scan at a time', () => {
    expect(step('created', 'receive')).toBe('at_hub');
    expect(step('at_hub', 'dispatch')).toBe('in_transit');
    expect(step('in_transit', 'arrive')).toBe('ready_for_pickup');
    expect(step('ready_for_pickup', 'pick_up')).toBe('picked_up');
  });

  it('treats a scan of a parcel already in the target state as a repeat', () => {
    expect(step('at_hub', 'receive')).toBe('repeat');
    expect(step('ready_for_pickup', 'arrive')).toBe('repeat');
    expect(step('exception', 'report_exception')).toBe('repeat');
  });

  it('refuses skipped or backward steps', () => {
    expect(step('created', 'dispatch')).toBeNull();
    expect(step('at_hub', 'arrive')).toBeNull();
    expect(step('in_transit', 'receive')).toBeNull();
    expect(step('picked_up', 'receive')).toBeNull();
    expect(step('at_hub', 'pick_up')).toBeNull();
  });

  it('allows an exception from every open state but not after pickup', () => {
    for (const s of ['created', 'at_hub', 'in_transit', 'ready_for_pickup'] as const) {
      expect(step(s, 'report_exception')).toBe('exception');
    }
    expect(step('picked_up', 'report_exception')).toBeNull();
  });

  it('brings a parcel in exception back through a hub receive scan only', () => {
    expect(step('exception', 'receive')).toBe('at_hub');
    expect(step('exception', 'dispatch')).toBeNull();
    expect(step('exception', 'pick_up')).toBeNull();
  });

  it('never collects, hands off or delivers an inbound parcel', () => {
    for (const s of parcelStatuses) {
      for (const a of ['collect', 'hand_off', 'deliver'] as const) expect(step(s, a)).toBeNull();
    }
  });
});

describe('outbound parcel transitions', () => {
  const step = (s: ParcelStatus, a: ParcelAction) => parcelStep('outbound', s, a);

  it('goes from the centre through the hub to the carrier', () => {
    expect(step('awaiting_collection', 'collect')).toBe('in_transit');
    expect(step('in_transit', 'receive')).toBe('at_hub');
    expect(step('at_hub', 'hand_off')).toBe('handed_off');
    expect(step('handed_off', 'deliver')).toBe('delivered');
  });

  it('repeats instead of recording twice, and refuses what an outbound parcel never does', () => {
    expect(step('in_transit', 'collect')).toBe('repeat');
    expect(step('at_hub', 'receive')).toBe('repeat');
    expect(step('awaiting_collection', 'receive')).toBeNull();
    expect(step('at_hub', 'dispatch')).toBeNull();
    expect(step('in_transit', 'arrive')).toBeNull();
    expect(step('delivered', 'report_exception')).toBeNull();
  });

  it('leaves a delivered parcel where it is whatever comes next', () => {
    for (const a of actions) expect([null, 'repeat']).toContain(step('delivered', a));
  });
});
