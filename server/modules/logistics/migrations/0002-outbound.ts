import type { Kysely } from 'kysely';

/** Two-way runs: parcels that leave village centres for the hub and an outside carrier. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('parcels')
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('inbound'))
    .execute();
  await db.schema.alterTable('parcels').addColumn('return_id', 'text').execute();
  await db.schema.alterTable('parcels').addColumn('handoff_carrier', 'text').execute();
  await db.schema.alterTable('parcels').addColumn('carrier_tracking_number', 'text').execute();
  // One parcel per counter return, however often the outbox delivers the request for it.
  await db.schema.createIndex('parcels_return').on('parcels').column('return_id').unique().execute();
  await db.schema
    .createIndex('parcels_county_direction_status')
    .on('parcels')
    .columns(['county_id', 'direction', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('parcels_county_direction_status').execute();
  await db.schema.dropIndex('parcels_return').execute();
  for (const column of ['carrier_tracking_number', 'handoff_carrier', 'return_id', 'direction']) {
    await db.schema.alterTable('parcels').dropColumn(column).execute();
  }
}
