import path from 'node:path';

/** Process configuration, read once in main.ts from the environment (see the README table). */
export type Config = {
  port: number;
  host: string;
  sqliteFile: string;
  databaseUrl: string | undefined;
  demo: boolean;
  adminLogin: string | undefined;
  adminPassword: string | undefined;
  sessionTtlHours: number;
  logLevel: string;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port number: ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    sqliteFile: path.resolve(env.CUNTONG_DB ?? './data/cuntong.db'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: (env.CUNTONG_DEMO ?? '1') !== '0',
    adminLogin: env.CUNTONG_ADMIN_LOGIN || undefined,
    adminPassword: env.CUNTONG_ADMIN_PASSWORD || undefined,
    sessionTtlHours: Number(env.CUNTONG_SESSION_TTL_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
