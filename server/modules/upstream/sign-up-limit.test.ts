import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { PASSWORD } from '../../../test/scenarios.ts';
import { SIGN_UPS_PER_HOUR } from './upstream.routes.ts';

describeDb('upstream: buyer sign-up is limited per address', () => {
  let t: TestApp;
  const users = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it(`opens at most ${SIGN_UPS_PER_HOUR} buyer accounts an hour from one address`, async () => {
    const signUp = (i: number) =>
      t.request('POST', '/api/v1/store/accounts', {
        body: { login: `buyer-${i}-${Date.now()}`, password: PASSWORD, displayName: '买家' },
      });
    const taken = await t.request('POST', '/api/v1/store/accounts', {
      body: { login: 'buyer-taken', password: PASSWORD, displayName: '买家' },
    });
    expect(taken.status).toBe(201);
    // Every attempt counts, refused ones too: a taken login tells a prober it exists.
    expect(
      (
        await t.request('POST', '/api/v1/store/accounts', {
          body: { login: 'buyer-taken', password: PASSWORD, displayName: '买家' },
        })
      ).status,
    ).toBe(409);
    for (let i = 2; i < SIGN_UPS_PER_HOUR; i++) expect((await signUp(i)).status).toBe(201);
    const before = await users();
    const refused = await signUp(SIGN_UPS_PER_HOUR);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(await users()).toBe(before);
  });
});
