import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('all_centers', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .execute();
  await db.schema.createIndex('campaigns_county').on('campaigns').columns(['county_id', 'ends_at']).execute();

  await db.schema
    .createTable('campaign_promotions')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('promotion_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_promotions_pk', ['campaign_id', 'promotion_id'])
    .execute();

  await db.schema
    .createTable('campaign_centers')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_centers_pk', ['campaign_id', 'center_id'])
    .execute();
  await db.schema.createIndex('campaign_centers_center').on('campaign_centers').column('center_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('campaign_centers').execute();
  await db.schema.dropTable('campaign_promotions').execute();
  await db.schema.dropTable('campaigns').execute();
}
