import type { Individual, Penalties } from './individual.ts';
import type { Problem } from './problem.ts';

/**
 * Optimal segmentation of a giant tour into routes (Prins' Split, Bellman form over a load window),
 * with penalised capacity and duration excess so infeasible offspring stay comparable.
 */
export class Splitter {
  private readonly pot: Float64Array;
  private readonly predArr: Int32Array;
  private readonly maxLayers: number;

  constructor(
    private readonly p: Problem,
    slots: number,
  ) {
    this.maxLayers = slots;
    this.pot = new Float64Array((slots + 1) * (p.nC + 1));
    this.predArr = new Int32Array((slots + 1) * (p.nC + 1));
  }

  /** Fills `ind.routes` from `ind.tour` using at most `maxRoutes` routes, then evaluates it. */
  split(ind: Individual, maxRoutes: number, pen: Penalties): void {
    const lb = Math.ceil(this.p.totalDemand / this.p.capacity - 1e-9);
    const k = Math.min(this.maxLayers, Math.max(maxRoutes, lb));
    if (!this.simple(ind, k, pen, 1.5) && !this.limited(ind, k, pen, 1.5))
      this.limited(ind, k, pen, Infinity);
    ind.evaluate(this.p, pen);
  }

  /** Route cost of tour[i..j) is accumulated incrementally; the window stops once load > window·Q. */
  private simple(ind: Individual, k: number, pen: Penalties, window: number): boolean {
    const { nC, nn, dist, demand, service, capacity, durationLimit } = this.p;
    const tour = ind.tour;
    const pot = this.pot;
    const pred = this.predArr;
    const loadCap = window * capacity;
    pot.fill(Infinity, 0, nC + 1);
    pot[0] = 0;
    for (let i = 0; i < nC; i++) {
      const base = pot[i]!;
      if (base === Infinity) continue;
      let load = 0;
      let serv = 0;
      let travel = 0;
      let last = 0;
      for (let j = i + 1; j <= nC && load <= loadCap; j++) {
        const c = tour[j - 1]!;
        load += demand[c]!;
        serv += service[c]!;
        travel += dist[last * nn + c]!;
        last = c;
        const back = travel + dist[c * nn]!;
        let cost = base + back;
        if (load > capacity) cost += pen.capacity * (load - capacity);
        if (back + serv > durationLimit) cost += pen.duration * (back + serv - durationLimit);
        if (cost < pot[j]!) {
          pot[j] = cost;
          pred[j] = i;
        }
      }
    }
    if (pot[nC] === Infinity) return false;
    let count = 0;
    for (let j = nC; j > 0; j = pred[j]!) count++;
    if (count > k) return false;
    this.fill(ind, count, (_layer, j) => pred[j]!);
    return true;
  }

  /** Same recursion with one layer per route count, so at most k routes are used. */
  private limited(ind: Individual, k: number, pen: Penalties, window: number): boolean {
    const { nC, nn, dist, demand, service, capacity, durationLimit } = this.p;
    const tour = ind.tour;
    const pot = this.pot;
    const pred = this.predArr;
    const stride = nC + 1;
    const loadCap = window * capacity;
    pot.fill(Infinity, 0, (k + 1) * stride);
    pot[0] = 0;
    for (let r = 0; r < k; r++) {
      const from = r * stride;
      const to = from + stride;
      for (let i = r; i < nC; i++) {
        const base = pot[from + i]!;
        if (base === Infinity) continue;
        let load = 0;
        let serv = 0;
        let travel = 0;
        let last = 0;
        for (let j = i + 1; j <= nC && load <= loadCap; j++) {
          const c = tour[j - 1]!;
          load += demand[c]!;
          serv += service[c]!;
          travel += dist[last * nn + c]!;
          last = c;
          const back = travel + dist[c * nn]!;
          let cost = base + back;
          if (load > capacity) cost += pen.capacity * (load - capacity);
          if (back + serv > durationLimit) cost += pen.duration * (back + serv - durationLimit);
          if (cost < pot[to + j]!) {
            pot[to + j] = cost;
            pred[to + j] = i;
          }
        }
      }
    }
    let best = -1;
    let bestCost = Infinity;
    for (let r = 1; r <= k; r++) {
      const c = pot[r * stride + nC]!;
      if (c < bestCost) {
        bestCost = c;
        best = r;
      }
    }
    if (best < 0) return false;
    this.fill(ind, best, (r, j) => pred[r * stride + j]!);
    return true;
  }

  /** Writes `count` routes back from the predecessor chain; layer r holds the (r)th route's start. */
  private fill(ind: Individual, count: number, predOf: (layer: number, j: number) => number): void {
    for (const r of ind.routes) r.length = 0;
    let end = this.p.nC;
    for (let r = count; r >= 1; r--) {
      const start = predOf(r, end);
      const route = ind.routes[r - 1]!;
      for (let j = start; j < end; j++) route.push(ind.tour[j]!);
      end = start;
    }
  }
}
