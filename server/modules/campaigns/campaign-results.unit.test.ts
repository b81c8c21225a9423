import { describe, expect, it } from 'vitest';
import { upliftPct, windows } from './campaign-results.ts';
import type { CampaignRow } from './campaigns.tables.ts';

const DAY = 86_400_000;
const start = Date.parse('2026-04-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const campaign = (cancelledAt: number | null = null) =>
  ({
    starts_at: iso(start),
    ends_at: iso(start + 10 * DAY),
    cancelled_at: cancelledAt === null ? null : iso(cancelledAt),
  }) as CampaignRow;

describe('campaign windows', () => {
  it('measures an ended campaign whole, against as long a time before it', () => {
    expect(windows(campaign(), iso(start + 20 * DAY))).toEqual({
      during: { from: iso(start), to: iso(start + 10 * DAY) },
      before: { from: iso(start - 10 * DAY), to: iso(start) },
    });
  });

  it('measures a running campaign so far, and a cancelled one up to its cancellation', () => {
    expect(windows(campaign(), iso(start + 3 * DAY)).before).toEqual({
      from: iso(start - 3 * DAY),
      to: iso(start),
    });
    expect(windows(campaign(start + 2 * DAY), iso(start + 20 * DAY)).during.to).toBe(iso(start + 2 * DAY));
  });

  it('gives a campaign that has not started empty windows', () => {
    const { during, before } = windows(campaign(), iso(start - DAY));
    expect(during).toEqual({ from: iso(start), to: iso(start) });
    expect(before).toEqual({ from: iso(start), to: iso(start) });
  });
});

describe('uplift', () => {
  it('is the change in percent to one decimal, and null with nothing before', () => {
    expect(upliftPct(3, 1)).toBe(200);
    expect(upliftPct(2, 3)).toBe(-33.3);
    expect(upliftPct(5, 0)).toBeNull();
    expect(upliftPct(5, -100)).toBeNull();
  });
});
