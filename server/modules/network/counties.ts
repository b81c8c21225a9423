import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertFound, canSeeCounty } from '../identity/index.ts';
import { findCountyByCode, findCountyRow, insertCounty, listCountyRows } from './network.repo.ts';
import type { CountyRow } from './network.tables.ts';
import { type County, toCounty } from './network.views.ts';

export type NewCounty = {
  code: string;
  name: string;
  province: string;
  hub: { lat: number; lon: number; address: string };
  requiresOrderConfirmation?: boolean | undefined;
};

/** A county with its operations centre (the hub every inbound parcel is sorted at). */
export async function createCounty(deps: Deps, input: NewCounty): Promise<County> {
  if (await findCountyByCode(deps.db, input.code)) {
    throw new AppError('conflict', `A county with code ${input.code} exists`);
  }
  const row: CountyRow = {
    id: uuidv7(),
    code: input.code,
    name: input.name,
    province: input.province,
    hub_lat: input.hub.lat,
    hub_lon: input.hub.lon,
    hub_address: input.hub.address,
    requires_order_confirmation: input.requiresOrderConfirmation ? 1 : 0,
    created_at: deps.clock.now().toISOString(),
  };
  try {
    await insertCounty(deps.db, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A county with code ${input.code} exists`);
    throw error;
  }
  return toCounty(row);
}

/** The counties the caller may see: all for HQ and merchants, its own for county roles. */
export async function listCounties(deps: Deps, actor: Actor): Promise<County[]> {
  const all = actor.role === 'hq_admin' || actor.role === 'merchant';
  const rows = await listCountyRows(deps.db, all ? undefined : actor.countyId ? [actor.countyId] : []);
  return rows.map(toCounty);
}

export async function getCounty(deps: Deps, actor: Actor, id: string): Promise<County> {
  const row = await findCountyRow(deps.db, id);
  assertFound(row !== undefined && canSeeCounty(actor, id), 'County');
  return toCounty(row!);
}
