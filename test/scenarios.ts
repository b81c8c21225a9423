import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createUser } from '../server/modules/identity/index.ts';
import type { TestApp } from './harness.ts';

/** Scenario helpers: build a network through the public API, as a county team would. */
export const PASSWORD = 'correct-horse-9';
const unique = () => randomBytes(4).toString('hex');

export async function signIn(t: TestApp, login: string, password = PASSWORD): Promise<string> {
  const res = await t.request('POST', '/api/v1/auth/login', { body: { login, password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.token as string;
}

/** The first HQ admin comes from start-up configuration, not the API; so here too. */
export async function hqAdmin(t: TestApp): Promise<string> {
  const login = `hq-${unique()}`;
  const root = {
    id: 'test',
    login: 'test',
    displayName: 'test',
    role: 'hq_admin' as const,
    countyId: null,
    centerId: null,
    merchantId: null,
  };
  await createUser(t.deps, root, { login, password: PASSWORD, displayName: '总部', role: 'hq_admin' });
  return signIn(t, login);
}

export async function post(t: TestApp, token: string, url: string, body?: unknown, status = 201) {
  const res = await t.request('POST', url, { token, body: body ?? {} });
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

export async function makeCounty(t: TestApp, hq: string, overrides: Record<string, unknown> = {}) {
  return post(t, hq, '/api/v1/counties', {
    code: `C-${unique()}`,
    name: '遂昌县',
    province: '浙江省',
    hub: { lat: 28.59, lon: 119.27, address: '妙高街道北街88号' },
    ...overrides,
  });
}

export async function makeVillage(
  t: TestApp,
  token: string,
  countyId: string,
  overrides: Record<string, unknown> = {},
) {
  return post(t, token, `/api/v1/counties/${countyId}/villages`, {
    name: `村${unique()}`,
    lat: 28.5,
    lon: 119.2,
    population: 1500,
    ...overrides,
  });
}

export async function makeUser(t: TestApp, token: string, role: string, scope: Record<string, unknown> = {}) {
  const login = `${role}-${unique()}`;
  const user = await post(t, token, '/api/v1/users', {
    login,
    password: PASSWORD,
    displayName: `${role} 用户`,
    role,
    ...scope,
  });
  return { user, login, token: await signIn(t, login) };
}

/** A county with one village and a staff member signed in. */
export async function countyWithStaff(t: TestApp, hq: string) {
  const county = await makeCounty(t, hq);
  const village = await makeVillage(t, hq, county.id);
  const staff = await makeUser(t, hq, 'county_staff', { countyId: county.id });
  return { county, village, staff };
}

/** An open centre with its partner signed in. */
export async function openCentreWithPartner(
  t: TestApp,
  staffToken: string,
  countyId: string,
  villageId: string,
) {
  const center = await post(t, staffToken, '/api/v1/centers', {
    villageId,
    name: `服务站${unique()}`,
    address: '村委会旁',
  });
  const partner = await makeUser(t, staffToken, 'partner', { countyId });
  await post(t, staffToken, `/api/v1/centers/${center.id}/partner`, { userId: partner.user.id }, 200);
  const opened = await post(t, staffToken, `/api/v1/centers/${center.id}/open`, undefined, 200);
  return { center: opened, partner };
}

export async function registerVillager(
  t: TestApp,
  partnerToken: string,
  overrides: Record<string, unknown> = {},
) {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  return post(t, partnerToken, '/api/v1/villagers', { name: '张大山', phone, ...overrides });
}

export async function depositFloat(t: TestApp, staffToken: string, centerId: string, amountFen: number) {
  return post(t, staffToken, `/api/v1/centers/${centerId}/float/deposits`, {
    amountFen,
    reference: `银行回单 ${unique()}`,
  });
}

/** The books must balance after every flow. */
export async function expectBalancedBooks(t: TestApp) {
  const { trialBalance, runningBalanceMismatches, daySumMismatches } = await import(
    '../server/modules/ledger/index.ts'
  );
  expect((await trialBalance(t.deps.db)).totalFen).toBe(0);
  expect(await runningBalanceMismatches(t.deps.db)).toEqual([]);
  expect(await daySumMismatches(t.deps.db)).toEqual([]);
}
