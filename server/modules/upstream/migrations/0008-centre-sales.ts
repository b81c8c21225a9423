import type { Kysely } from 'kysely';

/**
 * A centre's storefront sales delivered in a period (the leaderboard's `upstreamSalesFen`)
 * from the index alone. Without it the only index on delivery time is national
 * (`store_orders_delivered_total`), so every county's leaderboard read every storefront order
 * delivered in the country in the period.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('store_orders_center_delivered')
    .on('store_orders')
    .columns(['center_id', 'delivered_at', 'total_fen'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('store_orders_center_delivered').execute();
}
