import type { Deps } from '../../deps.ts';
import { type Actor, assertFound, canSeeCenter } from '../identity/index.ts';
import { findCenter } from '../network/index.ts';
import { findVillager, maskPhone } from '../villagers/index.ts';
import { type ServiceRequest, toServiceRequest } from './service.views.ts';
import { findRequestRow, listRequestRows, type RequestFilter, summariseRows } from './services.repo.ts';

export type ServiceRequestWithReceipt = ServiceRequest & {
  receipt: { centerName: string; centerAddress: string; villagerName: string; villagerPhone: string };
};

/**
 * One request with what its receipt prints. The partner sees its own centre's, county roles
 * their county's, HQ all; anything else answers 404.
 */
export async function getServiceRequest(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<ServiceRequestWithReceipt> {
  const row = await findRequestRow(deps.db, id);
  assertFound(
    row !== undefined && canSeeCenter(actor, { id: row.center_id, countyId: row.county_id }),
    'Service request',
  );
  const [center, villager] = await Promise.all([
    findCenter(deps.db, row!.center_id),
    findVillager(deps.db, row!.villager_id),
  ]);
  return {
    ...toServiceRequest(row!),
    receipt: {
      centerName: center?.name ?? '',
      centerAddress: center?.address ?? '',
      villagerName: villager?.name ?? '',
      villagerPhone: villager ? maskPhone(villager.phone) : '',
    },
  };
}

/** Narrows a filter to the caller's scope: a partner to its centre, county roles to their county. */
function scoped(actor: Actor, filter: RequestFilter): RequestFilter {
  if (actor.role === 'partner') return { ...filter, centerId: actor.centerId ?? 'none', countyId: undefined };
  if (actor.role === 'hq_admin') return filter;
  return { ...filter, countyId: actor.countyId ?? 'none' };
}

export async function listServiceRequests(
  deps: Deps,
  actor: Actor,
  filter: RequestFilter,
  page: { limit: number; offset: number },
): Promise<ServiceRequest[]> {
  const wanted = scoped(actor, filter);
  // Asking for another centre (or county) than one's own finds nothing rather than widening.
  if (actor.role === 'partner' && filter.centerId && filter.centerId !== actor.centerId) return [];
  if (
    actor.role !== 'hq_admin' &&
    actor.role !== 'partner' &&
    filter.countyId &&
    filter.countyId !== actor.countyId
  )
    return [];
  return (await listRequestRows(deps.db, wanted, page)).map(toServiceRequest);
}

/** Volumes and failures by kind and status, for the county and HQ consoles. */
export async function summariseServices(deps: Deps, actor: Actor, filter: RequestFilter) {
  if (actor.role !== 'hq_admin' && filter.countyId && filter.countyId !== actor.countyId) return [];
  return summariseRows(deps.db, scoped(actor, filter));
}
