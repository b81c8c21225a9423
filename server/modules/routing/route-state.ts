import type { Individual, Penalties } from './individual.ts';
import { CIRCLE, type Problem } from './problem.ts';

/** A route's sector is a circle arc [start, end] (mod CIRCLE) covering its clients' polar angles. */
function positiveMod(i: number): number {
  return ((i % CIRCLE) + CIRCLE) % CIRCLE;
}

/**
 * Routes as doubly linked lists in typed arrays, with the per-route and per-node cumulated data
 * that make every local-search move evaluation O(1).
 * Node ids: clients 1..nC, start depot of route r = nC+1+r, end depot = nC+1+V+r.
 */
export class RouteState {
  readonly nC: number;
  readonly V: number;
  readonly nn: number;
  readonly dist: Float64Array;
  readonly demand: Float64Array;
  readonly service: Float64Array;
  readonly capacity: number;
  readonly durationLimit: number;

  readonly next: Int32Array;
  readonly prev: Int32Array;
  readonly route: Int32Array;
  readonly pos: Int32Array;
  /** Client id of a node (0 for depots), so distances can be read without branching. */
  readonly cour: Int32Array;
  readonly cumLoad: Float64Array;
  readonly cumTime: Float64Array;

  readonly rLoad: Float64Array;
  readonly rDuration: Float64Array;
  readonly rPenalty: Float64Array;
  readonly rCount: Int32Array;
  readonly rLastModified: Int32Array;
  private readonly rSectorStart: Int32Array;
  private readonly rSectorEnd: Int32Array;
  /** Polar angle of the route's barycentre; orders routes when they are written back. */
  private readonly rBary: Float64Array;

  /** Current penalty weights for capacity and duration excess. */
  pc = 0;
  pd = 0;
  /** Count of applied moves; routes and caches are time-stamped with it. */
  nbMoves = 0;
  readonly buf1: Int32Array;
  readonly buf2: Int32Array;

  constructor(
    readonly p: Problem,
    slots: number,
  ) {
    const nC = p.nC;
    const V = slots;
    this.nC = nC;
    this.V = V;
    this.nn = p.nn;
    this.dist = p.dist;
    this.demand = p.demand;
    this.service = p.service;
    this.capacity = p.capacity;
    this.durationLimit = p.durationLimit;
    const total = nC + 1 + 2 * V;
    this.next = new Int32Array(total);
    this.prev = new Int32Array(total);
    this.route = new Int32Array(total);
    this.pos = new Int32Array(total);
    this.cour = new Int32Array(total);
    for (let i = 1; i <= nC; i++) this.cour[i] = i;
    this.cumLoad = new Float64Array(total);
    this.cumTime = new Float64Array(total);
    this.rLoad = new Float64Array(V);
    this.rDuration = new Float64Array(V);
    this.rPenalty = new Float64Array(V);
    this.rCount = new Int32Array(V);
    this.rLastModified = new Int32Array(V);
    this.rSectorStart = new Int32Array(V);
    this.rSectorEnd = new Int32Array(V);
    this.rBary = new Float64Array(V);
    this.buf1 = new Int32Array(nC + 1);
    this.buf2 = new Int32Array(nC + 1);
  }

  startDepot(r: number): number {
    return this.nC + 1 + r;
  }

  penLoad(load: number): number {
    return load > this.capacity ? (load - this.capacity) * this.pc : 0;
  }

  penDuration(duration: number): number {
    return duration > this.durationLimit ? (duration - this.durationLimit) * this.pd : 0;
  }

  protected sectorsOverlap(a: number, b: number): boolean {
    const sa = this.rSectorStart[a]!;
    const sb = this.rSectorStart[b]!;
    return (
      positiveMod(sb - sa) <= positiveMod(this.rSectorEnd[a]! - sa) ||
      positiveMod(sa - sb) <= positiveMod(this.rSectorEnd[b]! - sb)
    );
  }

  protected firstEmptyRoute(): number {
    for (let r = 0; r < this.V; r++) if (this.rCount[r] === 0) return r;
    return -1;
  }

  /** Unlinks a and inserts it after b. */
  insertNode(a: number, b: number): void {
    const { next, prev } = this;
    next[prev[a]!] = next[a]!;
    prev[next[a]!] = prev[a]!;
    const nb = next[b]!;
    prev[nb] = a;
    prev[a] = b;
    next[a] = nb;
    next[b] = a;
    this.route[a] = this.route[b]!;
  }

