import type { Kysely } from 'kysely';

/**
 * The national rollout series counts centres by when they opened and by when the suspended
 * or closed ones last changed status; these keep both to index range scans. The second also
 * covers the count of centres and partners by status, which otherwise reads every row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('centers_opened').on('centers').column('opened_at').execute();
  await db.schema
    .createIndex('centers_status_changed')
    .on('centers')
    .columns(['status', 'status_changed_at', 'opened_at', 'partner_user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('centers_status_changed').execute();
  await db.schema.dropIndex('centers_opened').execute();
}
