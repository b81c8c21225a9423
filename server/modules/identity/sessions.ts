import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/create-db.ts';
import { hasOneServerProcess } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { type Actor, toActor } from './actor.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sessions this process resolved recently, by token hash. Every API request starts with the
 * session lookup, and a scan station sends thousands with one token, so reading the same row
 * each time is most of what a small write costs beyond its own statements.
 *
 * Exactness: a hit is served only while the session has not expired (checked against the
 * clock on every hit, as the query does), and every change that can end or alter a session —
 * logout, a user's centre — goes through this module, which starts a new generation: older
 * entries are ignored and a lookup that began before the change does not store its answer.
 * That holds only where this process is the database's only server, i.e. on SQLite; with
 * PostgreSQL several processes may share the database and would not see each other's
 * logouts, so there every request reads the session row. `CACHE_MS` bounds how long a change
 * made outside the API (an operator's SQL) goes unnoticed.
 */
const CACHE_MS = 10_000;
const MAX_CACHED = 10_000;
type Cached = { actor: Actor; expiresAt: string; generation: number; until: number };
const caches = new WeakMap<object, Map<string, Cached>>();
let generation = 0;

function cacheOf(deps: Deps): Map<string, Cached> | null {
  if (!hasOneServerProcess(deps.dialect)) return null;
  let cache = caches.get(deps.db);
  if (!cache) {
    cache = new Map();
    caches.set(deps.db, cache);
  }
  return cache;
}

/** Called after every change that ends a session or alters its user: cached answers are stale. */
export function forgetSessions(): void {
  generation++;
}

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
  const hash = hashToken(token);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const cache = cacheOf(deps);
  const hit = cache?.get(hash);
  if (hit && hit.generation === generation && hit.until > now.getTime() && hit.expiresAt > nowIso) {
    return hit.actor;
  }
  const began = generation;
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.expires_at')
    .where('sessions.token_hash', '=', hash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', nowIso)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  const actor = toActor(row);
  if (cache && began === generation) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(hash, { actor, expiresAt: row.expires_at, generation, until: now.getTime() + CACHE_MS });
  }
  return actor;
}

export async function revokeSession(deps: Deps, token: string): Promise<void> {
  await deps.db
    .updateTable('sessions')
    .set({ revoked_at: deps.clock.now().toISOString() })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .execute();
  // After the update: a lookup starting from here on reads the revoked row.
  forgetSessions();
}

/**
 * Deletes up to `limit` sessions that expired before `before` (revoked ones expire too);
 * returns how many. Authentication already refuses them; this only keeps the table small.
 */
export async function deleteExpiredSessions(db: Queryable, before: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('token_hash', 'in', (eb) =>
      eb.selectFrom('sessions').select('token_hash').where('expires_at', '<', before).limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
