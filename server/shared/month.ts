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

export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';
