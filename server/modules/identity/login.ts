import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, toActor } from './actor.ts';
import { verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { findUserByLogin } from './users.repo.ts';

export type LoginResult = { token: string; expiresAt: string; user: Actor };

export async function login(deps: Deps, loginName: string, password: string): Promise<LoginResult> {
  const row = await findUserByLogin(deps.db, loginName);
  const ok = await verifyPassword(row?.password_hash ?? null, password);
  if (!row || !ok || row.status !== 'active') {
    throw new AppError('invalid_credentials', 'Wrong login or password');
  }
  const session = await createSession(deps, row.id);
  return { ...session, user: toActor(row) };
}
