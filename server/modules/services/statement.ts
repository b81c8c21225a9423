/**
 * A provider's daily statement as CSV: one line per request the provider completed that day
 * (China Standard Time), the format reconciliation reads. Real providers' statements are
 * converted to it before upload.
 *
 *     request_id,provider_ref,amount_fen,completed_at
 */
export type StatementLine = {
  requestId: string;
  providerRef: string;
  amountFen: number;
  completedAt: string;
};

const HEADER = 'request_id,provider_ref,amount_fen,completed_at';
const CST_MS = 8 * 3_600_000;

/** The calendar day (YYYY-MM-DD) of `at` in China Standard Time. */
export function cstDate(at: Date): string {
  return new Date(at.getTime() + CST_MS).toISOString().slice(0, 10);
}

/** The UTC instants [from, to) of a China Standard Time day. */
export function cstDayRange(date: string): { from: string; to: string } {
  const start = Date.parse(`${date}T00:00:00.000Z`) - CST_MS;
  return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() };
}

export function statementCsv(lines: readonly StatementLine[]): string {
  return [HEADER, ...lines.map((l) => `${l.requestId},${l.providerRef},${l.amountFen},${l.completedAt}`)]
    .join('\n')
    .concat('\n');
}

/** Parses a statement; returns the line numbers it could not read instead of guessing. */
export function parseStatement(csv: string): { lines: StatementLine[]; unreadable: number[] } {
  const lines: StatementLine[] = [];
  const unreadable: number[] = [];
  csv.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.trim();
    if (text === '' || (i === 0 && text === HEADER)) return;
    const [requestId, providerRef, amount, completedAt, ...rest] = text.split(',');
    const amountFen = Number(amount);
    if (rest.length || !requestId || !providerRef || !completedAt || !Number.isSafeInteger(amountFen)) {
      unreadable.push(i + 1);
      return;
    }
    lines.push({ requestId, providerRef, amountFen, completedAt });
  });
  return { lines, unreadable };
}
