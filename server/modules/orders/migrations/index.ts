import type { Migration } from 'kysely';
import * as init from './0001-init.ts';
import * as guaranteeRefunds from './0002-guarantee-refunds.ts';
import * as nationalFigures from './0003-national-figures.ts';
import * as countyNewest from './0004-county-newest.ts';
import * as gmvRollups from './0005-gmv-rollups.ts';
import * as countyKeys from './0006-county-keys.ts';
import * as centreFigures from './0007-centre-figures.ts';

export const migrations: Record<string, Migration> = {
  '0001-init': init,
  '0002-guarantee-refunds': guaranteeRefunds,
  '0003-national-figures': nationalFigures,
  '0004-county-newest': countyNewest,
  '0005-gmv-rollups': gmvRollups,
  '0006-county-keys': countyKeys,
  '0007-centre-figures': centreFigures,
};
