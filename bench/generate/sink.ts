/**
 * Bulk writing: rows are buffered per table and written as multi-row INSERTs inside the
 * caller's transaction. Tables are flushed in the order they were first written to, so a
 * parent row (a ledger transaction, a run) always lands before the rows that refer to it.
 */
import { CompiledQuery } from 'kysely';
import type { DialectName, Queryable } from '../../server/db/create-db.ts';
import type { Database } from '../../server/db/schema.ts';

/** Both databases accept far more; this keeps statements of a few hundred KB. */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;

export type TableName = keyof Database;

export type Sink = {
  add<T extends TableName>(table: T, row: Database[T]): void;
  /**
   * Rows of this table wait for `flush(true)` (their parents are completed later). Held tables
   * are written in the order `hold` was called, so hold parents first.
   */
  hold(table: TableName): void;
  flush(all?: boolean): Promise<void>;
  /** Flushes the tables not held once enough rows wait, so statements are mostly full and reused. */
  flushIfFull(): Promise<void>;
  /** Rows written so far, per table (shared across sinks of one run). */
  readonly counts: Map<string, number>;
};

export function makeSink(db: Queryable, dialect: DialectName, counts: Map<string, number>): Sink {
  const buffers = new Map<string, Record<string, unknown>[]>();
  let waiting = 0;
  const held = new Set<string>();
  const placeholder = dialect === 'postgres' ? (i: number) => `$${i}` : () => '?';

  async function write(table: string, rows: Record<string, unknown>[]): Promise<void> {
    const columns = Object.keys(rows[0]!);
    const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
    const head = `insert into ${table} (${columns.join(', ')}) values `;
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (const row of chunk) {
        const marks: string[] = [];
        for (const c of columns) {
          params.push(row[c]);
          marks.push(placeholder(params.length));
        }
        tuples.push(`(${marks.join(', ')})`);
      }
      await db.executeQuery(CompiledQuery.raw(head + tuples.join(', '), params));
    }
    counts.set(table, (counts.get(table) ?? 0) + rows.length);
  }

  return {
    counts,
    add(table, row) {
      let buffer = buffers.get(table);
      if (!buffer) {
        buffer = [];
        buffers.set(table, buffer);
      }
      buffer.push(row as Record<string, unknown>);
      if (!held.has(table)) waiting++;
    },
    async flushIfFull() {
      if (waiting >= 20_000) await this.flush();
    },
    hold(table) {
      held.add(table);
      if (!buffers.has(table)) buffers.set(table, []);
    },
    async flush(all = false) {
      waiting = 0;
      for (const [table, rows] of buffers) {
        if (rows.length === 0 || (!all && held.has(table))) continue;
        buffers.set(table, []);
        await write(table, rows);
      }
    },
  };
}
