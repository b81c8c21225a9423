import { SqliteAdapter } from 'kysely';

type WithExecutor = { getExecutor(): { adapter: unknown } };

/**
 * Everything that differs between SQLite and PostgreSQL lives in this file, so the
 * modules can write one query for both.
 */
export function isSqlite(db: WithExecutor): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** A unique or primary-key constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Row locks for read-modify-write inside a transaction. SQLite has one writer at a time
 * (our driver serialises every transaction on one connection), so it needs none;
 * PostgreSQL takes `FOR UPDATE`.
 */
export function forUpdate<QB extends { forUpdate(): QB }>(db: WithExecutor, qb: QB): QB {
  return isSqlite(db) ? qb : qb.forUpdate();
}

/**
 * Whether this server process is the only one using the database, so that what it remembers
 * of its own writes is the whole truth. SQLite is embedded: one server process owns the file.
 * PostgreSQL may be shared by several API processes (the scale-out path).
 */
export function hasOneServerProcess(dialect: 'sqlite' | 'postgres'): boolean {
  return dialect === 'sqlite';
}
