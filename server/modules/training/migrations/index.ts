import type { Migration } from 'kysely';
import * as init from './0001-init.ts';
import * as courseUnlocks from './0002-course-unlocks.ts';
import * as countyKeys from './0003-county-keys.ts';
import * as certifiedPartners from './0004-certified-partners.ts';

export const migrations: Record<string, Migration> = {
  '0001-init': init,
  '0002-course-unlocks': courseUnlocks,
  '0003-county-keys': countyKeys,
  '0004-certified-partners': certifiedPartners,
};
