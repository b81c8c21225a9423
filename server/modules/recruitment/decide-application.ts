import { randomInt } from 'node:crypto';
import type { Trx } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { type Deps, inTrx } from '../../deps.ts';
import { AppError, invalidState, validationFailed } from '../../shared/app-error.ts';
import {
  type Actor,
  assertFound,
  canManageCounty,
  createUserInTrx,
  hashNewPassword,
} from '../identity/index.ts';
import { type Center, createCenter, findCenter, findVillage, listCenters } from '../network/index.ts';
import { smsApplicationApproved, smsApplicationRejected } from './applicant-sms.ts';
import { findApplicationRow, lockApplicationRow, updateApplication } from './recruitment.repo.ts';
import type { ApplicationRow } from './recruitment.tables.ts';
import { type Application, toApplication } from './recruitment.views.ts';

export type Approval = {
  centerId?: string | undefined;
  login?: string | undefined;
  password?: string | undefined;
};

export type Approved = {
  application: Application;
  partner: { id: string; login: string; displayName: string };
  center: Center;
  /** Only when the platform chose the password: shown once, never stored in the clear. */
  initialPassword: string | null;
};

// No 0/O, 1/l/I: the password is read off a screen or a slip of paper.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const generatePassword = () =>
  Array.from({ length: 10 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');

const undecided = (row: ApplicationRow) => row.status === 'submitted' || row.status === 'interviewed';

async function loadForDecision(deps: Deps, actor: Actor, id: string): Promise<ApplicationRow> {
  const row = await findApplicationRow(deps.db, id);
  assertFound(row !== undefined && canManageCounty(actor, row.county_id), 'Application');
  if (!undecided(row!))
    throw invalidState(`The application is already ${row!.status}`, { status: row!.status });
  return row!;
}

async function lockUndecided(trx: Trx, id: string): Promise<ApplicationRow> {
  const row = (await lockApplicationRow(trx, id))!;
  if (!undecided(row)) throw invalidState(`The application is already ${row.status}`, { status: row.status });
  return row;
}

/**
 * The centre the new partner runs: the one named, else the village's planned centre that has
 * no partner yet, else a new planned centre named after the village.
 */
async function centreFor(deps: Deps, trx: Trx, actor: Actor, app: ApplicationRow, centerId?: string) {
  if (centerId) {
    const center = await findCenter(trx, centerId);
    if (center?.villageId !== app.village_id)
      throw validationFailed('centerId', 'no such centre in the village');
    if (center.status === 'closed') throw invalidState('The centre is closed');
    if (center.partnerUserId) throw new AppError('conflict', 'The centre already has a partner');
    return center.id;
  }
  const planned = await listCenters(inTrx(deps, trx), actor, {
    countyId: app.county_id,
    status: 'planned',
    limit: 500,
    offset: 0,
  });
  const free = planned.find((c) => c.villageId === app.village_id && !c.partnerUserId);
  if (free) return free.id;
  const village = await findVillage(trx, app.village_id);
  const created = await createCenter(inTrx(deps, trx), trx, actor, {
    villageId: app.village_id,
    name: `${village?.name ?? ''}服务站`,
    address: village?.name ?? '',
  });
  return created.id;
}

/**
 * Approves an application: in one transaction the applicant becomes a `partner` user of the
 * county (login: the phone number unless given) linked to the village's centre, and the
 * application records both. The centre stays planned until the partner is certified. The
 * applicant gets an SMS with the login; the password is handed over by the county centre.
 */
export async function approveApplication(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Approval,
): Promise<Approved> {
  const application = await loadForDecision(deps, actor, id);
  const login = input.login ?? application.phone;
  const initialPassword = input.password ? null : generatePassword();
  const passwordHash = await hashNewPassword(login, input.password ?? initialPassword!);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const app = await lockUndecided(trx, id);
      const centerId = await centreFor(deps, trx, actor, app, input.centerId);
      const partner = await createUserInTrx(
        inTrx(deps, trx),
        trx,
        actor,
        { login, displayName: app.name, role: 'partner', countyId: app.county_id, centerId },
        passwordHash,
      );
      const now = deps.clock.now().toISOString();
      const patch = {
        status: 'approved' as const,
        decided_by: actor.id,
        decided_at: now,
        partner_user_id: partner.id,
        center_id: centerId,
        updated_at: now,
      };
      await updateApplication(trx, id, patch);
      const center = (await findCenter(trx, centerId))!;
      await smsApplicationApproved(trx, deps.clock, app, partner.login, center.name);
      return {
        application: toApplication({ ...app, ...patch }),
        partner: { id: partner.id, login: partner.login, displayName: partner.displayName },
        center,
        initialPassword,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'That login is taken, or the centre has a partner');
    throw error;
  }
}

/** Rejects an application; the applicant is told the reason by SMS. */
export async function rejectApplication(
  deps: Deps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<Application> {
  await loadForDecision(deps, actor, id);
  return deps.db.transaction().execute(async (trx) => {
    const app = await lockUndecided(trx, id);
    const now = deps.clock.now().toISOString();
    const patch = {
      status: 'rejected' as const,
      reject_reason: reason,
      decided_by: actor.id,
      decided_at: now,
      updated_at: now,
    };
    await updateApplication(trx, id, patch);
    await smsApplicationRejected(trx, deps.clock, app, reason);
    return toApplication({ ...app, ...patch });
  });
}
