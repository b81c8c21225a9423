import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  countyWithStaff,
  hqAdmin,
  makeUser,
  openCentreWithPartner,
  registerVillager,
} from '../../../test/scenarios.ts';

describeDb('villagers: full phone numbers only for those who call them', () => {
  let t: TestApp;
  let staff: string;
  let partner: string;
  let gov: string;
  let villager: { id: string; phone: string };
  beforeAll(async () => {
    t = await createTestApp();
    const hq = await hqAdmin(t);
    const a = await countyWithStaff(t, hq);
    staff = a.staff.token;
    partner = (await openCentreWithPartner(t, staff, a.county.id, a.village.id)).partner.token;
    gov = (await makeUser(t, hq, 'gov_viewer', { countyId: a.county.id })).token;
    villager = await registerVillager(t, partner);
  });
  afterAll(() => t.close());

  it('shows the partner and the county staff the number, the government viewer a masked one', async () => {
    const get = (token: string) => t.request('GET', `/api/v1/villagers/${villager.id}`, { token });
    expect((await get(partner)).body.phone).toBe(villager.phone);
    expect((await get(staff)).body.phone).toBe(villager.phone);
    const viewer = await get(gov);
    expect(viewer.status).toBe(200);
    expect(viewer.body.phone).toBe(`${villager.phone.slice(0, 3)}****${villager.phone.slice(7)}`);
  });
});
