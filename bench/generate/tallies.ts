/**
 * Per-county status tallies as `server/db/tallies.ts` keeps them beside centres and
 * applications: counted while a county's rows are written, added once the county is done.
 */
import type { Database } from '../../server/db/schema.ts';
import type { Sink } from './sink.ts';

type TallyTable = 'center_counts' | 'application_counts';

export function makeTally(countyId: string, columns: readonly string[]) {
  const byStatus = new Map<string, Record<string, number>>();
  return {
    count(status: string, counts: Record<string, number>): void {
      const row = byStatus.get(status) ?? Object.fromEntries(columns.map((c) => [c, 0]));
      for (const c of columns) row[c]! += counts[c] ?? 0;
      byStatus.set(status, row);
    },
    write(sink: Sink, table: TallyTable): void {
      for (const [status, counts] of byStatus)
        sink.add(table, { county_id: countyId, status, ...counts } as Database[TallyTable]);
    },
  };
}
