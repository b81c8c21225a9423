import type { Trx } from '../../db/create-db.ts';
import type { Clock } from '../../shared/clock.ts';
import { queueSms } from '../notifications/index.ts';
import type { ApplicationRow } from './recruitment.tables.ts';

type Applicant = Pick<ApplicationRow, 'name' | 'phone' | 'county_id'>;

/** The applicant hears of each step by SMS, queued in the transaction that takes the step. */
const tell = (trx: Trx, clock: Clock, app: Applicant, kind: string, body: string) =>
  queueSms(trx, clock, {
    to: app.phone,
    body: `【村通】${app.name}您好，${body}`,
    countyId: app.county_id,
    kind,
  });

export const smsApplicationReceived = (trx: Trx, clock: Clock, app: Applicant, villageName: string) =>
  tell(
    trx,
    clock,
    app,
    'application_received',
    `您申请经营${villageName}服务站的资料已收到，县运营中心将尽快与您联系面谈。`,
  );

/**
 * The login only: the initial password is handed over by the county centre in person, so it
 * never travels in the clear through the SMS gateway and the message log.
 */
export const smsApplicationApproved = (
  trx: Trx,
  clock: Clock,
  app: Applicant,
  login: string,
  centerName: string,
) =>
  tell(
    trx,
    clock,
    app,
    'application_approved',
    `恭喜您通过审核，成为${centerName}的合伙人。登录账号：${login}，初始密码请到县运营中心当面领取。完成培训认证后服务站即可开业。`,
  );

export const smsApplicationRejected = (trx: Trx, clock: Clock, app: Applicant, reason: string) =>
  tell(
    trx,
    clock,
    app,
    'application_rejected',
    `很遗憾，您的合伙人申请未通过。原因：${reason.trim().replace(/[。.！!；;，,]+$/u, '')}。感谢您的关注。`,
  );
