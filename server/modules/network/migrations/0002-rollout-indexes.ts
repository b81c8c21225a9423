import type { Kysely } from 'kysely';

/**
 * The national rollout series counts centres by when they opened and by when the suspended
 * or closed ones last changed status; these keep both to index range scans.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('centers_opened').on('centers').column('opened_at').execute();
  await db.schema
    .createIndex('centers_status_changed')
    .on('centers')
    .columns(['status', 'status_changed_at', 'opened_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('centers_status_changed').execute();
  await db.schema.dropIndex('centers_opened').execute();
}
