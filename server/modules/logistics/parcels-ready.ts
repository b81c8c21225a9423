import type { Queryable } from '../../db/create-db.ts';
import { listParcelRows } from './parcels.repo.ts';

/** A parcel waiting at its centre, with only what a public pickup list may build on. */
export type ReadyParcel = {
  id: string;
  recipientPhone: string;
  trackingNumber: string;
  arrivedAt: string | null;
};

/**
 * The centre's inbound parcels ready for pickup, newest first, for other modules (the village
 * screen). No scope check and the full phone: the caller masks what it shows.
 */
export async function readyForPickup(db: Queryable, centerId: string, limit: number): Promise<ReadyParcel[]> {
  const rows = await listParcelRows(db, {
    centerId,
    status: 'ready_for_pickup',
    direction: 'inbound',
    limit,
    offset: 0,
  });
  return rows.map((r) => ({
    id: r.id,
    recipientPhone: r.recipient_phone,
    trackingNumber: r.tracking_number,
    arrivedAt: r.arrived_at,
  }));
}
