import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vehicles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity_kg', 'integer', (c) => c.notNull())
    .addColumn('shift_minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vehicles_county').on('vehicles').column('county_id').execute();

  await db.schema
    .createTable('runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('vehicle_id', 'text', (c) => c.notNull().references('vehicles.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('trip', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('distance_km', 'double precision', (c) => c.notNull())
    .addColumn('duration_minutes', 'double precision', (c) => c.notNull())
    .addColumn('load_grams', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('dispatched_at', 'text')
    .execute();
  await db.schema.createIndex('runs_county_date').on('runs').columns(['county_id', 'date']).execute();

  await db.schema
    .createTable('run_stops')
    .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_stops_pk', ['run_id', 'sequence'])
    .execute();

  await db.schema
    .createTable('parcels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('tracking_number', 'text', (c) => c.notNull().unique())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('recipient_phone', 'text', (c) => c.notNull())
    .addColumn('weight_grams', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.references('runs.id'))
    .addColumn('pickup_code_hash', 'text')
    .addColumn('pickup_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('exception_reason', 'text')
    .addColumn('arrived_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('parcels_county_status')
    .on('parcels')
    .columns(['county_id', 'status'])
    .execute();
  await db.schema
    .createIndex('parcels_center_status')
    .on('parcels')
    .columns(['center_id', 'status'])
    .execute();
  await db.schema.createIndex('parcels_order').on('parcels').column('order_id').execute();
  await db.schema.createIndex('parcels_run').on('parcels').column('run_id').execute();

  await db.schema
    .createTable('parcel_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parcel_id', 'text', (c) => c.notNull().references('parcels.id'))
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('parcel_events_parcel').on('parcel_events').column('parcel_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('parcel_events').execute();
  await db.schema.dropTable('parcels').execute();
  await db.schema.dropTable('run_stops').execute();
  await db.schema.dropTable('runs').execute();
  await db.schema.dropTable('vehicles').execute();
}
