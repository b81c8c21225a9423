import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeDb } from '../../test/harness.ts';
import { buildApp } from '../app.ts';
import type { DbHandle } from '../db/create-db.ts';
import { ensureAdmin } from '../modules/identity/index.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

/** What the process logger writes, and what a failing request answers, read back. */
describeDb('logs and error answers keep secrets and internals in', () => {
  let handle: DbHandle;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger('info', sink);
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    handle = await createTestDb();
    const deps = {
      db: handle.db,
      dialect: handle.dialect,
      clock: systemClock,
      log,
      nudgeOutbox: () => {},
      sessionTtlHours: 12,
    };
    await ensureAdmin(deps, 'root-admin', 'a long secret 42');
    app = await buildApp(deps, { logger: log, webDir: null });
    app.get('/api/v1/explode', { config: { access: 'public' } }, async () => {
      throw new Error('SQLITE_ERROR near "drop": syntax error at /srv/cuntong/server/x.ts:12:3');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('logs no password, token, cookie or query string', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'root-admin', password: 'a long secret 42' },
    });
    expect(login.statusCode).toBe(200);
    const token = login.json().token as string;
    await app.inject({
      method: 'GET',
      url: '/api/v1/notifications?phone=13912345678',
      headers: { authorization: `Bearer ${token}`, cookie: `cuntong_session=${token}` },
    });
    log.info({ password: 'a long secret 42', user: { token, password: 'x' } }, 'a careless call');
    const text = lines.join('');
    expect(text).toContain('/api/v1/notifications');
    expect(text).toContain('[redacted]');
    for (const secret of [token, 'a long secret 42', '13912345678']) expect(text).not.toContain(secret);
  });

  it('answers an unexpected failure with a generic 500 and logs the error with its request id', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/explode',
      headers: { 'x-request-id': 'req-boom-1' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal_error', message: 'Internal error', details: null },
    });
    expect(res.body).not.toMatch(/SQLITE|syntax|\/srv\//);
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(logged).toMatchObject({ reqId: 'req-boom-1', level: 50 });
    expect(logged.err.message).toContain('syntax error');
  });
});
