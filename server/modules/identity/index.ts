/** Identity: users, sessions, roles and scopes, and the audit log. */
import type { Queryable, Trx } from '../../db/create-db.ts';
import { type Actor, toActor } from './actor.ts';
import { forgetSessions } from './sessions.ts';
import { findUserById, setUserCenterRow } from './users.repo.ts';

export type { Actor } from './actor.ts';
export { type AuditEntry, recordAudit } from './audit.ts';
export { ensureAdmin } from './bootstrap-admin.ts';
export { createUser, createUserInTrx, hashNewPassword, type NewUser } from './create-user.ts';
export { type Role, roles } from './identity.tables.ts';
export { listUsers } from './list-users.ts';
export { type LoginResult, login } from './login.ts';
export { MIN_PASSWORD_LENGTH } from './passwords.ts';
export { assertFound, canManageCounty, canSeeCenter, canSeeCounty } from './scope.ts';
export { authenticate, deleteExpiredSessions, revokeSession } from './sessions.ts';

export async function getUser(db: Queryable, id: string): Promise<Actor | null> {
  const row = await findUserById(db, id);
  return row ? toActor(row) : null;
}

/** Records which centre a partner runs; called by the network module when it assigns one. */
export async function setUserCenter(trx: Trx, userId: string, centerId: string, at: string): Promise<void> {
  await setUserCenterRow(trx, userId, centerId, at);
  // The user's sessions now carry another scope.
  forgetSessions();
}
/** The user response schema, for routes of other modules that answer a user. */
export { UserSchema } from './identity.routes.ts';
