import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../server/db/create-db.ts';

/** PostgreSQL returns bigint counts as strings. */
const numbers = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]),
  );

/** A status a county's rows all left keeps its tally at zero; a recount has no such row. */
const counted = (row: Record<string, unknown>) => {
  const counts = Object.values(row).filter((v) => typeof v === 'number');
  return counts.length === 0 || counts.some((n) => n !== 0);
};

/** A tally's rows that count something, in key order, as a recount would have them. */
export async function countedRows(db: Db, table: string): Promise<Record<string, unknown>[]> {
  return (
    await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1, 2`.execute(db)
  ).rows
    .map(numbers)
    .filter(counted);
}

/**
 * A table kept in step with the rows it counts (a tally, the certified partners) must equal
 * what its `rebuild` recounts from those rows. Returns the rows, for further checks.
 */
export async function expectTallyMatchesRecount(
  db: Db,
  table: string,
  rebuild: (db: Db) => Promise<void>,
): Promise<Record<string, unknown>[]> {
  const kept = await countedRows(db, table);
  await rebuild(db);
  expect(await countedRows(db, table), table).toEqual(kept);
  return kept;
}
