/**
 * route:solve — solve a CVRPLIB/TSPLIB instance file and print {"cost", "routes"} as JSON.
 *
 *   npm run -s route:solve -- FILE.vrp [--time-limit SECONDS] [--seed N] [--max-vehicles K]
 *                                      [--round nint|none]
 * Node ids in the output are those of the file; the depot is left out of the routes.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Rounding } from './distance.ts';
import { solveCvrp } from './solver.ts';
import { parseVrp, vrpToInstance } from './vrp-file.ts';

/** Default budget: enough for sub-0.5% gaps on instances of a few hundred nodes. */
const DEFAULT_TIME_LIMIT_S = 10;

const USAGE =
  'usage: route:solve FILE.vrp [--time-limit SECONDS] [--seed N] [--max-vehicles K] [--round nint|none]';

function fail(message: string): never {
  process.stderr.write(`route:solve: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function main(): void {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (err) {
    fail((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) fail('expected exactly one instance file');
  const timeLimit = Number(values['time-limit'] ?? DEFAULT_TIME_LIMIT_S);
  if (!(timeLimit > 0) || !Number.isFinite(timeLimit))
    fail('--time-limit must be a positive number of seconds');
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(seed)) fail('--seed must be an integer');
  let maxVehicles: number | undefined;
  if (values['max-vehicles'] !== undefined) {
    maxVehicles = Number(values['max-vehicles']);
    if (!Number.isInteger(maxVehicles) || maxVehicles < 1) fail('--max-vehicles must be a positive integer');
  }
  const round = values.round ?? 'nint';
  if (round !== 'nint' && round !== 'none') fail('--round must be nint or none');

  let text: string;
  try {
    text = readFileSync(positionals[0]!, 'utf8');
  } catch (err) {
    fail(`cannot read ${positionals[0]}: ${(err as Error).message}`);
  }
  let file: ReturnType<typeof parseVrp>;
  try {
    file = parseVrp(text);
  } catch (err) {
    fail(`invalid instance file ${positionals[0]}: ${(err as Error).message}`);
  }

  const result = solveCvrp(vrpToInstance(file, round as Rounding), {
    timeLimitMs: timeLimit * 1000,
    seed,
    maxVehicles,
  });
  if (!result.feasible) {
    process.stderr.write(
      'route:solve: no feasible solution found (fleet too small or a customer cannot be served)\n',
    );
    process.exit(1);
  }
  const routes = result.routes.map((r) => r.map((node) => file.ids[node]!));
  process.stdout.write(`${JSON.stringify({ cost: result.cost, routes })}\n`);
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'time-limit': { type: 'string' },
      seed: { type: 'string' },
      'max-vehicles': { type: 'string' },
      round: { type: 'string' },
    },
  });
}

main();
