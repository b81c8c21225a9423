import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, defaultProviders, defaultWebDir, outboxHandlers } from './app.ts';
import { createDb } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from './demo/seed-demo.ts';
import type { Deps } from './deps.ts';
import { startOutboxWorker } from './jobs/outbox-worker.ts';
import { ensureAdmin } from './modules/identity/index.ts';
import { serviceProvidersFrom } from './modules/services/index.ts';
import { systemClock } from './shared/clock.ts';
import { readConfig } from './shared/config.ts';
import { createLogger } from './shared/logger.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = readConfig();
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

const handle = createDb(config);
const applied = await migrateToLatest(handle);
if (applied.length) log.info({ applied }, 'migrations applied');

let nudge = () => {};
const deps: Deps = {
  db: handle.db,
  dialect: handle.dialect,
  clock: systemClock,
  log,
  nudgeOutbox: () => nudge(),
  sessionTtlHours: config.sessionTtlHours,
};

if (config.adminLogin && config.adminPassword) {
  if (await ensureAdmin(deps, config.adminLogin, config.adminPassword))
    log.info(`created hq_admin ${config.adminLogin}`);
}
const isEmpty = (await handle.db.selectFrom('counties').select('id').limit(1).execute()).length === 0;
const demoLogins = config.demo && isEmpty ? await seedDemo(deps) : [];

await ensureWebBuild();
const providers = defaultProviders(serviceProvidersFrom(config.services));
const app = await buildApp(deps, {
  logger: log,
  services: providers.services,
  carrierCallbackToken: config.carrierCallbackToken,
});
const worker = startOutboxWorker(deps, outboxHandlers(providers));
nudge = worker.nudge;
await app.listen({ port: config.port, host: config.host });

const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/`;
const lines = [`Cuntong is running at ${url}  (API docs: ${url}docs)`];
lines.push(`database: ${handle.dialect === 'sqlite' ? config.sqliteFile : 'PostgreSQL (DATABASE_URL)'}`);
if (demoLogins.length) {
  lines.push(`demo county loaded — every demo login uses the password "${DEMO_PASSWORD}":`);
  for (const d of demoLogins) lines.push(`  ${d.login.padEnd(10)} ${d.role.padEnd(13)} ${d.who}`);
}
console.log(lines.join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await worker.stop();
    await handle.close();
    process.exit(0);
  });
}
