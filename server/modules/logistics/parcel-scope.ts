import type { Queryable, Trx } from '../../db/create-db.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, canSeeCenter } from '../identity/index.ts';
import { findCenter, findCounty } from '../network/index.ts';
import { orderSummary } from '../orders/index.ts';
import type { ParcelRow } from './logistics.tables.ts';

/**
 * Who may read a parcel: HQ and the county's roles, the partner of its centre, and the
 * merchant whose goods it carries. Everyone else gets 404, as for a missing parcel.
 */
export async function assertMaySee(
  trx: Trx,
  actor: Actor,
  parcel: ParcelRow | undefined,
): Promise<ParcelRow> {
  let visible =
    parcel !== undefined && canSeeCenter(actor, { id: parcel.center_id, countyId: parcel.county_id });
  if (parcel?.order_id && actor.role === 'merchant') {
    const order = await orderSummary(trx, parcel.order_id);
    visible = order?.merchantIds.includes(actor.merchantId ?? '') ?? false;
  }
  if (!visible) throw new AppError('not_found', 'Parcel not found');
  return parcel!;
}

/** County staff act on the parcels of their own county only (HQ reads, never scans). */
export function assertCountyStaff(actor: Actor, parcel: ParcelRow | undefined): ParcelRow {
  if (!parcel || actor.role !== 'county_staff' || actor.countyId !== parcel.county_id) {
    throw new AppError('not_found', 'Parcel not found');
  }
  return parcel;
}

/**
 * Hub places by county id. Every hub scan writes one into its event, and a county's name never
 * changes once created (the network module has no rename), so the process keeps them for good:
 * one entry per county, a few thousand at most. A rename, if ever added, must clear this.
 */
const hubPlaces = new Map<string, string>();

/** Where hub events happen, as villagers see it on the tracking page. */
export async function hubPlace(db: Queryable, countyId: string): Promise<string> {
  const known = hubPlaces.get(countyId);
  if (known !== undefined) return known;
  const county = await findCounty(db, countyId);
  const place = `县级运营中心 ${county?.name ?? ''}`.trim();
  if (county) hubPlaces.set(countyId, place);
  return place;
}

export async function centerPlace(db: Queryable, centerId: string): Promise<string> {
  return (await findCenter(db, centerId))?.name ?? '服务站';
}
