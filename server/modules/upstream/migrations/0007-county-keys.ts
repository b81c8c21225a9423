import type { Kysely } from 'kysely';
import { keyByCounty } from '../../../db/county-keys.ts';

/**
 * County-scoped tables carry `county_id` in their primary, unique and foreign keys, so the
 * schema can be distributed by county (docs/scaling.md). Line and event rows gain the
 * county of their parent row. There is no `down`: keys are only ever widened, and
 * narrowing them again would rebuild the same tables for nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await keyByCounty(db, {
    tables: [
      'sellers',
      'store_orders',
      'store_order_lines',
      'store_payments',
      'store_sales',
      'store_sale_refunds',
      'harvest_batches',
      'payout_batches',
      'payout_lines',
    ],
    backfill: {
      store_order_lines: { parent: 'store_orders', via: 'order_id' },
      store_payments: { parent: 'store_orders', via: 'order_id' },
      payout_lines: { parent: 'payout_batches', via: 'batch_id' },
    },
  });
}
