import type { Migration } from 'kysely';
import * as init from './0001-init.ts';
import * as entriesByTime from './0002-entries-by-time.ts';
import * as countyKeys from './0003-county-keys.ts';
import * as daySums from './0004-day-sums.ts';

export const migrations: Record<string, Migration> = {
  '0001-init': init,
  '0002-entries-by-time': entriesByTime,
  '0003-county-keys': countyKeys,
  '0004-day-sums': daySums,
};
