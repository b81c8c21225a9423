import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import { countyWithStaff, hqAdmin, post } from '../../../test/scenarios.ts';

let phoneSeq = 0;
const phone = () => `1360000${String(++phoneSeq).padStart(4, '0')}`;

const application = (countyId: string, villageId: string, overrides: Record<string, unknown> = {}) => ({
  countyId,
  villageId,
  name: '周小芳',
  phone: phone(),
  profile: 'returning_youth',
  answers: {},
  ...overrides,
});

type Message = { to: string; body: string; status: string; kind: string };

describeDb('recruitment: the applicant hears of each step by SMS', () => {
  let t: TestApp;
  let hq: string;
  let a: Awaited<ReturnType<typeof countyWithStaff>>;
  let b: Awaited<ReturnType<typeof countyWithStaff>>;
  beforeAll(async () => {
    t = await createTestApp();
    hq = await hqAdmin(t);
    a = await countyWithStaff(t, hq);
    b = await countyWithStaff(t, hq);
  });
  afterAll(() => t.close());

  /** The message log for one phone, oldest first, after the outbox has run. */
  const messagesTo = async (to: string, token = hq): Promise<Message[]> => {
    await t.drain();
    const res = await t.request('GET', `/api/v1/notifications?phone=${to}`, { token });
    expect(res.status).toBe(200);
    return [...res.body.items].reverse();
  };
  const notifications = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('confirms an application from the public form and one filed by staff, once each', async () => {
    const publicForm = application(a.county.id, a.village.id);
    expect((await t.request('POST', '/api/v1/recruitment/applications', { body: publicForm })).status).toBe(
      201,
    );
    const messages = await messagesTo(publicForm.phone);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      to: publicForm.phone,
      kind: 'application_received',
      status: 'sent',
    });
    expect(messages[0]!.body).toContain('周小芳');
    expect(messages[0]!.body).toContain(`${a.village.name}服务站`);
    // The county sees its applicants' messages; another county does not.
    expect(await messagesTo(publicForm.phone, a.staff.token)).toHaveLength(1);
    expect(await messagesTo(publicForm.phone, b.staff.token)).toHaveLength(0);

    const byStaff = application(a.county.id, a.village.id, { name: '吴小龙' });
    await post(t, a.staff.token, '/api/v1/recruitment/applications', byStaff);
    const staffMessages = await messagesTo(byStaff.phone);
    expect(staffMessages.map((m) => m.kind)).toEqual(['application_received']);
    expect(staffMessages[0]!.body).toContain('吴小龙');
  });

  it('sends nothing for an application that is refused', async () => {
    const filed = application(a.county.id, a.village.id);
    await post(t, a.staff.token, '/api/v1/recruitment/applications', filed);
    const before = await notifications();
    const again = await t.request('POST', '/api/v1/recruitment/applications', { body: filed });
    expect(again.status).toBe(409);
    const badVillage = await t.request('POST', '/api/v1/recruitment/applications', {
      body: application(a.county.id, b.village.id),
    });
    expect(badVillage.status).toBe(400);
    expect(await notifications()).toBe(before);
    expect(await messagesTo(filed.phone)).toHaveLength(1);
  });

  it('tells a rejected applicant the reason; no reason is a 400 and sends nothing', async () => {
    const filed = application(a.county.id, a.village.id);
    const { id } = await post(t, a.staff.token, '/api/v1/recruitment/applications', filed);
    await t.drain();
    const before = await notifications();
    for (const body of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await t.request('POST', `/api/v1/recruitment/applications/${id}/reject`, {
        token: a.staff.token,
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const foreign = await t.request('POST', `/api/v1/recruitment/applications/${id}/reject`, {
      token: b.staff.token,
      body: { reason: '不合适' },
    });
    expect(foreign.status).toBe(404);
    expect(await notifications()).toBe(before);

    await post(
      t,
      a.staff.token,
      `/api/v1/recruitment/applications/${id}/reject`,
      { reason: '店面已转让。' },
      200,
    );
    const twice = await t.request('POST', `/api/v1/recruitment/applications/${id}/reject`, {
      token: a.staff.token,
      body: { reason: '重复' },
    });
    expect(twice.status).toBe(409);
    const messages = await messagesTo(filed.phone);
    expect(messages.map((m) => m.kind)).toEqual(['application_received', 'application_rejected']);
    expect(messages[1]).toMatchObject({ to: filed.phone, status: 'sent' });
    expect(messages[1]!.body).toContain('原因：店面已转让。');
    expect(messages[1]!.body).not.toContain('。。');
  });

  it('tells an approved applicant the login, never the password', async () => {
    const filed = application(a.county.id, a.village.id, { name: '陈明' });
    const { id } = await post(t, a.staff.token, '/api/v1/recruitment/applications', filed);
    const approved = await post(t, a.staff.token, `/api/v1/recruitment/applications/${id}/approve`, {}, 200);
    expect(approved.initialPassword).toEqual(expect.any(String));
    const messages = await messagesTo(filed.phone);
    expect(messages.map((m) => m.kind)).toEqual(['application_received', 'application_approved']);
    const sms = messages[1]!;
    expect(sms).toMatchObject({ to: filed.phone, status: 'sent' });
    expect(sms.body).toContain(`登录账号：${filed.phone}`);
    expect(sms.body).toContain(approved.center.name);
    expect(sms.body).not.toContain(approved.initialPassword);
    expect(sms.body).toContain('县运营中心当面领取');

    // A password chosen by staff stays out of the message too.
    const chosen = application(a.county.id, a.village.id, { name: '林海' });
    const second = await post(t, a.staff.token, '/api/v1/recruitment/applications', chosen);
    const withLogin = await post(
      t,
      a.staff.token,
      `/api/v1/recruitment/applications/${second.id}/approve`,
      { login: 'linhai.cun', password: 'Chosen-Pass-77' },
      200,
    );
    expect(withLogin.initialPassword).toBeNull();
    const chosenMessages = await messagesTo(chosen.phone);
    expect(chosenMessages).toHaveLength(2);
    expect(chosenMessages[1]!.body).toContain('登录账号：linhai.cun');
    expect(chosenMessages[1]!.body).not.toContain('Chosen-Pass-77');
  });

  it('sends no approval when the approval fails', async () => {
    const filed = application(a.county.id, a.village.id);
    const { id } = await post(t, a.staff.token, '/api/v1/recruitment/applications', filed);
    await t.drain();
    const before = await notifications();
    const takenLogin = await t.request('POST', `/api/v1/recruitment/applications/${id}/approve`, {
      token: a.staff.token,
      body: { login: 'linhai.cun' },
    });
    expect(takenLogin.status).toBe(409);
    expect(await notifications()).toBe(before);
    expect((await messagesTo(filed.phone)).map((m) => m.kind)).toEqual(['application_received']);
  });
});
