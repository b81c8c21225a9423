import type { Deps } from '../../deps.ts';
import type { Limiter } from '../../http/rate-limit.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import type { ParcelStatus } from './logistics.tables.ts';
import { assertMaySee } from './parcel-scope.ts';
import { findParcelByTracking, parcelEvents } from './parcels.repo.ts';

export type ParcelEvent = { type: string; at: string; place: string };

/** A parcel's timeline, oldest first, for those who may see the parcel. */
export async function parcelTimeline(
  deps: Deps,
  actor: Actor,
  trackingNumber: string,
): Promise<ParcelEvent[]> {
  return deps.db.transaction().execute(async (trx) => {
    const parcel = await assertMaySee(trx, actor, await findParcelByTracking(trx, trackingNumber));
    return parcelEvents(trx, parcel.id);
  });
}

/**
 * Public tracking for villagers: the status and timeline, only for whoever knows the last four
 * digits of the recipient's phone. Unknown number and wrong digits look the same (404), and
 * wrong guesses are limited per tracking number, so the page cannot be used to probe numbers.
 */
export async function publicTracking(
  deps: Deps,
  limiter: Limiter,
  trackingNumber: string,
  phoneLast4: string,
): Promise<{ trackingNumber: string; status: ParcelStatus; events: ParcelEvent[] }> {
  if (limiter.blocked(trackingNumber)) {
    throw new AppError('rate_limited', 'Too many wrong tries for this tracking number; try again later');
  }
  const parcel = await findParcelByTracking(deps.db, trackingNumber);
  if (!parcel?.recipient_phone.endsWith(phoneLast4)) {
    limiter.hit(trackingNumber);
    throw new AppError('not_found', 'No parcel with this tracking number and phone');
  }
  return { trackingNumber, status: parcel.status, events: await parcelEvents(deps.db, parcel.id) };
}
