import { type Kysely, sql } from 'kysely';
import type { Queryable } from './create-db.ts';

/**
 * A count kept per county and status beside a table, moved in the same transaction as the
 * row it counts, so a national figure sums a few thousand tally rows instead of grouping every
 * row in the country. The tally table's key is `(county_id, status)`; `counts` names its count
 * columns.
 */
export type TallyKey = { countyId: string; status: string };

/** Adds `deltas` (count column → change) to the tally of `key`, creating it at zero. */
export async function bumpTally(
  db: Queryable,
  table: string,
  key: TallyKey,
  deltas: Record<string, number>,
): Promise<void> {
  const columns = Object.keys(deltas).filter((c) => deltas[c] !== 0);
  if (columns.length === 0) return;
  const values = columns.map((c) => sql.lit(deltas[c]!));
  await sql`insert into ${sql.table(table)} (county_id, status, ${sql.join(columns.map((c) => sql.ref(c)))})
    values (${key.countyId}, ${key.status}, ${sql.join(values)})
    on conflict (county_id, status) do update set ${sql.join(
      columns.map((c) => sql`${sql.ref(c)} = ${sql.table(table)}.${sql.ref(c)} + excluded.${sql.ref(c)}`),
    )}`.execute(db);
}

/** Moves a row from one tally to another: what it counted before leaves, what it counts now joins. */
export async function moveTally(
  db: Queryable,
  table: string,
  before: (TallyKey & { counts: Record<string, number> }) | null,
  after: TallyKey & { counts: Record<string, number> },
): Promise<void> {
  if (
    before &&
    before.countyId === after.countyId &&
    before.status === after.status &&
    Object.keys(after.counts).every((c) => before.counts[c] === after.counts[c])
  )
    return;
  if (before) {
    const negated = Object.fromEntries(Object.entries(before.counts).map(([c, n]) => [c, -n]));
    await bumpTally(db, table, before, negated);
  }
  await bumpTally(db, table, after, after.counts);
}

/** A tally table: `(county_id, status)` keyed, one bigint column per count, starting at zero. */
export async function createTallyTable(db: Kysely<unknown>, table: string, counts: string[]): Promise<void> {
  let create = db.schema
    .createTable(table)
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('status', 'text', (c) => c.notNull());
  for (const column of counts) create = create.addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0));
  await create.addPrimaryKeyConstraint(`${table}_pk`, ['county_id', 'status']).execute();
}
