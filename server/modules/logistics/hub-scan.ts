import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { advanceOrder, returnWholeOrder } from '../orders/index.ts';
import { refundStoreOrder } from '../upstream/index.ts';
import type { ExceptionReason, ParcelDirection, ParcelRow, ParcelStatus } from './logistics.tables.ts';
import { assertCountyStaff, hubPlace } from './parcel-scope.ts';
import { parcelStep } from './parcel-status.ts';
import { addParcelEvent, lockParcelByTracking, updateParcel } from './parcels.repo.ts';

export type HubScan =
  | { trackingNumber: string; type: 'received' }
  | { trackingNumber: string; type: 'exception'; reason: ExceptionReason; note?: string | undefined };

export type HubScanResult = {
  parcelId: string;
  centerId: string;
  runId: string | null;
  status: ParcelStatus;
  /** `outbound`: sort it to the carrier hand-off, not to a van. */
  direction: ParcelDirection;
  /** The parcel was already in this state: nothing was recorded (a scanner retry or a rescan). */
  repeat: boolean;
};

/**
 * A scan at the county hub. `received`: the parcel (and its order) is now at the hub, waiting
 * for a run; `exception`: it is damaged, missing, misrouted or refused and leaves any planned
 * run. Scanning a parcel already in that state records nothing and answers the same, so
 * scanners may retry freely. Parcels of other counties are 404.
 */
export async function scanAtHub(deps: Deps, trx: Trx, actor: Actor, scan: HubScan): Promise<HubScanResult> {
  const parcel = assertCountyStaff(actor, await lockParcelByTracking(trx, scan.trackingNumber));
  const action = scan.type === 'received' ? 'receive' : 'report_exception';
  const next = parcelStep(parcel.direction, parcel.status, action);
  if (next === null)
    throw invalidState(`A parcel ${parcel.status} cannot be scanned ${scan.type}`, { status: parcel.status });
  if (next === 'repeat') return resultOf(parcel, true);

  const at = deps.clock.now().toISOString();
  const inbound = parcel.direction === 'inbound';
  // An inbound parcel at the hub is only ever in a run still planned: it leaves it on an
  // exception, and one coming back from an exception waits for the next plan. An outbound
  // parcel keeps the run that brought it in, for that run's sheet.
  const patch =
    scan.type === 'received'
      ? { status: next, run_id: inbound ? null : parcel.run_id, exception_reason: null, updated_at: at }
      : {
          status: next,
          run_id: parcel.status === 'at_hub' && inbound ? null : parcel.run_id,
          exception_reason: scan.reason,
          updated_at: at,
        };
  if (!(await updateParcel(trx, parcel.id, parcel.status, patch)))
    throw invalidState('The parcel changed meanwhile');
  await addParcelEvent(trx, parcel, {
    type: next,
    at,
    place: await hubPlace(trx, parcel.county_id),
    actorId: actor.id,
    ...(scan.type === 'exception' ? { data: { reason: scan.reason, note: scan.note ?? null } } : {}),
  });
  // An outbound parcel carries goods back from an order already settled: the order stays as it is.
  if (scan.type === 'received' && inbound && parcel.order_id) {
    await advanceOrder(trx, parcel.order_id, 'receive_at_hub', at, actor.id);
  }
  // Goods that will never reach the villager start the return at once: refunded in full,
  // restocked only when they are intact (refused).
  if (scan.type === 'exception' && inbound && parcel.order_id && scan.reason !== 'misrouted') {
    await returnWholeOrder(
      deps,
      trx,
      parcel.order_id,
      `hub exception: ${scan.reason}`,
      actor.id,
      scan.reason === 'refused',
    );
  }
  // A city buyer's goods lost or broken on the way out: the buyer gets the money back.
  const lost = scan.type === 'exception' && (scan.reason === 'damaged' || scan.reason === 'missing');
  if (lost && !inbound && parcel.order_id && !parcel.return_id) {
    await refundStoreOrder(deps, trx, parcel.order_id, `hub exception: ${scan.reason}`);
  }
  return resultOf({ ...parcel, ...patch }, false);
}

const resultOf = (p: ParcelRow, repeat: boolean): HubScanResult => ({
  parcelId: p.id,
  centerId: p.center_id,
  runId: p.run_id,
  status: p.status,
  direction: p.direction,
  repeat,
});

export type BatchItem = {
  trackingNumber: string;
  parcelId: string | null;
  centerId: string | null;
  runId: string | null;
  error: { code: string; message: string } | null;
};

/**
 * A sorter's batch of `received` scans. Each parcel commits on its own, so one unknown or
 * refused tracking number does not hold back the rest; its item carries the error instead.
 */
export async function scanBatchAtHub(
  deps: Deps,
  actor: Actor,
  trackingNumbers: string[],
): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  for (const trackingNumber of trackingNumbers) {
    try {
      const r = await deps.db
        .transaction()
        .execute((trx) => scanAtHub(deps, trx, actor, { trackingNumber, type: 'received' }));
      items.push({ trackingNumber, parcelId: r.parcelId, centerId: r.centerId, runId: r.runId, error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      items.push({
        trackingNumber,
        parcelId: null,
        centerId: null,
        runId: null,
        error: { code: error.code, message: error.message },
      });
    }
  }
  return items;
}
