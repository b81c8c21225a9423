import type { Kysely } from 'kysely';

/**
 * A county's parcel list, newest first (by id), without sorting every parcel the hub ever handled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('parcels_county_id').on('parcels').columns(['county_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('parcels_county_id').execute();
}
