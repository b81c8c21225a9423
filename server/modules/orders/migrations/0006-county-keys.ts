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
    tables: ['orders', 'order_lines', 'order_events', 'order_returns', 'order_return_lines'],
    backfill: {
      order_lines: { parent: 'orders', via: 'order_id' },
      order_events: { parent: 'orders', via: 'order_id' },
      order_return_lines: { parent: 'order_returns', via: 'return_id' },
    },
  });
}
