import cluster, { type Worker } from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, defaultProviders, defaultWebDir, outboxHandlers } from './app.ts';
import { createDb, type DbHandle } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DEMO_PASSWORD, type DemoLogin, seedDemo } from './demo/seed-demo.ts';
import type { Deps } from './deps.ts';
import { startHousekeeping } from './jobs/housekeeping.ts';
import { startOutboxWorker } from './jobs/outbox-worker.ts';
import { ensureAdmin } from './modules/identity/index.ts';
import { serviceProvidersFrom } from './modules/services/index.ts';
import { systemClock } from './shared/clock.ts';
import { type Config, readConfig } from './shared/config.ts';
import { createLogger } from './shared/logger.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function configOrExit(): Config {
  try {
    return readConfig();
  } catch (error) {
    console.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const config = configOrExit();
const log = createLogger(config.logLevel);

async function ensureWebBuild(): Promise<void> {
  if (fs.existsSync(path.join(defaultWebDir, 'index.html'))) return;
  log.info('building the web consoles (first start only)…');
  // React picks its development build from NODE_ENV; a server started by a test runner
  // (NODE_ENV=test) must still ship the production one.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'web/vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

function depsFor(handle: DbHandle, nudge: () => void): Deps {
  return {
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    log,
    nudgeOutbox: nudge,
    sessionTtlHours: config.sessionTtlHours,
  };
}

/** Once per start, before any request: migrations, the first admin, the demo, the web build. */
async function prepare(handle: DbHandle): Promise<DemoLogin[]> {
  const applied = await migrateToLatest(handle);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const deps = depsFor(handle, () => {});
  if (config.adminLogin && config.adminPassword) {
    if (await ensureAdmin(deps, config.adminLogin, config.adminPassword))
      log.info(`created hq_admin ${config.adminLogin}`);
  }
  const isEmpty = (await handle.db.selectFrom('counties').select('id').limit(1).execute()).length === 0;
  const demoLogins = config.demo && isEmpty ? await seedDemo(deps) : [];
  if (config.web) await ensureWebBuild();
  return demoLogins;
}

/**
 * One API process: the HTTP server, an outbox worker (leases keep workers of several processes
 * apart) and the hourly housekeeping.
 */
async function serve(handle: DbHandle): Promise<void> {
  let nudge = () => {};
  const deps = depsFor(handle, () => nudge());
  const providers = defaultProviders(serviceProvidersFrom(config.services));
  const app = await buildApp(deps, {
    logger: log,
    services: providers.services,
    carrierCallbackToken: config.carrierCallbackToken,
    ...(config.web ? {} : { webDir: null }),
    announceWorker: config.workers > 1,
  });
  const worker = startOutboxWorker(deps, outboxHandlers(providers));
  nudge = worker.nudge;
  const housekeeping = startHousekeeping(deps);
  await app.listen({ port: config.port, host: config.host });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await worker.stop();
    await housekeeping.stop();
    await handle.close();
    process.exit(0);
  };
  // `on`, not `once`: a process group signalled together (Ctrl-C) also hears it from the primary.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
}

function banner(demoLogins: DemoLogin[]): void {
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/`;
  const lines = [`Cuntong is running at ${url}  (API docs: ${url}docs)`];
  lines.push(`database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.sqliteFile}`);
  if (config.workers > 1) lines.push(`${config.workers} API processes`);
  if (demoLogins.length) {
    lines.push(`demo county loaded — every demo login uses the password "${DEMO_PASSWORD}":`);
    for (const d of demoLogins) lines.push(`  ${d.login.padEnd(10)} ${d.role.padEnd(13)} ${d.who}`);
  }
  console.log(lines.join('\n'));
}

/** The primary of several API processes: forks them, replaces one that dies, stops them all. */
function superviseWorkers(demoLogins: DemoLogin[]): void {
  let stopping = false;
  let alive = 0;
  let listening = 0;
  const fork = () => {
    alive++;
    cluster.fork().once('listening', () => {
      if (++listening === config.workers) banner(demoLogins);
    });
  };
  cluster.on('exit', (worker: Worker, code, signal) => {
    alive--;
    // Exit code 0 is a process that was told to stop (a signal to the process group, Ctrl-C).
    if (!stopping && code !== 0) {
      log.error({ pid: worker.process.pid, code, signal }, 'API process died; starting another');
      setTimeout(() => stopping || fork(), 1_000);
      return;
    }
    if (alive === 0) process.exit(0);
  });
  for (let i = 0; i < config.workers; i++) fork();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      if (alive === 0) process.exit(0);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
}

if (cluster.isPrimary) {
  const handle = createDb(config);
  const demoLogins = await prepare(handle);
  if (config.workers === 1) {
    await serve(handle);
    banner(demoLogins);
  } else {
    await handle.close();
    superviseWorkers(demoLogins);
  }
} else {
  await serve(createDb(config));
}
