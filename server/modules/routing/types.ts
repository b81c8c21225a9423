/**
 * Plain-data CVRP instance. Node indices are 0..n-1; `depot` is one of them.
 * `dist` is a row-major n×n matrix and is assumed symmetric (the local search
 * evaluates reversed route segments with the forward distances).
 */
export interface CvrpInstance {
  n: number;
  depot: number;
  demand: ArrayLike<number>;
  capacity: number;
  dist: Float64Array;
  /** Service time per node (the depot's entry is ignored) or one value for every customer. */
  serviceTime?: number | ArrayLike<number>;
  /** Route duration limit: travel + service time of the route's customers. */
  maxDuration?: number;
  /** Optional planar coordinates; when present they prune SWAP* to route pairs whose sectors overlap. */
  x?: ArrayLike<number>;
  y?: ArrayLike<number>;
}

export interface SolveOptions {
  /** Wall-clock budget; the best solution found so far is returned when it runs out. */
  timeLimitMs: number;
  seed: number;
  /** Hard fleet cap. Omitted = unlimited fleet. */
  maxVehicles?: number;
  /**
   * Optional budget of genetic iterations. With it (and a time limit that is not hit) the result
   * depends only on the seed, not on machine speed.
   */
  maxIterations?: number;
}

export interface SolveStats {
  iterations: number;
  restarts: number;
  elapsedMs: number;
}

export interface SolveResult {
  /**
   * False only when no solution satisfying every constraint was found: a customer that cannot be
   * served alone (demand over capacity, out-and-back over the duration limit) or a fleet cap that is
   * too small. `routes` then holds the least-violating solution found; callers must check the flag.
   */
  feasible: boolean;
  cost: number;
  /** Node indices of the instance, depot excluded; no empty routes. */
  routes: number[][];
  stats: SolveStats;
}
