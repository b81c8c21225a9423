import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { queueSms } from '../notifications/index.ts';
import type { ParcelRow } from './logistics.tables.ts';

const codeHash = (parcelId: string, code: string) =>
  createHash('sha256').update(`${parcelId}${code}`).digest('hex');

/** Compares in constant time, so response timing reveals nothing about the code. */
export function codeMatches(parcel: ParcelRow, code: string): boolean {
  const expected = Buffer.from(parcel.pickup_code_hash ?? '', 'hex');
  const given = Buffer.from(codeHash(parcel.id, code), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Gives the parcel a fresh 6-digit pickup code (resetting the wrong-attempt count) and queues
 * the SMS to the recipient in the caller's transaction. Only the hash is stored.
 */
export async function issuePickupCode(
  deps: Deps,
  trx: Trx,
  parcel: ParcelRow,
  centerName: string,
): Promise<void> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await trx
    .updateTable('parcels')
    .set({ pickup_code_hash: codeHash(parcel.id, code), pickup_attempts: 0 })
    .where('id', '=', parcel.id)
    .execute();
  await queueSms(trx, deps.clock, {
    to: parcel.recipient_phone,
    body: pickupCodeSms(centerName, code),
    countyId: parcel.county_id,
    kind: 'pickup_code',
  });
}

/** The text that tells a recipient where the parcel waits and its pickup code. */
export const pickupCodeSms = (centerName: string, code: string) =>
  `【村通】您的包裹已到${centerName}，取件码 ${code}，请凭码领取。`;
