import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { describe, inject } from 'vitest';
import { buildApp, defaultProviders, outboxHandlers, type Providers } from '../server/app.ts';
import { createDb, type DbHandle, type DialectName } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Deps } from '../server/deps.ts';
import { drainOutbox } from '../server/jobs/outbox-worker.ts';
import type { LoginLimits } from '../server/modules/identity/identity.routes.ts';
import { type Clock, systemClock } from '../server/shared/clock.ts';
import { testDatabaseUrl } from './pg-url.ts';

export const dialect: DialectName = process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/**
 * `describe` for suites that need a database: runs once per dialect project and skips the
 * PostgreSQL run only where PostgreSQL is absent outside CI (global-setup fails CI instead).
 */
export function describeDb(name: string, fn: () => void): void {
  const skip = dialect === 'postgres' && !inject('pgAvailable');
  describe.skipIf(skip)(`${name} [${dialect}]`, fn);
}

/**
 * A fresh, migrated database: a temp SQLite file, or a new schema on the PostgreSQL server.
 * `leaveOut` holds migrations back (see `migrateToLatest`).
 */
export async function createTestDb(leaveOut?: (name: string) => boolean): Promise<DbHandle> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuntong-test-'));
    const handle = createDb({ sqliteFile: path.join(dir, 'test.db') });
    await migrateToLatest(handle, leaveOut);
    const close = handle.close;
    return {
      ...handle,
      close: async () => {
        await close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // The creation time in the name lets global-setup sweep only abandoned schemas.
  const schema = `cuntong_test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = createDb({ sqliteFile: '', databaseUrl: testDatabaseUrl() });
  await admin.db.schema.createSchema(schema).execute();
  await admin.close();
  const handle = createDb({ sqliteFile: '', databaseUrl: testDatabaseUrl(), pgSchema: schema });
  await migrateToLatest(handle, leaveOut);
  const close = handle.close;
  return {
    ...handle,
    close: async () => {
      await close();
      const cleanup = createDb({ sqliteFile: '', databaseUrl: testDatabaseUrl() });
      await cleanup.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await cleanup.close();
    },
  };
}

/**
 * A fresh, empty database for a server started as a child process, named to it in `env`: a
 * temp SQLite file, or a new PostgreSQL database (the server keeps its tables in `public`).
 * `open()` reads it from the test; `drop()` removes it.
 */
export async function createServerDatabase(): Promise<{
  env: Record<string, string>;
  open(): DbHandle;
  drop(): Promise<void>;
}> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuntong-test-'));
    const file = path.join(dir, 'server.db');
    return {
      env: { CUNTONG_DB: file },
      open: () => createDb({ sqliteFile: file }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  // The creation time in the name lets global-setup sweep only abandoned databases.
  const name = `cuntong_test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = createDb({ sqliteFile: '', databaseUrl: testDatabaseUrl() });
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => createDb({ sqliteFile: '', databaseUrl: url.toString() }),
    drop: async () => {
      const cleanup = createDb({ sqliteFile: '', databaseUrl: testDatabaseUrl() });
      await sql.raw(`drop database if exists ${name} with (force)`).execute(cleanup.db);
      await cleanup.close();
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are JSON that each test asserts on field by field.
export type Response = { status: number; body: any; headers: Record<string, unknown> };

export type TestApp = {
  app: FastifyInstance;
  deps: Deps;
  handle: DbHandle;
  /** Runs every due outbox job now, as the worker would after commit. */
  drain(): Promise<number>;
  request(
    method: string,
    url: string,
    opts?: { token?: string | undefined; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
};

export async function createTestApp(
  opts: {
    clock?: Clock;
    loginLimits?: LoginLimits;
    providers?: Partial<Providers>;
    carrierCallbackToken?: string;
    leaveOutMigrations?: (name: string) => boolean;
    /** A database the caller opened (e.g. `createServerDatabase().open()`), migrated here, closed with the app. */
    handle?: DbHandle;
  } = {},
): Promise<TestApp> {
  const providers = { ...defaultProviders(), ...opts.providers };
  const handle = opts.handle ?? (await createTestDb(opts.leaveOutMigrations));
  if (opts.handle) await migrateToLatest(handle, opts.leaveOutMigrations);
  const deps: Deps = {
    db: handle.db,
    dialect: handle.dialect,
    clock: opts.clock ?? systemClock,
    log: pino({ level: 'silent' }),
    nudgeOutbox: () => {},
    sessionTtlHours: 12,
  };
  const app = await buildApp(deps, {
    webDir: null,
    services: providers.services,
    ...(opts.loginLimits ? { loginLimits: opts.loginLimits } : {}),
    carrierCallbackToken: opts.carrierCallbackToken,
  });
  await app.ready();
  const handlers = outboxHandlers(providers);
  return {
    app,
    deps,
    handle,
    drain: () => drainOutbox(deps, handlers),
    async request(method, url, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(o.body === undefined ? {} : { payload: o.body as object }),
      });
      const text = res.body;
      let body: unknown = text;
      if (res.headers['content-type']?.toString().includes('application/json') && text)
        body = JSON.parse(text);
      return { status: res.statusCode, body, headers: res.headers };
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
