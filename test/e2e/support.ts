import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Whether browser tests run here. Without Chromium they are skipped on a laptop; in CI they
 * still run, so the missing browser fails the run instead of passing it silently.
 */
export const runBrowserTests = fs.existsSync(CHROMIUM) || process.env.CI === 'true';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

/** Starts the real server on a fresh demo database; the first start may also build the web. */
export async function startServer(timeoutMs = 180_000): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuntong-e2e-db-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      // Vitest sets NODE_ENV=test, and Vite would then build React's development bundle
      // (jsxDEV with source paths) when this server builds the web on its first start.
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      CUNTONG_DB: path.join(dir, 'e2e.db'),
      CUNTONG_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
    // Its own process group, so stopping it also stops anything it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {}
      }, 5_000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with ${child.exitCode} before it was healthy:\n${output}`);
    }
    const healthy = await fetch(`${baseUrl}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (healthy) return { baseUrl, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${output}`);
}

export type Browser = { context: BrowserContext; close: () => Promise<void> };

/** Debian's Chromium with a throwaway profile; nothing is downloaded. */
export async function launchBrowser(locale = 'zh-CN'): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; install Debian's chromium package`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cuntong-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A JSON call to the API as a signed-in user, failing the test on any unexpected status. */
export async function apiCall<T>(
  baseUrl: string,
  token: string,
  path: string,
  body?: unknown,
  expected = 200,
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined
        ? {}
        : { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json();
  expect(response.status, JSON.stringify(payload)).toBe(expected);
  return payload as T;
}

/** A bearer token for a demo login. */
export async function apiLogin(baseUrl: string, name: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: name, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** The demo county's password for every demo login. */
export const DEMO_PASSWORD = 'cuntong2026';

/** Where to keep screenshots for a human look (`E2E_SCREENSHOTS`); unset: none. */
export const screenshotDir = process.env.E2E_SCREENSHOTS;

/** Waits for a visible element; Playwright's own waiting, never fixed sleeps. */
export const visible = (locator: ReturnType<Page['locator']>) =>
  locator.waitFor({ state: 'visible', timeout: 20_000 });

/**
 * One real server on a fresh demo database and one Chromium for the tests of a file: started
 * before them, stopped after. Read `server` and `browser` inside tests, once they are up.
 */
export function useServerAndBrowser() {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 200_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the server and browser start in beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    call: <T>(token: string, path: string, body?: unknown, expected = 200) =>
      apiCall<T>(started(server).baseUrl, token, path, body, expected),
  };
}
