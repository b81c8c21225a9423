import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertFound, canManageCounty, canSeeCounty } from '../identity/index.ts';
import { findCountyRow, insertVillage, listVillageRows } from './network.repo.ts';
import type { VillageRow } from './network.tables.ts';
import { toVillage, type Village } from './network.views.ts';

export type NewVillage = { name: string; lat: number; lon: number; population?: number | null | undefined };

export async function addVillage(
  deps: Deps,
  actor: Actor,
  countyId: string,
  input: NewVillage,
): Promise<Village> {
  const county = await findCountyRow(deps.db, countyId);
  assertFound(county !== undefined && canSeeCounty(actor, countyId), 'County');
  if (!canManageCounty(actor, countyId))
    throw new AppError('forbidden', 'Only staff of this county may add villages');
  const row: VillageRow = {
    id: uuidv7(),
    county_id: countyId,
    name: input.name,
    lat: input.lat,
    lon: input.lon,
    population: input.population ?? null,
    created_at: deps.clock.now().toISOString(),
  };
  try {
    await insertVillage(deps.db, row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', `The county already has a village named ${input.name}`);
    throw error;
  }
  return toVillage(row);
}

export async function listVillages(deps: Deps, actor: Actor, countyId: string): Promise<Village[]> {
  const county = await findCountyRow(deps.db, countyId);
  assertFound(county !== undefined && canSeeCounty(actor, countyId), 'County');
  return (await listVillageRows(deps.db, countyId)).map(toVillage);
}
