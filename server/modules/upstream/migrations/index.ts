import type { Migration } from 'kysely';
import * as init from './0001-init.ts';
import * as payouts from './0002-payouts.ts';
import * as refunds from './0003-refunds.ts';
import * as harvestBatches from './0004-harvest-batches.ts';
import * as nationalSales from './0005-national-sales.ts';
import * as salesRollups from './0006-sales-rollups.ts';
import * as countyKeys from './0007-county-keys.ts';
import * as centreSales from './0008-centre-sales.ts';

export const migrations: Record<string, Migration> = {
  '0001-init': init,
  '0002-payouts': payouts,
  '0003-refunds': refunds,
  '0004-harvest-batches': harvestBatches,
  '0005-national-sales': nationalSales,
  '0006-sales-rollups': salesRollups,
  '0007-county-keys': countyKeys,
  '0008-centre-sales': centreSales,
};
