import type { Kysely } from 'kysely';

/** Sessions by expiry, for the hourly sweep of expired ones (server/jobs/housekeeping.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sessions_expires').execute();
}
