import { excessDuration, excessLoad, type Problem } from './problem.ts';

export interface Penalties {
  capacity: number;
  duration: number;
}

/** Tolerance on capacity / duration excess and cost comparisons (durations are real-valued). */
export const EPSILON = 1e-5;

/** A solution: giant tour + routes (HGS chromosome pair), with cached evaluation. */
export class Individual {
  /** Giant tour of client ids (no depot). */
  readonly tour: Int32Array;
  /** One entry per vehicle slot; unused slots are empty. */
  routes: number[][];
  /** Successor / predecessor client of each client in its route, 0 = depot. */
  readonly succ: Int32Array;
  readonly pred: Int32Array;
  distance = 0;
  capacityExcess = 0;
  durationExcess = 0;
  penalizedCost = 0;
  nbRoutes = 0;
  feasible = false;
  biasedFitness = 0;
  /** Other members of the same subpopulation, sorted by increasing broken-pairs distance. */
  proximity: { d: number; ind: Individual }[] = [];

  constructor(p: Problem, slots: number) {
    this.tour = new Int32Array(p.nC);
    this.succ = new Int32Array(p.nC + 1);
    this.pred = new Int32Array(p.nC + 1);
    this.routes = Array.from({ length: slots }, () => []);
  }

  copyFrom(o: Individual): void {
    this.tour.set(o.tour);
    this.succ.set(o.succ);
    this.pred.set(o.pred);
    this.routes = o.routes.map((r) => r.slice());
    this.distance = o.distance;
    this.capacityExcess = o.capacityExcess;
    this.durationExcess = o.durationExcess;
    this.penalizedCost = o.penalizedCost;
    this.nbRoutes = o.nbRoutes;
    this.feasible = o.feasible;
  }

  /** Recomputes distance, excesses, successor links and the giant tour from `routes`. */
  evaluate(p: Problem, pen: Penalties): void {
    const { dist, nn, demand, service } = p;
    let distance = 0;
    let capEx = 0;
    let durEx = 0;
    let nbRoutes = 0;
    let pos = 0;
    for (const r of this.routes) {
      if (r.length === 0) continue;
      nbRoutes++;
      let prev = 0;
      let rd = 0;
      let load = 0;
      let serv = 0;
      for (let i = 0; i < r.length; i++) {
        const c = r[i]!;
        rd += dist[prev * nn + c]!;
        load += demand[c]!;
        serv += service[c]!;
        this.pred[c] = prev;
        if (i > 0) this.succ[prev] = c;
        this.tour[pos++] = c;
        prev = c;
      }
      this.succ[prev] = 0;
      rd += dist[prev * nn]!;
      distance += rd;
      capEx += excessLoad(p, load);
      durEx += excessDuration(p, rd + serv);
    }
    this.distance = distance;
    this.capacityExcess = capEx;
    this.durationExcess = durEx;
    this.nbRoutes = nbRoutes;
    this.feasible = capEx < EPSILON && durEx < EPSILON;
    this.penalizedCost = distance + pen.capacity * capEx + pen.duration * durEx;
  }

  averageClosestDistance(k: number): number {
    const m = Math.min(k, this.proximity.length);
    if (m === 0) return 0;
    let s = 0;
    for (let i = 0; i < m; i++) s += this.proximity[i]!.d;
    return s / m;
  }
}

/** Broken-pairs distance: share of clients whose neighbours differ (orientation-insensitive). */
export function brokenPairsDistance(a: Individual, b: Individual, nC: number): number {
  let diff = 0;
  for (let j = 1; j <= nC; j++) {
    const sa = a.succ[j]!;
    const pa = a.pred[j]!;
    if (sa !== b.succ[j] && sa !== b.pred[j]) diff++;
    if (pa === 0 && b.pred[j] !== 0 && b.succ[j] !== 0) diff++;
  }
  return diff / nC;
}
