/**
 * Months are China Standard Time (UTC+8, no daylight saving), as partners, merchants and
 * their bank statements count them.
 */
const CST_MS = 8 * 3_600_000;

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = Date.UTC(y, m - 1, 1) - CST_MS;
  const end = Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - CST_MS;
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

/** The month (YYYY-MM) that `at` falls in, in China Standard Time. */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + CST_MS).toISOString().slice(0, 7);
}

/** The month (YYYY-MM) after `month`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from the one holding instant `first` to the one holding `last`; none when either is null. */
export function monthsSpanned(first: string | null | undefined, last: string | null | undefined): string[] {
  if (!first || !last) return [];
  const out: string[] = [];
  const end = monthOf(new Date(last));
  for (let m = monthOf(new Date(first)); m <= end; m = nextMonth(m)) out.push(m);
  return out;
}

export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

/** A week or month of China Standard Time, as `[from, to)` ISO instants. */
export type Period = 'week' | 'month';
export type Range = { from: string; to: string };

/** The day (YYYY-MM-DD) is a real calendar day. */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

/**
 * The week (Monday to Sunday) or month of China Standard Time containing the calendar day
 * `day` (YYYY-MM-DD), and the one before it.
 */
export function periodRanges(period: Period, day: string): { current: Range; previous: Range } {
  if (period === 'month') {
    const [y, m] = day.split('-').map(Number) as [number, number];
    const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    return { current: monthRange(day.slice(0, 7)), previous: monthRange(prev) };
  }
  const midnight = Date.parse(`${day}T00:00:00Z`);
  // getUTCDay: Sunday is 0; weeks start on Monday.
  const monday = midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * 86_400_000 - CST_MS;
  const week = 7 * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    current: { from: iso(monday), to: iso(monday + week) },
    previous: { from: iso(monday - week), to: iso(monday) },
  };
}

/** Today's calendar day in China Standard Time. */
export function dayOf(at: Date): string {
  return new Date(at.getTime() + CST_MS).toISOString().slice(0, 10);
}

/**
 * The China Standard Time days `[from, to)` (YYYY-MM-DD) that a range of whole days covers. A
 * range that does not start and end at a CST midnight is a programming error: what is kept per
 * day cannot answer it.
 */
export function wholeDays(range: Range): { from: string; to: string } {
  const atMidnight = (at: string) => (Date.parse(at) + CST_MS) % 86_400_000 === 0;
  if (!atMidnight(range.from) || !atMidnight(range.to))
    throw new Error(`not a range of whole China Standard Time days: ${range.from} to ${range.to}`);
  return { from: dayOf(new Date(range.from)), to: dayOf(new Date(range.to)) };
}
