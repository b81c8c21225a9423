import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, toActor } from './actor.ts';
import type { Role } from './identity.tables.ts';
import { canManageCounty } from './scope.ts';
import { listUserRows } from './users.repo.ts';

/** Users an HQ admin (anyone) or county staff (its own county) may manage. */
export async function listUsers(
  deps: Deps,
  actor: Actor,
  filter: { role?: Role | undefined; countyId?: string | undefined; unassigned?: boolean | undefined },
): Promise<Actor[]> {
  const countyId =
    actor.role === 'hq_admin' ? filter.countyId : (filter.countyId ?? actor.countyId ?? undefined);
  if (actor.role !== 'hq_admin' && (!countyId || !canManageCounty(actor, countyId))) {
    throw new AppError('forbidden', 'You may list the users of your own county only');
  }
  const rows = await listUserRows(deps.db, { ...filter, countyId });
  return rows.map(toActor);
}
