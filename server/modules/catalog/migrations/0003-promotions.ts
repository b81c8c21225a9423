import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('promotions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('merchant_id', 'text', (c) => c.references('merchants.id'))
    .addColumn('funded_by', 'text', (c) => c.notNull())
    .addColumn('all_counties', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('budget_fen', 'bigint')
    .addColumn('spent_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema
    .createIndex('promotions_window')
    .on('promotions')
    .columns(['ends_at', 'starts_at'])
    .execute();

  for (const [table, column] of [
    ['promotion_products', 'product_id'],
    ['promotion_categories', 'category'],
    ['promotion_counties', 'county_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('promotion_id', 'text', (c) => c.notNull().references('promotions.id'))
      .addColumn(column, 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['promotion_id', column])
      .execute();
    await db.schema
      .createIndex(`${table}_by_${column}`)
      .on(table)
      .columns([column, 'promotion_id'])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['promotion_counties', 'promotion_categories', 'promotion_products', 'promotions']) {
    await db.schema.dropTable(table).execute();
  }
}
