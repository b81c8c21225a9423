import type { Kysely } from 'kysely';

/** Village products listed upstream: their unit, origin and the county's review note. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['unit', 'origin', 'review_note']) {
    await db.schema.alterTable('products').addColumn(column, 'text').execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['review_note', 'origin', 'unit']) {
    await db.schema.alterTable('products').dropColumn(column).execute();
  }
}
