import { describe, expect, it } from 'vitest';
import { monthOf, monthRange, monthsSpanned, nextMonth, periodRanges, wholeDays } from './month.ts';

describe('China Standard Time months', () => {
  it('turns the year after December', () => {
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });

  it('puts an instant in the month its range holds, on both sides of the boundary', () => {
    const { from, to } = monthRange('2026-03');
    expect(from).toBe('2026-02-28T16:00:00.000Z');
    expect(monthOf(new Date(from))).toBe('2026-03');
    expect(monthOf(new Date(Date.parse(from) - 1))).toBe('2026-02');
    expect(monthOf(new Date(Date.parse(to) - 1))).toBe('2026-03');
    expect(monthOf(new Date(to))).toBe('2026-04');
  });

  it('spans every month between two instants, across a year', () => {
    expect(monthsSpanned('2025-11-30T15:59:59.999Z', '2026-01-31T16:00:00.000Z')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsSpanned(null, '2026-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('names the days of a period and refuses a range that is not whole days', () => {
    expect(wholeDays(monthRange('2026-03'))).toEqual({ from: '2026-03-01', to: '2026-04-01' });
    expect(wholeDays(periodRanges('week', '2026-11-26').current)).toEqual({
      from: '2026-11-23',
      to: '2026-11-30',
    });
    expect(() => wholeDays({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' })).toThrow(
      /whole China Standard Time days/,
    );
  });
});
