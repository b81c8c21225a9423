import type { Kysely } from 'kysely';

/** Road distances a county imported from a routing engine or a survey, per ordered pair of places. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('road_distances')
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('from_place', 'text', (c) => c.notNull())
    .addColumn('to_place', 'text', (c) => c.notNull())
    .addColumn('km', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('road_distances_pk', ['county_id', 'from_place', 'to_place'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('road_distances').execute();
}
