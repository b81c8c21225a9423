import type { Individual, Penalties } from './individual.ts';
import { move1, move2, move3, move4, move5, move6, move7, move8, move9 } from './moves.ts';
import type { Problem } from './problem.ts';
import type { Rng } from './rng.ts';
import { RouteState } from './route-state.ts';
import { swapStar } from './swap-star.ts';

/**
 * Granular local search of HGS-CVRP: for each client u (random order) and each of its granular
 * neighbours v, try the classic moves in turn and apply the first improving one; then SWAP* on
 * route pairs. Node pairs whose routes did not change since they were last tested are skipped.
 */
export class LocalSearch extends RouteState {
  private readonly lastTestedRI: Int32Array;
  private readonly rLastSwapStar: Int32Array;
  private searchCompleted = false;
  private readonly orderNodes: Int32Array;
  private readonly orderRoutes: Int32Array;

  // Variables of the node pair under evaluation, set by setU / setV.
  u = 0;
  uPrev = 0;
  x = 0;
  xNext = 0;
  cuPrev = 0;
  cx = 0;
  cxNext = 0;
  rU = 0;
  loadU = 0;
  loadX = 0;
  serviceU = 0;
  serviceX = 0;
  v = 0;
  vPrev = 0;
  y = 0;
  yNext = 0;
  cv = 0;
  cvPrev = 0;
  cy = 0;
  cyNext = 0;
  rV = 0;
  loadV = 0;
  loadY = 0;
  serviceV = 0;
  serviceY = 0;
  intra = false;

  // SWAP* caches: three best insertion positions of each client in each route.
  readonly insCost: Float64Array;
  readonly insLoc: Int32Array;
  readonly insWhen: Int32Array;
  readonly deltaRemoval: Float64Array;
  readonly edgeBuf: Float64Array;

  constructor(
    p: Problem,
    slots: number,
    private readonly rng: Rng,
  ) {
    super(p, slots);
    const { nC, V } = this;
    this.lastTestedRI = new Int32Array(nC + 1);
    this.rLastSwapStar = new Int32Array(V);
    this.orderNodes = Int32Array.from({ length: nC }, (_, i) => i + 1);
    this.orderRoutes = Int32Array.from({ length: V }, (_, i) => i);
    this.insCost = new Float64Array(V * (nC + 1) * 3);
    this.insLoc = new Int32Array(V * (nC + 1) * 3);
    this.insWhen = new Int32Array(V * (nC + 1));
    this.deltaRemoval = new Float64Array(nC + 1);
    this.edgeBuf = new Float64Array(nC + 1);
  }

  run(ind: Individual, pen: Penalties): void {
    this.pc = pen.capacity;
    this.pd = pen.duration;
    this.loadRoutes(ind);
    this.lastTestedRI.fill(-1);
    this.rLastSwapStar.fill(-1);
    this.insWhen.fill(-1);
    const { rng, nC } = this;
    rng.shuffle(this.orderNodes);
    rng.shuffle(this.orderRoutes);
    const neighbours = this.p.neighbours;
    for (let i = 1; i <= nC; i++) if (rng.int(20) === 0) rng.shuffle(neighbours[i]!);

    this.searchCompleted = false;
    for (let loop = 0; !this.searchCompleted; loop++) {
      // Two full passes at least: moves into empty routes are only tried from the second pass on.
      if (loop > 1) this.searchCompleted = true;
      for (let k = 0; k < nC; k++) {
        const u = this.orderNodes[k]!;
        const lastTest = this.lastTestedRI[u]!;
        this.lastTestedRI[u] = this.nbMoves;
        const nb = neighbours[u]!;
        for (let j = 0; j < nb.length; j++) {
          const v = nb[j]!;
          if (
            loop > 0 &&
            Math.max(this.rLastModified[this.route[u]!]!, this.rLastModified[this.route[v]!]!) <= lastTest
          )
            continue;
          this.setU(u);
          this.setV(v);
          if (move1(this) || move2(this) || move3(this)) continue;
          if (u <= v && move4(this)) continue;
          if (move5(this)) continue;
          if (u <= v && move6(this)) continue;
          if (this.intra ? move7(this) : move8(this) || move9(this)) continue;
          const pv = this.prev[v]!;
          if (pv > nC) {
            this.setV(pv);
            if (move1(this) || move2(this) || move3(this)) continue;
            if (!this.intra && (move8(this) || move9(this))) continue;
          }
        }
        if (loop > 0) {
          const empty = this.firstEmptyRoute();
          if (empty >= 0) {
            this.setU(u);
            this.setV(this.startDepot(empty));
            if (move1(this) || move2(this) || move3(this)) continue;
            move9(this);
          }
        }
      }
      this.swapStarPass(loop);
    }
    this.storeRoutes(ind, pen);
  }

  private swapStarPass(loop: number): void {
    const { V, p } = this;
    for (let a = 0; a < V; a++) {
      const rU = this.orderRoutes[a]!;
      const lastTest = this.rLastSwapStar[rU]!;
      this.rLastSwapStar[rU] = this.nbMoves;
      for (let rV = rU + 1; rV < V; rV++) {
        // A relocation found by SWAP* may have just emptied rU.
        if (this.rCount[rU] === 0) break;
        if (this.rCount[rV] === 0) continue;
        if (loop > 0 && Math.max(this.rLastModified[rU]!, this.rLastModified[rV]!) <= lastTest) continue;
        if (p.polar && !this.sectorsOverlap(rU, rV)) continue;
        if (swapStar(this, rU, rV)) this.markMoved(rU, rV);
      }
    }
  }

  setU(u: number): void {
    const { next, prev, cour, route, demand, service } = this;
    this.u = u;
    this.uPrev = prev[u]!;
    this.x = next[u]!;
    this.xNext = next[this.x]!;
    this.cuPrev = cour[this.uPrev]!;
    this.cx = cour[this.x]!;
    this.cxNext = cour[this.xNext]!;
    this.rU = route[u]!;
    this.loadU = demand[u]!;
    this.loadX = demand[this.cx]!;
    this.serviceU = service[u]!;
    this.serviceX = service[this.cx]!;
  }

  setV(v: number): void {
    const { next, prev, cour, route, demand, service } = this;
    this.v = v;
    this.vPrev = prev[v]!;
    this.y = next[v]!;
    this.yNext = next[this.y]!;
    this.cv = cour[v]!;
    this.cvPrev = cour[this.vPrev]!;
    this.cy = cour[this.y]!;
    this.cyNext = cour[this.yNext]!;
    this.rV = route[v]!;
    this.loadV = demand[this.cv]!;
    this.loadY = demand[this.cy]!;
    this.serviceV = service[this.cv]!;
    this.serviceY = service[this.cy]!;
    this.intra = this.rU === this.rV;
  }

  /** Book-keeping after an applied move on routes a and b (b may equal a). */
  markMoved(a: number, b: number): void {
    this.nbMoves++;
    this.searchCompleted = false;
    this.updateRoute(a);
    if (b !== a) this.updateRoute(b);
  }
}
