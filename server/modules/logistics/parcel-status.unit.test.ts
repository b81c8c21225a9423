import { describe, expect, it } from 'vitest';
import { parcelStatuses } from './logistics.tables.ts';
import { parcelStep } from './parcel-status.ts';

describe('parcel status transitions', () => {
  it('walks the happy path one scan at a time', () => {
    expect(parcelStep('created', 'receive')).toBe('at_hub');
    expect(parcelStep('at_hub', 'dispatch')).toBe('in_transit');
    expect(parcelStep('in_transit', 'arrive')).toBe('ready_for_pickup');
    expect(parcelStep('ready_for_pickup', 'pick_up')).toBe('picked_up');
  });

  it('treats a scan of a parcel already in the target state as a repeat', () => {
    expect(parcelStep('at_hub', 'receive')).toBe('repeat');
    expect(parcelStep('ready_for_pickup', 'arrive')).toBe('repeat');
    expect(parcelStep('exception', 'report_exception')).toBe('repeat');
  });

  it('refuses skipped or backward steps', () => {
    expect(parcelStep('created', 'dispatch')).toBeNull();
    expect(parcelStep('at_hub', 'arrive')).toBeNull();
    expect(parcelStep('in_transit', 'receive')).toBeNull();
    expect(parcelStep('picked_up', 'receive')).toBeNull();
    expect(parcelStep('at_hub', 'pick_up')).toBeNull();
  });

  it('allows an exception from every open state but not after pickup', () => {
    for (const s of parcelStatuses.filter((s) => s !== 'picked_up' && s !== 'exception')) {
      expect(parcelStep(s, 'report_exception')).toBe('exception');
    }
    expect(parcelStep('picked_up', 'report_exception')).toBeNull();
  });

  it('brings a parcel in exception back through a hub receive scan only', () => {
    expect(parcelStep('exception', 'receive')).toBe('at_hub');
    expect(parcelStep('exception', 'dispatch')).toBeNull();
    expect(parcelStep('exception', 'pick_up')).toBeNull();
  });
});
