import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Which partner features a course unlocks; national like the courses themselves.
  await db.schema
    .createTable('course_unlocks')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
    .addColumn('feature', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('course_unlocks_pk', ['course_id', 'feature'])
    .execute();
  await db.schema.createIndex('course_unlocks_feature').on('course_unlocks').column('feature').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('course_unlocks').execute();
}
