import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, canSeeCounty } from '../identity/index.ts';
import { findCounty } from '../network/index.ts';
import type { VehicleRow } from './logistics.tables.ts';
import { toVehicle, type Vehicle } from './logistics.views.ts';
import { insertVehicle, vehiclesOf } from './runs.repo.ts';

export type NewVehicle = { countyId: string; name: string; capacityKg: number; shiftMinutes: number };

/** A van of the county's operations centre: what it carries and how long its driver's shift is. */
export async function createVehicle(deps: Deps, actor: Actor, input: NewVehicle): Promise<Vehicle> {
  const county = await findCounty(deps.db, input.countyId);
  if (!county || actor.countyId !== county.id) throw new AppError('not_found', 'County not found');
  const row: VehicleRow = {
    id: uuidv7(),
    county_id: county.id,
    name: input.name,
    capacity_kg: input.capacityKg,
    shift_minutes: input.shiftMinutes,
    created_at: deps.clock.now().toISOString(),
  };
  await insertVehicle(deps.db, row);
  return toVehicle(row);
}

/** The vans of a county (the caller's own unless HQ names one). */
export async function listVehicles(
  deps: Deps,
  actor: Actor,
  countyId: string | undefined,
): Promise<Vehicle[]> {
  const county = countyId ?? actor.countyId;
  if (!county) throw validationFailed('countyId', 'required');
  if (!canSeeCounty(actor, county)) throw new AppError('not_found', 'County not found');
  return (await vehiclesOf(deps.db, county)).map(toVehicle);
}
