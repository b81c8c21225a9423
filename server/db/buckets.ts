import { type RawBuilder, sql } from 'kysely';

/**
 * `CASE WHEN column < bounds[0] THEN 0 WHEN column < bounds[1] THEN 1 … END`: the index of
 * the first bound a timestamp lies before, so one `GROUP BY` sums a whole monthly series
 * instead of one query per month. Rows at or after the last bound get NULL; filter them out.
 * Bounds are ascending ISO instants; the indexes are literals so the expression groups alike
 * on SQLite and PostgreSQL.
 */
export function bucketOf(column: string, bounds: readonly string[]): RawBuilder<number> {
  const whens = bounds.map((bound, i) => sql`WHEN ${sql.ref(column)} < ${bound} THEN ${sql.lit(i)}`);
  return sql<number>`CASE ${sql.join(whens, sql` `)} END`;
}

/** Per-bucket figures from `{bucket, n}` rows: zeros where no row came back. */
export function perBucket(
  size: number,
  rows: ReadonlyArray<{ bucket: number | string | null; n: number | string | bigint | null }>,
): number[] {
  const out = new Array<number>(size).fill(0);
  for (const r of rows) if (r.bucket !== null) out[Number(r.bucket)] = Number(r.n ?? 0);
  return out;
}
