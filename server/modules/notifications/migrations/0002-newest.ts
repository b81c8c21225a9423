import type { Kysely } from 'kysely';

/**
 * The message log newest first, as `listNotifications` pages it (`created_at desc, id desc`),
 * read from an index instead of sorting every message: HQ's log (no filter) sorted the whole
 * table on each view, a county's log the county's messages of the same instant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('notifications_newest')
    .on('notifications')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_county_newest')
    .on('notifications')
    .columns(['county_id', 'created_at', 'id'])
    .execute();
  await db.schema.dropIndex('notifications_county').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('notifications_county')
    .on('notifications')
    .columns(['county_id', 'created_at'])
    .execute();
  await db.schema.dropIndex('notifications_county_newest').execute();
  await db.schema.dropIndex('notifications_newest').execute();
}
