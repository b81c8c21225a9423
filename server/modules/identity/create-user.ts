import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { findMerchant } from '../catalog/index.ts';
import { attachPartner, findCenter, findCounty } from '../network/index.ts';
import { type Actor, toActor } from './actor.ts';
import type { Role, UserRow } from './identity.tables.ts';
import { hashPassword } from './passwords.ts';
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

async function resolveScope(deps: Deps, input: NewUser, actor: Actor | null): Promise<Scope> {
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
  const requestedCounty = input.countyId ?? (actor?.role === 'county_staff' ? actor.countyId : null);
  if (!mayCreate(actor, input.role, requestedCounty)) {
    throw new AppError('forbidden', `You may not create a ${input.role} user here`);
  }
  const scope = await resolveScope(deps, input, actor);
  if (!mayCreate(actor, input.role, scope.countyId)) {
    throw new AppError('forbidden', `You may not create a ${input.role} user here`);
  }
  if (await findUserByLogin(deps.db, input.login)) throw new AppError('conflict', 'That login is taken');
  const now = deps.clock.now().toISOString();
  const row: UserRow = {
    id: uuidv7(),
    login: input.login,
    password_hash: await hashPassword(input.password),
    display_name: input.displayName,
    role: input.role,
    county_id: scope.countyId,
    center_id: scope.centerId,
    merchant_id: scope.merchantId,
    status: 'active',
    created_at: now,
    updated_at: now,
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertUser(trx, row);
      if (scope.centerId) await attachPartner(trx, scope.centerId, row.id, now);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'That login is taken, or the centre has a partner');
    throw error;
  }
  return toActor(row);
}
