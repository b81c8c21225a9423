import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('field_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('visitor_name', 'text', (c) => c.notNull())
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('partner_present', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('field_visits_county')
    .on('field_visits')
    .columns(['county_id', 'visited_at'])
    .execute();
  await db.schema
    .createIndex('field_visits_center')
    .on('field_visits')
    .columns(['center_id', 'visited_at'])
    .execute();

  await db.schema
    .createTable('field_visit_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('field_visits.id'))
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('assignee_name', 'text')
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('done_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('field_visit_follow_ups_county')
    .on('field_visit_follow_ups')
    .columns(['county_id', 'done', 'due_on'])
    .execute();
  await db.schema
    .createIndex('field_visit_follow_ups_visit')
    .on('field_visit_follow_ups')
    .column('visit_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('field_visit_follow_ups').execute();
  await db.schema.dropTable('field_visits').execute();
}
