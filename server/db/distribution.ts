/**
 * How every table is placed when PostgreSQL is distributed by county on Citus
 * (docs/scaling.md). test/schema-distribution.test.ts checks the migrated schema against
 * this list, so a new table must be placed here before it can land.
 *
 * - `distributed`: county-scoped rows, sharded by `county_id` and co-located, so a
 *   county's request runs on one node. `county_id` is NOT NULL, part of the primary key and
 *   of every unique key, and foreign keys between these tables carry it.
 * - `reference`: catalog and other small national tables, copied to every node so any
 *   shard can join them. They never reference a distributed table.
 * - `local`: tables that stay on the coordinator (Citus-managed local tables), each for the
 *   reason given.
 */
export const distributed = [
  'application_counts',
  'campaign_centers',
  'center_assets',
  'center_counts',
  'centers',
  'certificates',
  'certified_partners',
  'field_visit_follow_ups',
  'field_visits',
  'float_deposits',
  'gov_agreements',
  'harvest_batches',
  'interview_notes',
  'ledger_accounts',
  'ledger_day_sums',
  'ledger_entries',
  'ledger_transactions',
  'onboarding_steps',
  'order_events',
  'order_gmv_rollups',
  'order_lines',
  'order_return_lines',
  'order_returns',
  'orders',
  'parcel_events',
  'parcels',
  'payout_batches',
  'payout_lines',
  'recruitment_applications',
  'road_distances',
  'run_stops',
  'runs',
  'screen_tokens',
  'sellers',
  'service_requests',
  'store_order_lines',
  'store_orders',
  'store_payments',
  'store_sale_refunds',
  'store_sales',
  'store_sales_rollups',
  'support_messages',
  'support_tickets',
  'training_attendance',
  'training_sessions',
  'vehicles',
  'villagers',
  'villages',
] as const;

export const reference = [
  /** The county list itself: every shard joins it. */
  'counties',
  /** The national goods catalog and its search terms, maintained by HQ, read by every county. */
  'merchants',
  'products',
  'product_photos',
  'product_search_terms',
  'fee_schedules',
  /** Promotions are defined nationally; `promotion_counties` is part of that definition, not county activity. */
  'promotions',
  'promotion_categories',
  'promotion_products',
  'promotion_counties',
  /** Campaigns may be national (no county); their centre sign-ups are distributed. */
  'campaigns',
  'campaign_promotions',
  'courses',
  'course_unlocks',
  'recruitment_rubrics',
  'rollout_targets',
  /**
   * Accounts: HQ staff have no county, partners and county staff do. Small (people, not
   * activity), read on every request and joined with county rows on every shard.
   */
  'users',
] as const;

export const local = [
  /** Kysely's migration bookkeeping: schema changes run through the coordinator. */
  'kysely_migration',
  'kysely_migration_lock',
  /** Looked up by token on every request before the county is known; short-lived. */
  'sessions',
  /** Keyed by user and key, checked before the work (and its county) is known. */
  'idempotency_keys',
  /** One queue polled by the worker across all counties; written in the same (two-phase) transaction. */
  'outbox',
  /** Includes rows without a county (HQ actions, logins); append-only, read by audit screens. */
  'audit_log',
  /** Written by the outbox worker after commit, looked up by phone number; HQ messages have no county. */
  'notifications',
] as const;
