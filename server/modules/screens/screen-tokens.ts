import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { type Actor, assertFound, canManageCounty, getUser } from '../identity/index.ts';
import { type Center, findCenter } from '../network/index.ts';

/** The SHA-256 of a token, hex: what the table stores and the feed looks up. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The screen's address in the web app; the token is its only credential. */
export const screenUrl = (token: string) => `/screen/${token}`;

/** The centre's partner, or staff who manage its county; anyone else gets 404, as for a missing centre. */
async function manageableCenter(deps: Deps, actor: Actor, centerId: string): Promise<Center> {
  const center = await findCenter(deps.db, centerId);
  const allowed =
    center !== null &&
    (actor.role === 'partner' ? actor.centerId === center.id : canManageCounty(actor, center.countyId));
  assertFound(allowed, 'Centre');
  return center!;
}

/**
 * Creates the centre's screen token, replacing (and so revoking) any earlier one. The token is
 * 32 random bytes, base64url: it is shown once and only its hash is kept.
 */
export async function rotateScreenToken(
  deps: Deps,
  actor: Actor,
  centerId: string,
): Promise<{ center: Center; token: string; url: string }> {
  const center = await manageableCenter(deps, actor, centerId);
  const token = randomBytes(32).toString('base64url');
  const row = {
    center_id: center.id,
    county_id: center.countyId,
    token_hash: hashToken(token),
    created_by: actor.id,
    created_at: deps.clock.now().toISOString(),
  };
  // One statement, so two rotations at once leave exactly one token, the later one.
  await deps.db
    .insertInto('screen_tokens')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['center_id', 'county_id']).doUpdateSet({
        token_hash: row.token_hash,
        created_by: row.created_by,
        created_at: row.created_at,
      }),
    )
    .execute();
  return { center, token, url: screenUrl(token) };
}

/** Revokes the centre's screen token; revoking when there is none changes nothing. */
export async function revokeScreenToken(deps: Deps, actor: Actor, centerId: string): Promise<Center> {
  const center = await manageableCenter(deps, actor, centerId);
  await deps.db.deleteFrom('screen_tokens').where('center_id', '=', center.id).execute();
  return center;
}

export type ScreenTokenStatus = {
  active: boolean;
  createdAt: string | null;
  /** The user who made the live token, and their name for the page. */
  createdBy: string | null;
  createdByName: string | null;
};

/** Whether the centre has a live screen token, and who made it when; never the token. */
export async function screenTokenStatus(
  deps: Deps,
  actor: Actor,
  centerId: string,
): Promise<ScreenTokenStatus> {
  const center = await manageableCenter(deps, actor, centerId);
  const row = await deps.db
    .selectFrom('screen_tokens')
    .select(['created_by', 'created_at'])
    .where('center_id', '=', center.id)
    .executeTakeFirst();
  if (!row) return { active: false, createdAt: null, createdBy: null, createdByName: null };
  const maker = await getUser(deps.db, row.created_by);
  return {
    active: true,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: maker?.displayName ?? null,
  };
}

/** The centre a live token belongs to, or null for an unknown or revoked one. */
export async function centerOfToken(deps: Deps, token: string): Promise<string | null> {
  const row = await deps.db
    .selectFrom('screen_tokens')
    .select('center_id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row?.center_id ?? null;
}
