import { readConfig } from '../shared/config.ts';
import { createDb } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';

const config = readConfig();
const handle = createDb(config);
try {
  const applied = await migrateToLatest(handle);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await handle.close();
}
