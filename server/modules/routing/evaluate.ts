import type { CvrpInstance } from './types.ts';

export interface SolutionCheck {
  cost: number;
  feasible: boolean;
  /** Human-readable reasons the solution is infeasible; empty when feasible. */
  violations: string[];
}

/** Duration / load comparisons tolerate floating-point noise from summing real distances. */
const TOLERANCE = 1e-6;

/**
 * Independent checker, deliberately sharing no code with the solver: recomputes the cost from the
 * instance matrix and verifies that every customer is served exactly once, capacities, the route
 * duration limit and the optional fleet cap.
 */
export function checkSolution(
  inst: CvrpInstance,
  routes: readonly (readonly number[])[],
  maxVehicles?: number,
): SolutionCheck {
  const violations: string[] = [];
  const seen = new Uint8Array(inst.n);
  const service = (i: number): number => {
    const st = inst.serviceTime;
    if (st === undefined) return 0;
    return typeof st === 'number' ? st : (st[i] ?? 0);
  };
  let cost = 0;
  routes.forEach((route, r) => {
    if (route.length === 0) violations.push(`route ${r} is empty`);
    let prev = inst.depot;
    let load = 0;
    let travel = 0;
    let serviceSum = 0;
    for (const node of route) {
      if (!Number.isInteger(node) || node < 0 || node >= inst.n || node === inst.depot) {
        violations.push(`route ${r} holds invalid node ${node}`);
        continue;
      }
      if (seen[node]) violations.push(`node ${node} is visited more than once`);
      seen[node] = 1;
      travel += inst.dist[prev * inst.n + node]!;
      load += inst.demand[node]!;
      serviceSum += service(node);
      prev = node;
    }
    travel += inst.dist[prev * inst.n + inst.depot]!;
    cost += travel;
    if (load > inst.capacity + TOLERANCE) violations.push(`route ${r} load ${load} exceeds ${inst.capacity}`);
    const limit = inst.maxDuration;
    if (limit !== undefined && travel + serviceSum > limit + TOLERANCE) {
      violations.push(`route ${r} duration ${travel + serviceSum} exceeds ${limit}`);
    }
  });
  for (let i = 0; i < inst.n; i++) {
    if (i !== inst.depot && !seen[i]) violations.push(`node ${i} is not visited`);
  }
  if (maxVehicles !== undefined && routes.length > maxVehicles) {
    violations.push(`${routes.length} routes exceed the fleet of ${maxVehicles}`);
  }
  return { cost, feasible: violations.length === 0, violations };
}