  /** Exchanges two non-adjacent nodes. */
  swapNode(a: number, b: number): void {
    const { next, prev, route } = this;
    const pa = prev[a]!;
    const na = next[a]!;
    const pb = prev[b]!;
    const nb = next[b]!;
    const ra = route[a]!;
    next[pa] = b;
    prev[na] = b;
    next[pb] = a;
    prev[nb] = a;
    prev[a] = pb;
    next[a] = nb;
    prev[b] = pa;
    next[b] = na;
    route[a] = route[b]!;
    route[b] = ra;
  }

  /** Makes route r consist of buf[0..len) in that order. */
  relink(r: number, buf: Int32Array, len: number): void {
    const { next, prev, route } = this;
    let last = this.startDepot(r);
    for (let i = 0; i < len; i++) {
      const node = buf[i]!;
      next[last] = node;
      prev[node] = last;
      route[node] = r;
      last = node;
    }
    const end = this.nC + 1 + this.V + r;
    next[last] = end;
    prev[end] = last;
  }

  updateRoute(r: number): void {
    const { next, pos, cumLoad, cumTime, dist, nn, demand, service, nC } = this;
    const { polar, relX, relY } = this.p;
    let node = this.startDepot(r);
    cumLoad[node] = 0;
    cumTime[node] = 0;
    pos[node] = 0;
    let place = 0;
    let load = 0;
    let time = 0;
    let last = 0;
    let sumX = 0;
    let sumY = 0;
    node = next[node]!;
    while (node <= nC) {
      place++;
      pos[node] = place;
      load += demand[node]!;
      time += dist[last * nn + node]! + service[node]!;
      cumLoad[node] = load;
      cumTime[node] = time;
      if (polar && relX && relY) {
        const a = polar[node]!;
        sumX += relX[node]!;
        sumY += relY[node]!;
        if (place === 1) {
          this.rSectorStart[r] = a;
          this.rSectorEnd[r] = a;
        } else this.extendSector(r, a);
      }
      last = node;
      node = next[node]!;
    }
    time += dist[last * nn]!;
    pos[node] = place + 1;
    cumLoad[node] = load;
    cumTime[node] = time;
    this.rLoad[r] = load;
    this.rDuration[r] = time;
    this.rPenalty[r] = this.penLoad(load) + this.penDuration(time);
    this.rCount[r] = place;
    this.rLastModified[r] = this.nbMoves;
    this.rBary[r] = place === 0 ? Infinity : Math.atan2(sumY, sumX);
  }

  private extendSector(r: number, a: number): void {
    const s = this.rSectorStart[r]!;
    const e = this.rSectorEnd[r]!;
    if (positiveMod(a - s) <= positiveMod(e - s)) return;
    if (positiveMod(a - e) <= positiveMod(s - a)) this.rSectorEnd[r] = a;
    else this.rSectorStart[r] = a;
  }

  protected loadRoutes(ind: Individual): void {
    const { nC, V } = this;
    this.nbMoves = 0;
    for (let r = 0; r < V; r++) {
      const s = this.startDepot(r);
      const e = nC + 1 + V + r;
      this.route[s] = r;
      this.route[e] = r;
      this.prev[s] = e;
      this.next[e] = s;
      const stops = ind.routes[r] ?? [];
      for (let i = 0; i < stops.length; i++) this.buf1[i] = stops[i]!;
      this.relink(r, this.buf1, stops.length);
      this.updateRoute(r);
    }
  }

  /** Writes routes back, ordered by mean polar angle so neighbouring routes stay adjacent in the tour. */
  protected storeRoutes(ind: Individual, pen: Penalties): void {
    const order = Array.from({ length: this.V }, (_, r) => r);
    order.sort((a, b) => this.rBary[a]! - this.rBary[b]! || a - b);
    for (let k = 0; k < this.V; k++) {
      const r = order[k]!;
      const out = ind.routes[k]!;
      out.length = 0;
      for (let node = this.next[this.startDepot(r)]!; node <= this.nC; node = this.next[node]!)
        out.push(node);
    }
    ind.evaluate(this.p, pen);
  }
}
