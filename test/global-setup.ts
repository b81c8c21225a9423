import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { testDatabaseUrl } from './pg-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAvailable: boolean;
  }
}

/**
 * Checks PostgreSQL once for the whole run. In CI (CI=true) a missing PostgreSQL fails the
 * run; on a laptop without one, the PostgreSQL half of the API suite is skipped, loudly.
 */
export default async function setup(project: TestProject) {
  const client = new pg.Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 3000 });
  let available = false;
  try {
    await client.connect();
    // Schemas left behind by an interrupted run, at least an hour old (another run may be
    // using younger ones).
    const { rows } = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname like 'cuntong_test_%'",
    );
    const cutoff = Date.now() / 1000 - 3600;
    for (const r of rows) {
      const created = Number(r.nspname.split('_')[2]);
      if (!Number.isFinite(created) || created < cutoff) {
        await client.query(`drop schema if exists "${r.nspname}" cascade`);
      }
    }
    // Likewise the databases of servers that tests started as child processes.
    const databases = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like 'cuntong_test_%'",
    );
    for (const d of databases.rows) {
      const created = Number(d.datname.split('_')[2]);
      if (!Number.isFinite(created) || created < cutoff) {
        await client.query(`drop database if exists "${d.datname}" with (force)`);
      }
    }
    available = true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(
        `PostgreSQL is required in CI but unreachable at ${testDatabaseUrl()}: ${String(error)}`,
      );
    }
    console.warn(
      `\n!! PostgreSQL unreachable (${String(error)}): the postgres project's tests are skipped\n`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  project.provide('pgAvailable', available);
}
