import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, canSeeCenter } from '../identity/index.ts';
import { findCenter } from '../network/index.ts';
import type { ParcelDirection, ParcelStatus } from './logistics.tables.ts';
import { type Parcel, toParcel } from './logistics.views.ts';
import { listParcelRows } from './parcels.repo.ts';

/** Days a parcel may wait at a centre before it is flagged for a reminder call. */
export const OVERDUE_AFTER_DAYS = 3;

export type ParcelQuery = {
  status?: ParcelStatus | undefined;
  direction?: ParcelDirection | undefined;
  centerId?: string | undefined;
  limit: number;
  offset: number;
};

/** Parcels in scope, newest first: a partner's centre, the county's, or all for HQ. */
export async function listParcels(deps: Deps, actor: Actor, query: ParcelQuery): Promise<Parcel[]> {
  if (actor.role === 'partner') {
    if (!actor.centerId || (query.centerId && query.centerId !== actor.centerId)) return [];
    return (await listParcelRows(deps.db, { ...query, centerId: actor.centerId })).map(toParcel);
  }
  const countyId = actor.role === 'hq_admin' ? undefined : (actor.countyId ?? '-');
  return (await listParcelRows(deps.db, { ...query, countyId })).map(toParcel);
}

/** Parcels ready for pickup at a centre for more than OVERDUE_AFTER_DAYS days, oldest first. */
export async function overdueParcels(deps: Deps, actor: Actor, centerId: string): Promise<Parcel[]> {
  const center = await findCenter(deps.db, centerId);
  if (!center || !canSeeCenter(actor, center)) throw new AppError('not_found', 'Centre not found');
  const cutoff = new Date(deps.clock.now().getTime() - OVERDUE_AFTER_DAYS * 86_400_000).toISOString();
  const rows = await listParcelRows(deps.db, {
    centerId,
    status: 'ready_for_pickup',
    arrivedBefore: cutoff,
    limit: 500,
    offset: 0,
  });
  return rows.sort((a, b) => (a.arrived_at ?? '').localeCompare(b.arrived_at ?? '')).map(toParcel);
}
