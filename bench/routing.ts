/**
 * CVRP benchmark: runs the routing solver in-process over the CVRPLIB subsets in
 * ../shared/bench/cvrp (see its README for the per-set conventions applied below), checks every
 * solution with the independent evaluator and reports gaps to the best-known solutions.
 *
 *   npm run -s bench:routing -- [--set A,B,P,CMT,X] [--name REGEX] [--time-limit SECONDS]
 *                               [--seed N] [--data DIR] [--json]
 * The data directory can also be set with CVRP_BENCH_DIR.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkSolution } from '../server/modules/routing/evaluate.ts';
import { solveCvrp } from '../server/modules/routing/index.ts';
import { parseVrp, vrpToInstance } from '../server/modules/routing/vrp-file.ts';

interface BksRow {
  instance: string;
  set: string;
  vehiclesMin: number;
  bks: number;
}

interface Row {
  name: string;
  set: string;
  cost: number;
  bks: number;
  gap: number;
  routes: number;
  seconds: number;
  itersPerSecond: number;
  /** Excluded from the set means (P-n55-k8: BKS under a different fleet convention). */
  aggregate: boolean;
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    name: { type: 'string' },
    'time-limit': { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const dataDir = resolve(
  values.data ?? process.env.CVRP_BENCH_DIR ?? join(projectRoot, '../shared/bench/cvrp'),
);
const timeLimit = Number(values['time-limit']);
const seed = Number(values.seed);
if (!(timeLimit > 0) || !Number.isInteger(seed)) {
  process.stderr.write('bench:routing: --time-limit must be > 0 seconds and --seed an integer\n');
  process.exit(2);
}
const sets = values.set ? new Set(values.set.split(',').map((s) => s.trim().toUpperCase())) : null;
const namePattern = values.name ? new RegExp(values.name) : null;

const rows = readBks(join(dataDir, 'bks.csv')).filter(
  (r) => (!sets || sets.has(r.set.toUpperCase())) && (!namePattern || namePattern.test(r.instance)),
);
if (rows.length === 0) {
  process.stderr.write('bench:routing: no instance matches the filters\n');
  process.exit(2);
}

const results: Row[] = [];
rows.forEach((row, i) => {
  process.stderr.write(`[${i + 1}/${rows.length}] ${row.instance} ...`);
  const file = parseVrp(readFileSync(join(dataDir, 'instances', `${row.instance}.vrp`), 'utf8'));
  const inst = vrpToInstance(file, row.set === 'CMT' ? 'none' : 'nint');
  const capped = row.set === 'A' || row.set === 'B' || row.set === 'P';
  const maxVehicles = !capped ? undefined : row.instance === 'P-n55-k8' ? 8 : row.vehiclesMin;
  const result = solveCvrp(inst, { timeLimitMs: timeLimit * 1000, seed, maxVehicles });
  const check = checkSolution(inst, result.routes, maxVehicles);
  if (!result.feasible || !check.feasible || Math.abs(check.cost - result.cost) > 1e-6) {
    process.stderr.write(`\n${row.instance}: INVALID solution: ${check.violations.join('; ')}\n`);
    process.exitCode = 1;
  }
  const cost = row.set === 'CMT' ? Math.round(check.cost * 100) / 100 : check.cost;
  const seconds = result.stats.elapsedMs / 1000;
  results.push({
    name: row.instance,
    set: row.set,
    cost,
    bks: row.bks,
    gap: (100 * (cost - row.bks)) / row.bks,
    routes: result.routes.length,
    seconds,
    itersPerSecond: result.stats.iterations / seconds,
    aggregate: row.instance !== 'P-n55-k8',
  });
  process.stderr.write(` ${cost} (${results.at(-1)!.gap.toFixed(2)}%)\n`);
});

if (values.json) {
  process.stdout.write(`${JSON.stringify({ timeLimit, seed, results }, null, 2)}\n`);
} else {
  const pad = (s: string | number, w: number) => String(s).padStart(w);
  console.log(`time limit ${timeLimit} s per instance, seed ${seed}`);
  console.log(
    `${'instance'.padEnd(12)}${pad('cost', 11)}${pad('BKS', 11)}${pad('gap%', 8)}${pad('routes', 7)}${pad('time s', 8)}${pad('iter/s', 8)}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(12)}${pad(r.cost, 11)}${pad(r.bks, 11)}${pad(r.gap.toFixed(2), 8)}${pad(r.routes, 7)}` +
        `${pad(r.seconds.toFixed(2), 8)}${pad(Math.round(r.itersPerSecond), 8)}${r.aggregate ? '' : '  (not in means)'}`,
    );
  }
  console.log('\nset   count  mean gap%  max gap%  at BKS  mean time s');
  for (const set of [...new Set(results.map((r) => r.set))]) {
    const rs = results.filter((r) => r.set === set && r.aggregate);
    if (rs.length === 0) continue;
    const mean = (f: (r: Row) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    const atBks = rs.filter((r) => r.gap <= 1e-9).length;
    const maxGap = Math.max(...rs.map((r) => r.gap));
    console.log(
      `${set.padEnd(6)}${pad(rs.length, 5)}${pad(mean((r) => r.gap).toFixed(3), 11)}${pad(maxGap.toFixed(2), 10)}` +
        `${pad(atBks, 8)}${pad(mean((r) => r.seconds).toFixed(2), 13)}`,
    );
  }
}

function readBks(path: string): BksRow[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = head!.split(',');
  const at = (name: string) => cols.indexOf(name);
  return lines.map((line) => {
    const f = line.split(',');
    return {
      instance: f[at('instance')]!,
      set: f[at('set')]!,
      vehiclesMin: Number(f[at('vehicles_min')]),
      bks: Number(f[at('bks_cost')]),
    };
  });
}
