import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertFound, canManageCounty, canSeeCenter, canSeeCounty } from '../identity/index.ts';
import {
  findCenterRow,
  findCountyRow,
  findVillageRow,
  insertCenter,
  listCenterRows,
} from './network.repo.ts';
import type { CenterRow, CenterStatus } from './network.tables.ts';
import { type Center, toCenter } from './network.views.ts';

export type NewCenter = { villageId: string; name: string; address: string };

/** A planned village service centre; it opens once a (certified) partner runs it. */
export async function createCenter(deps: Deps, trx: Trx, actor: Actor, input: NewCenter): Promise<Center> {
  const village = await findVillageRow(trx, input.villageId);
  if (!village || !canSeeCounty(actor, village.county_id))
    throw validationFailed('villageId', 'no such village');
  if (!canManageCounty(actor, village.county_id)) {
    throw new AppError('forbidden', 'Only staff of this county may create centres');
  }
  const now = deps.clock.now().toISOString();
  const row: CenterRow = {
    id: uuidv7(),
    county_id: village.county_id,
    village_id: village.id,
    name: input.name,
    address: input.address,
    status: 'planned',
    partner_user_id: null,
    created_at: now,
    opened_at: null,
    status_changed_at: now,
  };
  await insertCenter(trx, row);
  return toCenter({ ...row, village_name: village.name });
}

export async function getCenter(deps: Deps, actor: Actor, id: string): Promise<Center> {
  const row = await findCenterRow(deps.db, id);
  assertFound(row !== undefined && canSeeCenter(actor, { id, countyId: row.county_id }), 'Centre');
  return toCenter(row!);
}

export type CenterQuery = {
  countyId?: string | undefined;
  status?: CenterStatus | undefined;
  limit: number;
  offset: number;
};

/** Centres in the caller's scope: HQ all, county roles their county, a partner its own centre. */
export async function listCenters(deps: Deps, actor: Actor, query: CenterQuery): Promise<Center[]> {
  if (actor.role === 'partner') {
    if (!actor.centerId) return [];
    const rows = await listCenterRows(deps.db, { ...query, centerId: actor.centerId });
    return rows.filter((r) => !query.countyId || r.county_id === query.countyId).map(toCenter);
  }
  if (actor.role !== 'hq_admin') {
    if (!actor.countyId || (query.countyId && query.countyId !== actor.countyId)) return [];
    return (await listCenterRows(deps.db, { ...query, countyId: actor.countyId })).map(toCenter);
  }
  return (await listCenterRows(deps.db, query)).map(toCenter);
}

export type PublicCenter = {
  id: string;
  name: string;
  address: string;
  village: { id: string; name: string };
  county: { id: string; name: string; province: string };
  status: CenterStatus;
  official: true;
};

/** The public registry: lets a villager check that a centre is a genuine one of ours. */
export async function publicCenter(deps: Deps, id: string): Promise<PublicCenter> {
  const row = await findCenterRow(deps.db, id);
  if (!row) throw new AppError('not_found', 'No official centre has this id');
  const county = await findCountyRow(deps.db, row.county_id);
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    village: { id: row.village_id, name: row.village_name ?? '' },
    county: { id: row.county_id, name: county?.name ?? '', province: county?.province ?? '' },
    status: row.status,
    official: true,
  };
}
