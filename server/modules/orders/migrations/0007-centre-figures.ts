import type { Kysely } from 'kysely';

/**
 * A centre's orders over a period, answered from the index alone: the leaderboard and the
 * centre performance count them, sum their totals and collect their villagers for every
 * centre of a county. With only (center_id, created_at) each order cost a read of its table
 * row, scattered over the file — the cold-cache tail of the county leaderboard on a national
 * database. The wider index replaces the narrow one: same prefix, so the centre's order lists
 * still read it newest first. A centre's refunds get the same: without an index by centre,
 * each county's leaderboard read every return in the country taken in the period.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('orders_center_figures')
    .on('orders')
    .columns(['center_id', 'created_at', 'status', 'total_fen', 'villager_id'])
    .execute();
  await db.schema.dropIndex('orders_center_created').execute();
  await db.schema
    .createIndex('order_returns_center_figures')
    .on('order_returns')
    .columns(['center_id', 'created_at', 'refund_fen'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('order_returns_center_figures').execute();
  await db.schema
    .createIndex('orders_center_created')
    .on('orders')
    .columns(['center_id', 'created_at'])
    .execute();
  await db.schema.dropIndex('orders_center_figures').execute();
}
