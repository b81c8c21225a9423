import path from 'node:path';

/** Process configuration, read once in main.ts from the environment (see the README table). */
export type Config = {
  /** The shared secret outside carriers send with their delivery callbacks; unset: no callbacks. */
  carrierCallbackToken: string | undefined;
  port: number;
  host: string;
  sqliteFile: string;
  databaseUrl: string | undefined;
  demo: boolean;
  adminLogin: string | undefined;
  adminPassword: string | undefined;
  sessionTtlHours: number;
  logLevel: string;
  /** API processes sharing the port (node:cluster); more than one needs PostgreSQL. */
  workers: number;
  /** Serve the web consoles (building them on the first start); off: the API and /docs only. */
  web: boolean;
  /** Everyday-service provider: the sandbox, or a real one over HTTP (docs/operations.md). */
  services:
    | { provider: 'sandbox'; faults?: { timeout?: number; pending?: number; decline?: number } }
    | {
        provider: 'http';
        url: string;
        apiKey: string;
        name: string;
        callTimeoutMs: number;
        giveUpAfterAttempts: number;
      };
};

/** `timeout=0.1,pending=0.3,decline=0.05`: the sandbox misbehaves at these rates (demos, training). */
function readFaults(text: string): { timeout?: number; pending?: number; decline?: number } {
  const faults: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [name, value] = part.split('=').map((x) => x.trim());
    const rate = Number(value);
    if (!['timeout', 'pending', 'decline'].includes(name ?? '') || !(rate >= 0 && rate <= 1))
      throw new Error(`CUNTONG_SANDBOX_FAULTS: expected timeout|pending|decline=<0..1>, got ${part}`);
    faults[name!] = rate;
  }
  return faults;
}

function readServices(env: NodeJS.ProcessEnv): Config['services'] {
  const provider = env.CUNTONG_SERVICES_PROVIDER ?? 'sandbox';
  if (provider === 'sandbox') {
    const faults = env.CUNTONG_SANDBOX_FAULTS ? readFaults(env.CUNTONG_SANDBOX_FAULTS) : undefined;
    return faults ? { provider, faults } : { provider };
  }
  if (provider !== 'http') throw new Error(`CUNTONG_SERVICES_PROVIDER is sandbox or http, not ${provider}`);
  const url = env.CUNTONG_SERVICES_URL;
  const apiKey = env.CUNTONG_SERVICES_API_KEY;
  if (!url || !apiKey)
    throw new Error('CUNTONG_SERVICES_URL and CUNTONG_SERVICES_API_KEY are needed for http');
  const positive = (name: string, dflt: number) => {
    const n = Number(env[name] ?? dflt);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} is not a positive integer: ${env[name]}`);
    return n;
  };
  return {
    provider,
    url,
    apiKey,
    name: env.CUNTONG_SERVICES_NAME || 'provider',
    callTimeoutMs: positive('CUNTONG_SERVICES_TIMEOUT_MS', 10_000),
    giveUpAfterAttempts: positive('CUNTONG_SERVICES_GIVE_UP_AFTER', 6),
  };
}

/** Hours a session lasts: a typo must stop the start, not make every sign-in fail. */
function readTtl(text: string | undefined): number {
  const hours = Number(text ?? 12);
  if (!(hours > 0 && hours <= 24 * 90))
    throw new Error(`CUNTONG_SESSION_TTL_HOURS is not a number of hours (0–2160]: ${text}`);
  return hours;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port number: ${env.PORT}`);
  const databaseUrl = env.DATABASE_URL || undefined;
  const workers = Number(env.CUNTONG_WORKERS || 1);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    throw new Error(`CUNTONG_WORKERS is not a number of processes (1–64): ${env.CUNTONG_WORKERS}`);
  // Group commit batches the writes of one process, and a process keeps resolved sessions
  // for a few seconds: on one SQLite file a second process would contend for the write lock
  // and miss the first one's logouts.
  if (workers > 1 && !databaseUrl)
    throw new Error(
      `CUNTONG_WORKERS=${workers} needs PostgreSQL (DATABASE_URL): on SQLite a single server process owns the database file`,
    );
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    sqliteFile: path.resolve(env.CUNTONG_DB ?? './data/cuntong.db'),
    databaseUrl,
    demo: (env.CUNTONG_DEMO ?? '1') !== '0',
    adminLogin: env.CUNTONG_ADMIN_LOGIN || undefined,
    adminPassword: env.CUNTONG_ADMIN_PASSWORD || undefined,
    sessionTtlHours: readTtl(env.CUNTONG_SESSION_TTL_HOURS),
    logLevel: env.LOG_LEVEL ?? 'info',
    workers,
    web: (env.CUNTONG_WEB ?? '1') !== '0',
    services: readServices(env),
    carrierCallbackToken: env.CUNTONG_CARRIER_CALLBACK_TOKEN || undefined,
  };
}
