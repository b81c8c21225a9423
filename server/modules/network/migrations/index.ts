import type { Migration } from 'kysely';
import * as init from './0001-init.ts';
import * as rolloutIndexes from './0002-rollout-indexes.ts';
import * as countyKeys from './0003-county-keys.ts';
import * as centerCounts from './0004-center-counts.ts';

export const migrations: Record<string, Migration> = {
  '0001-init': init,
  '0002-rollout-indexes': rolloutIndexes,
  '0003-county-keys': countyKeys,
  '0004-center-counts': centerCounts,
};
