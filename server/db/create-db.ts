import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export type DbHandle = {
  db: Db;
  dialect: DialectName;
  /** The PostgreSQL schema the tables live in (`public` unless a test isolates itself). */
  pgSchema: string;
  close(): Promise<void>;
};

// PostgreSQL returns int8 and numeric as strings; every amount here is integer fen well
// inside 2^53, so numbers are the honest type on both dialects.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Names the server's PostgreSQL connections, so that `npm run restore` can see a server still connected. */
export const SERVER_APPLICATION_NAME = 'cuntong';

export type DbOptions = {
  sqliteFile: string;
  databaseUrl?: string | undefined;
  pgSchema?: string | undefined;
};

export function createDb(options: DbOptions): DbHandle {
  if (options.databaseUrl) return createPostgres(options.databaseUrl, options.pgSchema ?? 'public');
  return createSqlite(options.sqliteFile);
}

function createSqlite(file: string): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  cachePreparedStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', pgSchema: 'public', close: () => db.destroy() };
}

/**
 * Kysely prepares every query afresh, and preparing costs more than running most of ours.
 * Statements are reusable (Kysely runs one query at a time on this connection), so keep the
 * recent ones by SQL text.
 */
function cachePreparedStatements(sqlite: SqliteDatabase.Database, max = 1_000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SqliteDatabase.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

function createPostgres(url: string, schema: string): DbHandle {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad PostgreSQL schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: `-c search_path=${schema}`,
    application_name: SERVER_APPLICATION_NAME,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', pgSchema: schema, close: () => db.destroy() };
}

export type Trx = import('kysely').Transaction<Database>;
/** Either the database or an open transaction: for reads that may run inside one. */
export type Queryable = Db | Trx;
