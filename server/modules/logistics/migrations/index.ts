import type { Migration } from 'kysely';
import * as init from './0001-init.ts';
import * as outbound from './0002-outbound.ts';
import * as roadDistances from './0003-road-distances.ts';
import * as countyNewest from './0004-county-newest.ts';
import * as countyKeys from './0005-county-keys.ts';

export const migrations: Record<string, Migration> = {
  '0001-init': init,
  '0002-outbound': outbound,
  '0003-road-distances': roadDistances,
  '0004-county-newest': countyNewest,
  '0005-county-keys': countyKeys,
};
