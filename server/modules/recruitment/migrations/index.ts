import type { Migration } from 'kysely';
import * as init from './0001-init.ts';
import * as countyKeys from './0002-county-keys.ts';
import * as applicationCounts from './0003-application-counts.ts';

export const migrations: Record<string, Migration> = {
  '0001-init': init,
  '0002-county-keys': countyKeys,
  '0003-application-counts': applicationCounts,
};
