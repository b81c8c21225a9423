import { constructBaseline } from './construct.ts';
import { hybridGeneticSearch } from './genetic.ts';
import { EPSILON } from './individual.ts';
import { buildProblem, type Problem } from './problem.ts';
import { Rng } from './rng.ts';
import type { CvrpInstance, SolveOptions, SolveResult } from './types.ts';

/**
 * Solves a CVRP (capacity, optional route duration limit, optional fleet cap) with a hybrid genetic
 * search. Always returns a solution; `feasible` tells whether it meets every constraint (see
 * SolveResult). Throws RangeError only for malformed input.
 */
export function solveCvrp(instance: CvrpInstance, options: SolveOptions): SolveResult {
  const started = performance.now();
  const { timeLimitMs, seed, maxVehicles } = options;
  if (!(timeLimitMs >= 0)) throw new RangeError('timeLimitMs must be a non-negative number');
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (maxVehicles !== undefined && !(Number.isInteger(maxVehicles) && maxVehicles >= 1))
    throw new RangeError('maxVehicles must be a positive integer');
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const p = buildProblem(instance, maxVehicles);
  const stats = (iterations: number, restarts: number) => ({
    iterations,
    restarts,
    elapsedMs: performance.now() - started,
  });

  if (p.nC === 0) return { feasible: true, cost: 0, routes: [], stats: stats(0, 0) };

  const baseline = constructBaseline(p);
  const baselineOk = isFeasible(p, baseline);
  let candidate = baseline;
  let feasible = baselineOk;
  let iterations = 0;
  let restarts = 0;

  if (p.nC >= 2) {
    // Route slots for the local search: HGS-CVRP's default, widened to what the baseline needed
    // (duration limits can require many more routes than the load bound suggests).
    const unlimited = Math.max(Math.ceil((1.3 * p.totalDemand) / p.capacity) + 3, baseline.length + 2);
    const slots = Math.min(p.fleetCap, unlimited);
    const outcome = hybridGeneticSearch(p, slots, new Rng(seed), {
      deadline: started + timeLimitMs,
      maxIterations,
    });
    iterations = outcome.iterations;
    restarts = outcome.restarts;
    const best = outcome.best;
    if (best && (!baselineOk || best.distance < routesDistance(p, baseline) - EPSILON)) {
      candidate = nonEmpty(best.routes);
      feasible = true;
    } else if (!baselineOk && outcome.leastInfeasible) {
      candidate = nonEmpty(outcome.leastInfeasible.routes);
    }
  }

  const routes = candidate.map((r) => r.map((c) => p.toOriginal[c]!));
  return { feasible, cost: originalCost(instance, routes), routes, stats: stats(iterations, restarts) };
}

function nonEmpty(routes: number[][]): number[][] {
  return routes.filter((r) => r.length > 0).map((r) => r.slice());
}

function routesDistance(p: Problem, routes: number[][]): number {
  let total = 0;
  for (const r of routes) {
    let last = 0;
    for (const c of r) {
      total += p.dist[last * p.nn + c]!;
      last = c;
    }
    total += p.dist[last * p.nn]!;
  }
  return total;
}

function isFeasible(p: Problem, routes: number[][]): boolean {
  if (routes.length > p.fleetCap) return false;
  for (const r of routes) {
    let load = 0;
    let time = 0;
    let last = 0;
    for (const c of r) {
      load += p.demand[c]!;
      time += p.dist[last * p.nn + c]! + p.service[c]!;
      last = c;
    }
    time += p.dist[last * p.nn]!;
    if (load > p.capacity + EPSILON || time > p.durationLimit + EPSILON) return false;
  }
  return true;
}

/** Cost on the caller's own matrix and node numbering, so it matches an independent evaluation. */
function originalCost(inst: CvrpInstance, routes: number[][]): number {
  let total = 0;
  for (const r of routes) {
    let last = inst.depot;
    for (const c of r) {
      total += inst.dist[last * inst.n + c]!;
      last = c;
    }
    total += inst.dist[last * inst.n + inst.depot]!;
  }
  return total;
}
