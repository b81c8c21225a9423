import { EPSILON } from './individual.ts';
import type { LocalSearch } from './local-search.ts';

/*
 * SWAP* (Vidal 2022): exchange u ∈ rU and v ∈ rV, each reinserted at its best position in the
 * other route rather than in place of the other. The three cheapest insertion positions of every
 * client in every route are cached and only recomputed when that route changed.
 */

/** Position chosen by the last cheapestInsertWithout call (avoids returning a tuple). */
let chosenPos = 0;

export function swapStar(ls: LocalSearch, rU: number, rV: number): boolean {
  preprocess(ls, rU, rV);
  preprocess(ls, rV, rU);
  const { next, prev, cour, dist: D, nn, nC, demand, service, deltaRemoval } = ls;
  const stride = nC + 1;
  const loadRU = ls.rLoad[rU]!;
  const loadRV = ls.rLoad[rV]!;
  const penRU = ls.rPenalty[rU]!;
  const penRV = ls.rPenalty[rV]!;
  const durRU = ls.rDuration[rU]!;
  const durRV = ls.rDuration[rV]!;
  let best = -EPSILON;
  let bestU = -1;
  let bestV = -1;
  let bestPosU = -1;
  let bestPosV = -1;

  for (let u = next[ls.startDepot(rU)]!; u <= nC; u = next[u]!) {
    const lu = demand[u]!;
    const su = service[u]!;
    const dRemU = deltaRemoval[u]!;
    const cpu = cour[prev[u]!]!;
    const cnu = cour[next[u]!]!;
    const edgeU = D[cpu * nn + cnu]!;
    const kU = (rV * stride + u) * 3;
    for (let v = next[ls.startDepot(rV)]!; v <= nC; v = next[v]!) {
      const lv = demand[v]!;
      const dRemV = deltaRemoval[v]!;
      const dPenU = ls.penLoad(loadRU + lv - lu) - penRU;
      const dPenV = ls.penLoad(loadRV + lu - lv) - penRV;
      if (dPenU + dRemU + dPenV + dRemV > 0) continue;
      const cpv = cour[prev[v]!]!;
      const cnv = cour[next[v]!]!;
      const extraV = cheapestInsertWithout(
        ls,
        kU,
        v,
        D[cpv * nn + u]! + D[u * nn + cnv]! - D[cpv * nn + cnv]!,
      );
      const posU = chosenPos;
      const kV = (rU * stride + v) * 3;
      const extraU = cheapestInsertWithout(ls, kV, u, D[cpu * nn + v]! + D[v * nn + cnu]! - edgeU);
      const sv = service[v]!;
      const cost =
        dPenU +
        dRemU +
        extraU +
        dPenV +
        dRemV +
        extraV +
        ls.penDuration(durRU + dRemU + extraU + sv - su) +
        ls.penDuration(durRV + dRemV + extraV - sv + su);
      if (cost < best) {
        best = cost;
        bestU = u;
        bestV = v;
        bestPosU = posU;
        bestPosV = chosenPos;
      }
    }
  }

  // Plain relocations come for free from the cached insertion positions and use a different
  // neighbourhood than the granular RELOCATE, so they are checked too.
  for (let side = 0; side < 2; side++) {
    const from = side === 0 ? rU : rV;
    const to = side === 0 ? rV : rU;
    const loadFrom = ls.rLoad[from]!;
    const loadTo = ls.rLoad[to]!;
    const penBoth = ls.rPenalty[from]! + ls.rPenalty[to]!;
    for (let a = next[ls.startDepot(from)]!; a <= nC; a = next[a]!) {
      const ca = ls.cour[prev[a]!]!;
      const cb = ls.cour[next[a]!]!;
      const dFrom = D[ca * nn + cb]! - D[ca * nn + a]! - D[a * nn + cb]!;
      const k = (to * stride + a) * 3;
      const dTo = ls.insCost[k]!;
      const cost =
        dFrom +
        dTo +
        ls.penLoad(loadFrom - demand[a]!) +
        ls.penLoad(loadTo + demand[a]!) -
        penBoth +
        ls.penDuration(ls.rDuration[from]! + dFrom - service[a]!) +
        ls.penDuration(ls.rDuration[to]! + dTo + service[a]!);
      if (cost < best) {
        best = cost;
        bestU = a;
        bestPosU = ls.insLoc[k]!;
        bestV = -1;
        bestPosV = -1;
      }
    }
  }

  if (bestU < 0) return false;
  ls.insertNode(bestU, bestPosU);
  if (bestV >= 0) ls.insertNode(bestV, bestPosV);
  return true;
}

