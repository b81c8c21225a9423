import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rollout_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('counties', 'integer', (c) => c.notNull())
    .addColumn('centers', 'integer', (c) => c.notNull())
    .addColumn('target_date', 'text')
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rollout_targets').execute();
}
