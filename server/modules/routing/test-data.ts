import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rounding } from './distance.ts';
import type { CvrpInstance } from './types.ts';
import { parseVrp, type VrpFile, vrpToInstance } from './vrp-file.ts';

/** Shared CVRPLIB benchmark data, outside the repository (see bench/routing.ts). */
export const benchDir = resolve(
  process.env.CVRP_BENCH_DIR ??
    join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/bench/cvrp'),
);
export const hasBenchData = existsSync(join(benchDir, 'bks.csv'));

export function instancePath(name: string): string {
  return join(benchDir, 'instances', `${name}.vrp`);
}

export function loadVrp(name: string): VrpFile {
  return parseVrp(readFileSync(instancePath(name), 'utf8'));
}

export function loadInstance(name: string, rounding: Rounding): CvrpInstance {
  return vrpToInstance(loadVrp(name), rounding);
}
