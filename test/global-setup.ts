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
    // Schemas left behind by an interrupted run.
    const { rows } = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname like 'cuntong_test_%'",
    );
    for (const r of rows) await client.query(`drop schema if exists "${r.nspname}" cascade`);
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
