import type { CvrpInstance } from './types.ts';

/** Granular neighbourhood size (HGS-CVRP default). */
const NB_GRANULAR = 20;
/** Polar angles are discretised on a circle of this many units, as in HGS-CVRP's CircleSector. */
export const CIRCLE = 65536;

/**
 * Solver-internal view of an instance: the depot is renumbered 0 and customers 1..nC, so every
 * array can be indexed by client id without an indirection.
 */
export interface Problem {
  nC: number;
  /** Row stride of `dist` (= nC + 1). */
  nn: number;
  dist: Float64Array;
  demand: Float64Array;
  service: Float64Array;
  capacity: number;
  /** Infinity when the instance has no duration limit. */
  durationLimit: number;
  totalDemand: number;
  maxDist: number;
  maxDemand: number;
  /** Hard fleet cap, Infinity when unlimited. */
  fleetCap: number;
  neighbours: Int32Array[];
  /** Polar angle of each client around the depot, or null when no coordinates were given. */
  polar: Int32Array | null;
  /** Client coordinates relative to the depot (for route barycentres), or null. */
  relX: Float64Array | null;
  relY: Float64Array | null;
  /** Internal client id -> instance node index. */
  toOriginal: Int32Array;
}

export function buildProblem(inst: CvrpInstance, maxVehicles: number | undefined): Problem {
  const { n, depot } = inst;
  if (!Number.isInteger(n) || n < 1) throw new RangeError('instance.n must be a positive integer');
  if (!Number.isInteger(depot) || depot < 0 || depot >= n)
    throw new RangeError('instance.depot out of range');
  if (inst.dist.length !== n * n) throw new RangeError('instance.dist must hold n*n entries');
  if (inst.demand.length !== n) throw new RangeError('instance.demand must hold n entries');
  if (!(inst.capacity > 0)) throw new RangeError('instance.capacity must be positive');

  const nC = n - 1;
  const nn = n;
  const toOriginal = new Int32Array(n);
  toOriginal[0] = depot;
  for (let i = 0, k = 1; i < n; i++) if (i !== depot) toOriginal[k++] = i;

  const dist = new Float64Array(nn * nn);
  let maxDist = 0;
  for (let i = 0; i < nn; i++) {
    const oi = toOriginal[i]! * n;
    for (let j = 0; j < nn; j++) {
      const d = inst.dist[oi + toOriginal[j]!]!;
      dist[i * nn + j] = d;
      if (d > maxDist) maxDist = d;
    }
  }

  const demand = new Float64Array(nn);
  const service = new Float64Array(nn);
  const st = inst.serviceTime;
  let totalDemand = 0;
  let maxDemand = 0;
  for (let i = 1; i < nn; i++) {
    const o = toOriginal[i]!;
    const q = inst.demand[o]!;
    demand[i] = q;
    totalDemand += q;
    if (q > maxDemand) maxDemand = q;
    service[i] = st === undefined ? 0 : typeof st === 'number' ? st : st[o]!;
  }

  let polar: Int32Array | null = null;
  let relX: Float64Array | null = null;
  let relY: Float64Array | null = null;
  if (inst.x && inst.y) {
    polar = new Int32Array(nn);
    relX = new Float64Array(nn);
    relY = new Float64Array(nn);
    const x0 = inst.x[depot]!;
    const y0 = inst.y[depot]!;
    for (let i = 1; i < nn; i++) {
      const o = toOriginal[i]!;
      relX[i] = inst.x[o]! - x0;
      relY[i] = inst.y[o]! - y0;
      const angle = Math.atan2(relY[i]!, relX[i]!);
      polar[i] = ((Math.floor((CIRCLE * angle) / (2 * Math.PI)) % CIRCLE) + CIRCLE) % CIRCLE;
    }
  }

  return {
    nC,
    nn,
    dist,
    demand,
    service,
    capacity: inst.capacity,
    durationLimit: inst.maxDuration ?? Number.POSITIVE_INFINITY,
    totalDemand,
    maxDist,
    maxDemand,
    fleetCap: maxVehicles ?? Number.POSITIVE_INFINITY,
    neighbours: buildNeighbours(nC, nn, dist),
    polar,
    relX,
    relY,
    toOriginal,
  };
}

/** The NB_GRANULAR nearest clients of each client, made symmetric as in HGS-CVRP. */
function buildNeighbours(nC: number, nn: number, dist: Float64Array): Int32Array[] {
  const sets: Set<number>[] = [];
  for (let i = 0; i <= nC; i++) sets.push(new Set());
  const k = Math.min(NB_GRANULAR, nC - 1);
  const order: number[] = [];
  for (let i = 1; i <= nC; i++) {
    order.length = 0;
    for (let j = 1; j <= nC; j++) if (j !== i) order.push(j);
    order.sort((a, b) => dist[i * nn + a]! - dist[i * nn + b]! || a - b);
    for (let r = 0; r < k; r++) {
      const j = order[r]!;
      sets[i]!.add(j);
      sets[j]!.add(i);
    }
  }
  return sets.map((s) => Int32Array.from([...s].sort((a, b) => a - b)));
}

/** Amount by which a route's load exceeds the capacity (0 when within it). */
export function excessLoad(p: Problem, load: number): number {
  return load > p.capacity ? load - p.capacity : 0;
}

/** Amount by which a route's duration exceeds the limit (0 when within it or unlimited). */
export function excessDuration(p: Problem, duration: number): number {
  return duration > p.durationLimit ? duration - p.durationLimit : 0;
}
