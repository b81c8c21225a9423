import type { Trx } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { type Deps, inTrx } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { findMerchant } from '../catalog/index.ts';
import { attachPartner, findCenter, findCounty } from '../network/index.ts';
import { type Actor, toActor } from './actor.ts';
import type { Role, UserRow } from './identity.tables.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { findUserByLogin, insertUser } from './users.repo.ts';

export type NewUser = {
  login: string;
  password: string;
  displayName: string;
  role: Role;
  countyId?: string | null | undefined;
  centerId?: string | null | undefined;
  merchantId?: string | null | undefined;
};

type Scope = { countyId: string | null; centerId: string | null; merchantId: string | null };

/** Which scope fields each role carries; anything else is refused, not ignored. */
const scopeFields: Record<Role, ReadonlyArray<keyof Scope>> = {
  hq_admin: [],
  buyer: [],
  county_staff: ['countyId'],
  gov_viewer: ['countyId'],
  partner: ['countyId', 'centerId'],
  merchant: ['merchantId'],
};

function mayCreate(actor: Actor | null, role: Role, countyId: string | null): boolean {
  if (actor === null) return role === 'buyer';
  if (actor.role === 'hq_admin') return true;
  return (
    actor.role === 'county_staff' &&
    (role === 'partner' || role === 'gov_viewer') &&
    countyId === actor.countyId
  );
}

async function resolveScope(
  deps: Deps,
  input: Omit<NewUser, 'password'>,
  actor: Actor | null,
): Promise<Scope> {
  const allowed = scopeFields[input.role];
  for (const field of ['countyId', 'centerId', 'merchantId'] as const) {
    if (input[field] && !allowed.includes(field))
      throw validationFailed(field, `a ${input.role} has no ${field}`);
  }
  let countyId = input.countyId ?? null;
  const centerId = input.centerId ?? null;
  if (centerId) {
    const center = await findCenter(deps.db, centerId);
    if (!center || (countyId && center.countyId !== countyId))
      throw validationFailed('centerId', 'no such centre');
    if (center.partnerUserId) throw new AppError('conflict', 'The centre already has a partner');
    countyId = center.countyId;
  }
  if (allowed.includes('countyId')) {
    countyId ??= actor?.role === 'county_staff' ? actor.countyId : null;
    if (!countyId) throw validationFailed('countyId', `is required for a ${input.role}`);
    if (!(await findCounty(deps.db, countyId))) throw validationFailed('countyId', 'no such county');
  }
  const merchantId = input.merchantId ?? null;
  if (input.role === 'merchant') {
    if (!merchantId) throw validationFailed('merchantId', 'is required for a merchant');
    if (!(await findMerchant(deps.db, merchantId))) throw validationFailed('merchantId', 'no such merchant');
  }
  return { countyId, centerId, merchantId };
}

/**
 * Creates a user with its role and scope. `hq_admin` creates anyone; `county_staff` creates
 * partners and government viewers of its own county; an anonymous caller only buyers.
 */
export async function createUser(deps: Deps, actor: Actor | null, input: NewUser): Promise<Actor> {
  assertMayCreate(
    actor,
    input.role,
    input.countyId ?? (actor?.role === 'county_staff' ? actor.countyId : null),
  );
  const passwordHash = await hashNewPassword(input.login, input.password);
  try {
    return await deps.db
      .transaction()
      .execute((trx) => createUserInTrx(inTrx(deps, trx), trx, actor, input, passwordHash));
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'That login is taken, or the centre has a partner');
    throw error;
  }
}

/**
 * The hash of a new password that meets the policy (`passwordProblem`), made before a
 * transaction opens: hashing takes long enough to matter.
 */
export function hashNewPassword(login: string, password: string): Promise<string> {
  const problem = passwordProblem(login, password);
  if (problem) throw validationFailed('password', problem);
  return hashPassword(password);
}

/**
 * `createUser` inside the caller's transaction, for flows that create an account together
 * with their own rows (an approved recruitment application becomes a partner). `deps` must
 * already run on `trx`. A unique violation (login or centre taken) aborts the transaction.
 */
export async function createUserInTrx(
  deps: Deps,
  trx: Trx,
  actor: Actor | null,
  input: Omit<NewUser, 'password'>,
  passwordHash: string,
): Promise<Actor> {
  const scope = await resolveScope(deps, input, actor);
  assertMayCreate(actor, input.role, scope.countyId);
  if (await findUserByLogin(trx, input.login)) throw new AppError('conflict', 'That login is taken');
  const now = deps.clock.now().toISOString();
  const row: UserRow = {
    id: uuidv7(),
    login: input.login,
    password_hash: passwordHash,
    display_name: input.displayName,
    role: input.role,
    county_id: scope.countyId,
    center_id: scope.centerId,
    merchant_id: scope.merchantId,
    status: 'active',
    created_at: now,
    updated_at: now,
  };
  await insertUser(trx, row);
  if (scope.centerId) await attachPartner(trx, scope.centerId, row.id, now);
  return toActor(row);
}

function assertMayCreate(actor: Actor | null, role: Role, countyId: string | null): void {
  if (!mayCreate(actor, role, countyId))
    throw new AppError('forbidden', `You may not create a ${role} user here`);
}
