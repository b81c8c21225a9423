import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import { migrations as campaigns } from '../modules/campaigns/migrations/index.ts';
import { migrations as catalog } from '../modules/catalog/migrations/index.ts';
import { migrations as fees } from '../modules/fees/migrations/index.ts';
import { migrations as fieldVisits } from '../modules/field-visits/migrations/index.ts';
import { migrations as government } from '../modules/government/migrations/index.ts';
import { migrations as identity } from '../modules/identity/migrations/index.ts';
import { migrations as ledger } from '../modules/ledger/migrations/index.ts';
import { migrations as logistics } from '../modules/logistics/migrations/index.ts';
import { migrations as network } from '../modules/network/migrations/index.ts';
import { migrations as notifications } from '../modules/notifications/migrations/index.ts';
import { migrations as onboarding } from '../modules/onboarding/migrations/index.ts';
import { migrations as orders } from '../modules/orders/migrations/index.ts';
import { migrations as partners } from '../modules/partners/migrations/index.ts';
import { migrations as recruitment } from '../modules/recruitment/migrations/index.ts';
import { migrations as rollout } from '../modules/rollout/migrations/index.ts';
import { migrations as screens } from '../modules/screens/migrations/index.ts';
import { migrations as services } from '../modules/services/migrations/index.ts';
import { migrations as support } from '../modules/support/migrations/index.ts';
import { migrations as training } from '../modules/training/migrations/index.ts';
import { migrations as upstream } from '../modules/upstream/migrations/index.ts';
import { migrations as villagers } from '../modules/villagers/migrations/index.ts';
import type { DbHandle } from './create-db.ts';
import { migrations as platform } from './migrations/index.ts';

/**
 * Each module keeps its own migrations; they are applied per module in name order
 * (`<module>/<nnnn>-<what>`). Modules never reference each other's tables, so the order
 * between modules does not matter and a new module can arrive at any time.
 */
const byModule: Record<string, Record<string, Migration>> = {
  platform,
  identity,
  network,
  catalog,
  notifications,
  ledger,
  fees,
  villagers,
  partners,
  orders,
  logistics,
  upstream,
  training,
  recruitment,
  government,
  onboarding,
  support,
  services,
  screens,
  'field-visits': fieldVisits,
  campaigns,
  rollout,
};

const provider = (leaveOut: (name: string) => boolean): MigrationProvider => ({
  async getMigrations() {
    const all: Record<string, Migration> = {};
    for (const [module, set] of Object.entries(byModule)) {
      for (const [name, migration] of Object.entries(set)) {
        if (!leaveOut(`${module}/${name}`)) all[`${module}/${name}`] = migration;
      }
    }
    return all;
  },
});

/**
 * Applies every pending migration. `leaveOut` holds some back, so that a test can fill a
 * database as it was before them and then see them work on its rows.
 */
export async function migrateToLatest(
  handle: DbHandle,
  leaveOut: (name: string) => boolean = () => false,
): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: provider(leaveOut),
    allowUnorderedMigrations: true,
    ...(handle.dialect === 'postgres' ? { migrationTableSchema: handle.pgSchema } : {}),
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
