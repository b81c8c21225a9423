import { forUpdate } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { advanceOrder } from '../orders/index.ts';
import { type Run, toRun } from './logistics.views.ts';
import { hubPlace } from './parcel-scope.ts';
import { addParcelEvent, updateParcel } from './parcels.repo.ts';
import { parcelsOfRuns, stopsOf } from './runs.repo.ts';

/**
 * The van leaves the hub: the run is dispatched, its parcels and their orders are in transit.
 * Dispatching a dispatched run again changes nothing and answers the run.
 */
export async function dispatchRun(deps: Deps, actor: Actor, runId: string): Promise<Run> {
  return deps.db.transaction().execute(async (trx) => {
    const run = await forUpdate(
      trx,
      trx.selectFrom('runs').selectAll().where('id', '=', runId),
    ).executeTakeFirst();
    if (!run || actor.role !== 'county_staff' || actor.countyId !== run.county_id) {
      throw new AppError('not_found', 'Run not found');
    }
    const parcels = await parcelsOfRuns(trx, [run.id]);
    if (run.status === 'planned') {
      const at = deps.clock.now().toISOString();
      await trx
        .updateTable('runs')
        .set({ status: 'dispatched', dispatched_at: at })
        .where('id', '=', run.id)
        .execute();
      Object.assign(run, { status: 'dispatched', dispatched_at: at });
      const place = await hubPlace(trx, run.county_id);
      for (const parcel of parcels.filter((p) => p.status === 'at_hub')) {
        await updateParcel(trx, parcel.id, 'at_hub', { status: 'in_transit', updated_at: at });
        parcel.status = 'in_transit';
        await addParcelEvent(trx, parcel, {
          type: 'in_transit',
          at,
          place,
          actorId: actor.id,
          data: { runId: run.id },
        });
        if (parcel.order_id) await advanceOrder(trx, parcel.order_id, 'dispatch', at, actor.id);
      }
    }
    return toRun(run, (await stopsOf(trx, [run.id])).get(run.id) ?? [], parcels);
  });
}
