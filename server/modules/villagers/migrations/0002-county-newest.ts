import type { Kysely } from 'kysely';

/** A county's villagers newest first, read in index order instead of sorting them all per page. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('villagers_county_created')
    .on('villagers')
    .columns(['county_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('villagers_county_created').execute();
}
