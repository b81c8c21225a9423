/** `npm run restore -- FILE`: replaces the configured database with a backup; every server must be stopped. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../shared/config.ts';
import { backupTarget, restore } from './backup.ts';

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error('usage: npm run restore -- FILE');
  process.exit(2);
}
const target = backupTarget(readConfig());
const file = path.resolve(positionals[0]!);
try {
  await restore(target, file);
  const where = target.dialect === 'sqlite' ? target.file : `PostgreSQL schema ${target.schema}`;
  console.log(`restored ${file} into ${where}; start the server to apply any newer migrations`);
} catch (error) {
  console.error(`restore failed: ${(error as Error).message}`);
  process.exit(1);
}
