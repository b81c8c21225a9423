import type { Kysely } from 'kysely';

/** A county's parcels newest first (by id), read in index order instead of sorting the hub's history. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('parcels_county_id').on('parcels').columns(['county_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('parcels_county_id').execute();
}
