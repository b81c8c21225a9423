import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { type Actor, toActor } from './actor.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opaque bearer tokens; only their SHA-256 is stored, so a database leak yields no sessions. */
export async function createSession(
  deps: Deps,
  userId: string,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3_600_000).toISOString();
  await deps.db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt };
}

export async function authenticate(deps: Deps, token: string): Promise<Actor | null> {
  if (token.length < 20 || token.length > 200) return null;
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', deps.clock.now().toISOString())
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  return row ? toActor(row) : null;
}

export async function revokeSession(deps: Deps, token: string): Promise<void> {
  await deps.db
    .updateTable('sessions')
    .set({ revoked_at: deps.clock.now().toISOString() })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .execute();
}
