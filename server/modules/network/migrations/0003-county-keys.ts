import type { Kysely } from 'kysely';
import { keyByCounty } from '../../../db/county-keys.ts';

/**
 * County-scoped tables carry `county_id` in their primary, unique and foreign keys, so the
 * schema can be distributed by county (docs/scaling.md). There is no `down`: keys are
 * only ever widened, and narrowing them again would rebuild the same tables for nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await keyByCounty(db, {
    tables: ['villages', 'centers'],
  });
}
