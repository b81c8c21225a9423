import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { type Actor, canSeeCounty } from '../identity/index.ts';
import { type Parcel, type Run, toParcel, toRun } from './logistics.views.ts';
import { findRunRow, parcelsOfRuns, runsOn, stopsOf } from './runs.repo.ts';

/** The county's runs on a date, by van and trip. */
export async function listRuns(
  deps: Deps,
  actor: Actor,
  query: { countyId?: string | undefined; date: string },
): Promise<Run[]> {
  const countyId = query.countyId ?? actor.countyId;
  if (!countyId) throw validationFailed('countyId', 'required');
  if (!canSeeCounty(actor, countyId)) throw new AppError('not_found', 'County not found');
  const runs = await runsOn(deps.db, countyId, query.date);
  const ids = runs.map((r) => r.id);
  const [stops, parcels] = await Promise.all([stopsOf(deps.db, ids), parcelsOfRuns(deps.db, ids)]);
  return runs.map((r) => toRun(r, stops.get(r.id) ?? [], parcels));
}

/** The run sheet the driver takes along: stops in order and every parcel on board. */
export async function getRunSheet(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Run & { parcels: Parcel[] }> {
  const run = await findRunRow(deps.db, id);
  if (!run || !canSeeCounty(actor, run.county_id)) throw new AppError('not_found', 'Run not found');
  const [stops, parcels] = await Promise.all([stopsOf(deps.db, [id]), parcelsOfRuns(deps.db, [id])]);
  return { ...toRun(run, stops.get(id) ?? [], parcels), parcels: parcels.map(toParcel) };
}
