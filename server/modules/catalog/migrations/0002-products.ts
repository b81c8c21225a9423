import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../../../db/dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'bigint', (c) => c.notNull())
    .addColumn('stock', 'bigint', (c) => c.notNull())
    .addColumn('weight_grams', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('products_merchant_sku', ['merchant_id', 'sku'])
    .addCheckConstraint('products_stock_not_negative', sql`stock >= 0`)
    .execute();
  await db.schema
    .createIndex('products_status_category')
    .on('products')
    .columns(['status', 'category'])
    .execute();

  // Prefix search is a B-tree range scan on `term`. Both layouts keep weight and `active` in
  // the index itself so a search never visits the heap: SQLite clusters the table on its key
  // (WITHOUT ROWID); PostgreSQL carries them as INCLUDE columns. Terms compare byte-wise
  // (collation "C"), as in SQLite, so the range bounds mean the same on both.
  if (isSqlite(db)) {
    await sql`create table product_search_terms (
      term text not null,
      product_id text not null,
      weight integer not null,
      active integer not null,
      primary key (term, product_id)
    ) without rowid`.execute(db);
  } else {
    await sql`create table product_search_terms (
      term text collate "C" not null,
      product_id text not null,
      weight integer not null,
      active integer not null,
      primary key (term, product_id) include (weight, active)
    )`.execute(db);
  }
  await db.schema
    .createIndex('product_search_terms_product')
    .on('product_search_terms')
    .column('product_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('product_search_terms').execute();
  await db.schema.dropTable('products').execute();
}
