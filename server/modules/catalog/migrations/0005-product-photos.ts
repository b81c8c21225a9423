import type { Kysely } from 'kysely';
import { isSqlite } from '../../../db/dialect.ts';

/** Product photos, resized for the web when uploaded; kept in the database so backups hold them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = isSqlite(db) ? 'blob' : 'bytea';
  await db.schema
    .createTable('product_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('web', bytes, (c) => c.notNull())
    .addColumn('thumb', bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('product_photos_position', ['product_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('product_photos').execute();
}
