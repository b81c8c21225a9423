/**
 * Backup and restore of the whole database: SQLite through its online backup API, PostgreSQL
 * through pg_dump / pg_restore (custom format). Used by `npm run backup` and `npm run restore`;
 * the procedure is described in docs/operations.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { SERVER_APPLICATION_NAME } from './create-db.ts';

/** What the server is configured with (see shared/config.ts). */
export type BackupTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; schema: string };

/** Every Cuntong database has it; its absence means the file or dump is something else. */
const MIGRATIONS_TABLE = 'kysely_migration';

/** The server keeps its tables in the `public` schema of DATABASE_URL's database (db/create-db.ts). */
export function backupTarget(config: { sqliteFile: string; databaseUrl: string | undefined }): BackupTarget {
  return config.databaseUrl
    ? { dialect: 'postgres', url: config.databaseUrl, schema: 'public' }
    : { dialect: 'sqlite', file: config.sqliteFile };
}

export function defaultBackupFile(target: BackupTarget, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.resolve('backups', `cuntong-${stamp}.${target.dialect === 'sqlite' ? 'db' : 'pgdump'}`);
}

/** Writes a consistent copy of the database to `out` while the server keeps running. */
export async function backup(target: BackupTarget, out: string): Promise<void> {
  if (target.dialect === 'sqlite' && path.resolve(out) === path.resolve(target.file))
    throw new Error(`${out} is the database itself: give another --out`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written beside the destination and renamed at the end: a half-written backup never
  // carries the name of a good one.
  const tmp = `${out}.partial-${process.pid}`;
  try {
    if (target.dialect === 'sqlite') await backupSqlite(target.file, tmp);
    else await backupPostgres(target.url, target.schema, tmp);
    fsyncFile(tmp);
    fs.renameSync(tmp, out);
    fsyncDir(path.dirname(out));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Replaces the database with the backup in `file`. Refuses while a server has the database
 * open: the server would go on with the replaced data in its caches and, on SQLite, its
 * write-ahead log.
 */
export async function restore(target: BackupTarget, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no such backup file: ${file}`);
  if (target.dialect === 'sqlite' && path.resolve(file) === path.resolve(target.file))
    throw new Error(`${file} is the database itself, not a backup of it`);
  if (target.dialect === 'sqlite') await restoreSqlite(file, target.file);
  else await restorePostgres(target.url, target.schema, file);
}

async function backupSqlite(file: string, out: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no database at ${file} (CUNTONG_DB)`);
  const source = new SqliteDatabase(file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    requireMigrationsTable(source, file);
    // All pages in one step: the step reads in one transaction, so the copy is one consistent
    // snapshot however many writes land meanwhile (WAL lets them proceed). Smaller steps would
    // restart the copy after every write of the running server.
    await source.backup(out, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new SqliteDatabase(out, { fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy fails SQLite's quick_check: ${String(check)}`);
    // One self-contained file: nothing left in a -wal beside it.
    copy.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    copy.close();
  }
}

async function restoreSqlite(backupFile: string, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.restore-${process.pid}`;
  try {
    // Checked on a copy, so that opening it leaves the backup file itself untouched.
    fs.copyFileSync(backupFile, tmp);
    let copy: SqliteDatabase.Database;
    try {
      copy = new SqliteDatabase(tmp, { fileMustExist: true });
      copy.pragma('schema_version');
    } catch (error) {
      throw new Error(`${backupFile} is not a SQLite database: ${String(error)}`);
    }
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`${backupFile} fails SQLite's quick_check: ${String(check)}`);
      requireMigrationsTable(copy, backupFile);
      copy.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
    if (fs.existsSync(file)) refuseIfSqliteInUse(file);
    // A -wal left from the old database would be replayed into the new one and corrupt it.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.renameSync(tmp, file);
    fsyncDir(path.dirname(file));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Every connection to a WAL database holds a shared lock in its -shm file for as long as it is
 * open, so an exclusive lock is granted only when no other process (a server, a migration) has
 * the file open. Closing this connection checkpoints and removes the old -wal.
 */
function refuseIfSqliteInUse(file: string): void {
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new Error(
        `${file} is open in another process (a running server?): stop the server, then restore`,
      );
    throw error;
  } finally {
    db.close();
  }
}

function requireMigrationsTable(db: SqliteDatabase.Database, file: string): void {
  const found = db
    .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
    .get(MIGRATIONS_TABLE);
  if (!found) throw new Error(`${file} holds no Cuntong database (no ${MIGRATIONS_TABLE} table)`);
}

async function backupPostgres(url: string, schema: string, out: string): Promise<void> {
  await withClient(url, async (client) => {
    const { rows } = await client.query('select 1 from pg_tables where schemaname = $1 and tablename = $2', [
      schema,
      MIGRATIONS_TABLE,
    ]);
    if (rows.length === 0)
      throw new Error(`schema ${schema} holds no Cuntong database (no ${MIGRATIONS_TABLE} table)`);
  });
  // pg_dump reads in one repeatable-read transaction: a consistent snapshot, writers not blocked.
  await runTool('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${out}`], url);
}

async function restorePostgres(url: string, schema: string, file: string): Promise<void> {
  const listing = await runTool('pg_restore', ['--list', file]);
  const schemas = new Set(
    [...listing.matchAll(/^\d+; \d+ \d+ TABLE (\S+) (\S+) /gm)]
      .filter((m) => m[2] === MIGRATIONS_TABLE)
      .map((m) => m[1]!),
  );
  if (schemas.size === 0) throw new Error(`${file} holds no Cuntong database (no ${MIGRATIONS_TABLE} table)`);
  if (!schemas.has(schema))
    throw new Error(`${file} holds schema ${[...schemas].join(', ')}, not ${schema}: nothing restored`);

  // The schema being replaced is set aside until the restore has committed, and put back if it fails.
  const aside = `${schema}_before_restore_${Date.now()}`;
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name = $1 and pid <> pg_backend_pid()`,
      [SERVER_APPLICATION_NAME],
    );
    if (rows[0]!.n > 0)
      throw new Error(
        `${rows[0]!.n} server connection(s) to this database are open: stop every server, then restore`,
      );
    const exists = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
    if (exists.rows.length)
      await client.query(`alter schema ${quoteIdent(schema)} rename to ${quoteIdent(aside)}`);
  });
  try {
    // The objects end up owned by the user of DATABASE_URL, the one the server connects as.
    await runTool(
      'pg_restore',
      ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', file],
      url,
    );
  } catch (error) {
    await withClient(url, async (client) => {
      const stillAside = await client.query('select 1 from pg_namespace where nspname = $1', [aside]);
      if (!stillAside.rows.length) return;
      await client.query(`drop schema if exists ${quoteIdent(schema)} cascade`);
      await client.query(`alter schema ${quoteIdent(aside)} rename to ${quoteIdent(schema)}`);
    });
    throw error;
  }
  await withClient(url, (client) => client.query(`drop schema if exists ${quoteIdent(aside)} cascade`));
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'cuntong-backup' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Runs pg_dump or pg_restore against `url` (the password goes in the environment, not on the
 * command line where `ps` shows it) and resolves with its stdout.
 */
function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], url?: string): Promise<string> {
  const env = { ...process.env };
  const toolArgs = [...args];
  if (url) {
    const parsed = new URL(url);
    if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
    parsed.password = '';
    toolArgs.unshift(`--dbname=${parsed.toString()}`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(tool, toolArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `${tool} not found: install the PostgreSQL client tools of the server's major version (Debian: apt-get install postgresql-client-15) or put them on PATH`,
            )
          : error,
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
