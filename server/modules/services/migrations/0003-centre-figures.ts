import type { Kysely } from 'kysely';

/**
 * A centre's service figures from the index alone (see orders/0007): succeeded requests by
 * the time they resolved, and the villagers served by the time they asked. The narrow
 * (center_id, created_at) index made the succeeded count read every request the centre ever
 * took.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('service_requests_center_resolved')
    .on('service_requests')
    .columns(['center_id', 'status', 'resolved_at'])
    .execute();
  await db.schema
    .createIndex('service_requests_center_villagers')
    .on('service_requests')
    .columns(['center_id', 'created_at', 'villager_id'])
    .execute();
  await db.schema.dropIndex('service_requests_center').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('service_requests_center')
    .on('service_requests')
    .columns(['center_id', 'created_at'])
    .execute();
  await db.schema.dropIndex('service_requests_center_villagers').execute();
  await db.schema.dropIndex('service_requests_center_resolved').execute();
}
