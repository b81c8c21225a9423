import type { Queryable } from '../../db/create-db.ts';
import { type Actor, assertFound, canManageCounty } from '../identity/index.ts';
import { type Center, findCenter, findCounty } from '../network/index.ts';

/**
 * Visits are the county's supervision of its partners: its staff and HQ log and read them.
 * Anything outside the caller's county answers 404, as a missing centre would.
 */
export async function supervisedCenter(db: Queryable, actor: Actor, centerId: string): Promise<Center> {
  const center = await findCenter(db, centerId);
  assertFound(center !== null && canManageCounty(actor, center.countyId), 'Centre');
  return center!;
}

/** The centre's own partner may also read the visits to its centre (never another's). */
export async function centerReadableForVisits(
  db: Queryable,
  actor: Actor,
  centerId: string,
): Promise<Center> {
  const center = await findCenter(db, centerId);
  const allowed =
    center !== null &&
    (actor.role === 'partner' ? actor.centerId === center.id : canManageCounty(actor, center.countyId));
  assertFound(allowed, 'Centre');
  return center!;
}

export async function supervisedCounty(db: Queryable, actor: Actor, countyId: string): Promise<void> {
  assertFound(canManageCounty(actor, countyId) && (await findCounty(db, countyId)) !== null, 'County');
}
