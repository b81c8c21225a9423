/** `npm run backup -- [--out FILE]`: a consistent copy of the configured database, server running or not. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../shared/config.ts';
import { backup, backupTarget, defaultBackupFile } from './backup.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const target = backupTarget(readConfig());
const out = path.resolve(values.out ?? defaultBackupFile(target));
try {
  const started = Date.now();
  await backup(target, out);
  const mib = (fs.statSync(out).size / 2 ** 20).toFixed(1);
  console.log(`backup written: ${out} (${mib} MiB in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exit(1);
}