/** Records, for each client of r1, its removal delta and its three best insertion positions in r2. */
function preprocess(ls: LocalSearch, r1: number, r2: number): void {
  const { next, prev, cour, dist: D, nn, nC, insCost, insLoc, insWhen, deltaRemoval } = ls;
  const stride = nC + 1;
  const stale = ls.rLastModified[r2]!;
  // r2 as flat arrays (insert-after node, client after it, cost of the edge between them), so the
  // inner loop below reads u's distance row sequentially.
  const after = ls.buf1;
  const succ = ls.buf2;
  const edge = ls.edgeBuf;
  let len = 0;
  for (let p = ls.startDepot(r2); ; p = next[p]!) {
    const q = cour[next[p]!]!;
    after[len] = p;
    succ[len] = q;
    edge[len++] = D[cour[p]! * nn + q]!;
    if (q === 0) break;
  }
  for (let u = next[ls.startDepot(r1)]!; u <= nC; u = next[u]!) {
    const row = u * nn;
    const cp = cour[prev[u]!]!;
    const cn = cour[next[u]!]!;
    deltaRemoval[u] = D[cp * nn + cn]! - D[row + cp]! - D[row + cn]!;
    const w = r2 * stride + u;
    if (stale <= insWhen[w]!) continue;
    insWhen[w] = ls.nbMoves;
    let c0 = Infinity;
    let l0 = -1;
    let c1 = Infinity;
    let l1 = -1;
    let c2 = Infinity;
    let l2 = -1;
    let from = D[row]!;
    for (let i = 0; i < len; i++) {
      const q = succ[i]!;
      const to = D[row + q]!;
      const c = from + to - edge[i]!;
      from = to;
      if (c < c2) {
        if (c < c1) {
          c2 = c1;
          l2 = l1;
          if (c < c0) {
            c1 = c0;
            l1 = l0;
            c0 = c;
            l0 = after[i]!;
          } else {
            c1 = c;
            l1 = after[i]!;
          }
        } else {
          c2 = c;
          l2 = after[i]!;
        }
      }
    }
    const k = w * 3;
    insCost[k] = c0;
    insLoc[k] = l0;
    insCost[k + 1] = c1;
    insLoc[k + 1] = l1;
    insCost[k + 2] = c2;
    insLoc[k + 2] = l2;
  }
}

/**
 * Cheapest insertion of a client (options cached at insOffset) into the route of v once v is
 * removed: the best cached position not adjacent to v (one of the top three must qualify), or v's
 * own place, whose cost the caller passes in.
 */
function cheapestInsertWithout(ls: LocalSearch, insOffset: number, v: number, inPlace: number): number {
  const { next, prev, insCost, insLoc } = ls;
  let pos = -1;
  let cost = Infinity;
  for (let i = 0; i < 3; i++) {
    const l = insLoc[insOffset + i]!;
    if (l < 0) break;
    if (l !== v && next[l] !== v) {
      pos = l;
      cost = insCost[insOffset + i]!;
      break;
    }
  }
  if (pos < 0 || inPlace < cost) {
    pos = prev[v]!;
    cost = inPlace;
  }
  chosenPos = pos;
  return cost;
}
