import { EPSILON } from './individual.ts';
import type { LocalSearch } from './local-search.ts';

/*
 * The classic HGS-CVRP moves between node u (route rU, successor x) and node v (route rV,
 * successor y). Each evaluates its delta in O(1) from cached route data; inter-route moves first
 * prune on distance alone, since penalties can only make them worse than removing both routes'
 * current penalties.
 */

/** Relocate u after v. */
export function move1(ls: LocalSearch): boolean {
  const D = ls.dist;
  const nn = ls.nn;
  const u = ls.u;
  let costU = D[ls.cuPrev * nn + ls.cx]! - D[ls.cuPrev * nn + u]! - D[u * nn + ls.cx]!;
  let costV = D[ls.cv * nn + u]! + D[u * nn + ls.cy]! - D[ls.cv * nn + ls.cy]!;
  if (!ls.intra) {
    const rU = ls.rU;
    const rV = ls.rV;
    if (costU + costV >= ls.rPenalty[rU]! + ls.rPenalty[rV]!) return false;
    costU += ls.penDuration(ls.rDuration[rU]! + costU - ls.serviceU) + ls.penLoad(ls.rLoad[rU]! - ls.loadU);
    costU -= ls.rPenalty[rU]!;
    costV += ls.penDuration(ls.rDuration[rV]! + costV + ls.serviceU) + ls.penLoad(ls.rLoad[rV]! + ls.loadU);
    costV -= ls.rPenalty[rV]!;
  }
  if (costU + costV > -EPSILON || u === ls.y) return false;
  ls.insertNode(u, ls.v);
  ls.markMoved(ls.rU, ls.rV);
  return true;
}

/** Relocate the pair (u, x) after v. */
export function move2(ls: LocalSearch): boolean {
  const u = ls.u;
  const x = ls.x;
  if (u === ls.y || ls.v === x || x > ls.nC) return false;
  const D = ls.dist;
  const nn = ls.nn;
  const cx = ls.cx;
  let costU = D[ls.cuPrev * nn + ls.cxNext]! - D[ls.cuPrev * nn + u]! - D[cx * nn + ls.cxNext]!;
  let costV = D[ls.cv * nn + u]! + D[cx * nn + ls.cy]! - D[ls.cv * nn + ls.cy]!;
  if (!ls.intra) {
    const rU = ls.rU;
    const rV = ls.rV;
    if (costU + costV >= ls.rPenalty[rU]! + ls.rPenalty[rV]!) return false;
    const dUX = D[u * nn + cx]!;
    const moved = ls.serviceU + ls.serviceX;
    const load = ls.loadU + ls.loadX;
    costU += ls.penDuration(ls.rDuration[rU]! + costU - dUX - moved) + ls.penLoad(ls.rLoad[rU]! - load);
    costU -= ls.rPenalty[rU]!;
    costV += ls.penDuration(ls.rDuration[rV]! + costV + dUX + moved) + ls.penLoad(ls.rLoad[rV]! + load);
    costV -= ls.rPenalty[rV]!;
  }
  if (costU + costV > -EPSILON) return false;
  ls.insertNode(u, ls.v);
  ls.insertNode(x, u);
  ls.markMoved(ls.rU, ls.rV);
  return true;
}

/** Relocate the pair (u, x) after v, reversed as (x, u). */
export function move3(ls: LocalSearch): boolean {
  const u = ls.u;
  const x = ls.x;
  if (u === ls.y || ls.v === x || x > ls.nC) return false;
  const D = ls.dist;
  const nn = ls.nn;
  const cx = ls.cx;
  const dUX = D[u * nn + cx]!;
  let costU = D[ls.cuPrev * nn + ls.cxNext]! - D[ls.cuPrev * nn + u]! - dUX - D[cx * nn + ls.cxNext]!;
  let costV = D[ls.cv * nn + cx]! + dUX + D[u * nn + ls.cy]! - D[ls.cv * nn + ls.cy]!;
  if (!ls.intra) {
    const rU = ls.rU;
    const rV = ls.rV;
    if (costU + costV >= ls.rPenalty[rU]! + ls.rPenalty[rV]!) return false;
    const moved = ls.serviceU + ls.serviceX;
    const load = ls.loadU + ls.loadX;
    costU += ls.penDuration(ls.rDuration[rU]! + costU - moved) + ls.penLoad(ls.rLoad[rU]! - load);
    costU -= ls.rPenalty[rU]!;
    costV += ls.penDuration(ls.rDuration[rV]! + costV + moved) + ls.penLoad(ls.rLoad[rV]! + load);
    costV -= ls.rPenalty[rV]!;
  }
  if (costU + costV > -EPSILON) return false;
  ls.insertNode(x, ls.v);
  ls.insertNode(u, x);
  ls.markMoved(ls.rU, ls.rV);
  return true;
}

/** Swap u and v. */
export function move4(ls: LocalSearch): boolean {
  const u = ls.u;
  const v = ls.v;
  if (u === ls.vPrev || u === ls.y) return false;
  const D = ls.dist;
  const nn = ls.nn;
  const cv = ls.cv;
  let costU = D[ls.cuPrev * nn + cv]! + D[cv * nn + ls.cx]! - D[ls.cuPrev * nn + u]! - D[u * nn + ls.cx]!;
  let costV = D[ls.cvPrev * nn + u]! + D[u * nn + ls.cy]! - D[ls.cvPrev * nn + cv]! - D[cv * nn + ls.cy]!;
  if (!ls.intra) {
    const rU = ls.rU;
    const rV = ls.rV;
    if (costU + costV >= ls.rPenalty[rU]! + ls.rPenalty[rV]!) return false;
    const ds = ls.serviceV - ls.serviceU;
    const dl = ls.loadV - ls.loadU;
    costU +=
      ls.penDuration(ls.rDuration[rU]! + costU + ds) + ls.penLoad(ls.rLoad[rU]! + dl) - ls.rPenalty[rU]!;
    costV +=
      ls.penDuration(ls.rDuration[rV]! + costV - ds) + ls.penLoad(ls.rLoad[rV]! - dl) - ls.rPenalty[rV]!;
  }
  if (costU + costV > -EPSILON) return false;
  ls.swapNode(u, v);
  ls.markMoved(ls.rU, ls.rV);
  return true;
}

/** Swap the pair (u, x) with v. */
export function move5(ls: LocalSearch): boolean {
  const u = ls.u;
  const x = ls.x;
  const v = ls.v;
  if (u === ls.vPrev || x === ls.vPrev || u === ls.y || x > ls.nC) return false;
  const D = ls.dist;
  const nn = ls.nn;
  const cv = ls.cv;
  const cx = ls.cx;
  let costU =
    D[ls.cuPrev * nn + cv]! + D[cv * nn + ls.cxNext]! - D[ls.cuPrev * nn + u]! - D[cx * nn + ls.cxNext]!;
  let costV = D[ls.cvPrev * nn + u]! + D[cx * nn + ls.cy]! - D[ls.cvPrev * nn + cv]! - D[cv * nn + ls.cy]!;
  if (!ls.intra) {
    const rU = ls.rU;
    const rV = ls.rV;
    if (costU + costV >= ls.rPenalty[rU]! + ls.rPenalty[rV]!) return false;
    const dUX = D[u * nn + cx]!;
    const ds = ls.serviceV - ls.serviceU - ls.serviceX;
    const dl = ls.loadV - ls.loadU - ls.loadX;
    costU += ls.penDuration(ls.rDuration[rU]! + costU - dUX + ds) + ls.penLoad(ls.rLoad[rU]! + dl);
    costU -= ls.rPenalty[rU]!;
    costV += ls.penDuration(ls.rDuration[rV]! + costV + dUX - ds) + ls.penLoad(ls.rLoad[rV]! - dl);
    costV -= ls.rPenalty[rV]!;
  }
  if (costU + costV > -EPSILON) return false;
  ls.swapNode(u, v);
  ls.insertNode(x, u);
  ls.markMoved(ls.rU, ls.rV);
  return true;
}

/** Swap the pair (u, x) with the pair (v, y). */
export function move6(ls: LocalSearch): boolean {
  const { u, x, v, y } = ls;
  const nC = ls.nC;
  if (x > nC || y > nC || y === ls.uPrev || u === y || x === v || v === ls.xNext) return false;
  const D = ls.dist;
  const nn = ls.nn;
  const cx = x;
  const cy = y;
  let costU =
    D[ls.cuPrev * nn + v]! + D[cy * nn + ls.cxNext]! - D[ls.cuPrev * nn + u]! - D[cx * nn + ls.cxNext]!;
  let costV =
    D[ls.cvPrev * nn + u]! + D[cx * nn + ls.cyNext]! - D[ls.cvPrev * nn + v]! - D[cy * nn + ls.cyNext]!;
  if (!ls.intra) {
    const rU = ls.rU;
    const rV = ls.rV;
    if (costU + costV >= ls.rPenalty[rU]! + ls.rPenalty[rV]!) return false;
    const dd = D[v * nn + cy]! - D[u * nn + cx]!;
    const ds = ls.serviceV + ls.serviceY - ls.serviceU - ls.serviceX;
    const dl = ls.loadV + ls.loadY - ls.loadU - ls.loadX;
    costU += ls.penDuration(ls.rDuration[rU]! + costU + dd + ds) + ls.penLoad(ls.rLoad[rU]! + dl);
    costU -= ls.rPenalty[rU]!;
    costV += ls.penDuration(ls.rDuration[rV]! + costV - dd - ds) + ls.penLoad(ls.rLoad[rV]! - dl);
    costV -= ls.rPenalty[rV]!;
  }
  if (costU + costV > -EPSILON) return false;
  ls.swapNode(u, v);
  ls.swapNode(x, y);
  ls.markMoved(ls.rU, ls.rV);
  return true;
}

/** Intra-route 2-opt: reverse the segment x..v. */
export function move7(ls: LocalSearch): boolean {
  const { u, v, x, y } = ls;
  if (ls.pos[u]! > ls.pos[v]!) return false;
  const D = ls.dist;
  const nn = ls.nn;
  const cost = D[u * nn + v]! + D[ls.cx * nn + ls.cy]! - D[u * nn + ls.cx]! - D[v * nn + ls.cy]!;
  if (cost > -EPSILON || ls.next[u] === v) return false;
  const { next, prev, buf1 } = ls;
  let len = 0;
  for (let node = x; node !== y; node = next[node]!) buf1[len++] = node;
  let last = u;
  for (let i = len - 1; i >= 0; i--) {
    const node = buf1[i]!;
    next[last] = node;
    prev[node] = last;
    last = node;
  }
  next[last] = y;
  prev[y] = last;
  ls.markMoved(ls.rU, ls.rU);
  return true;
}

/** 2-opt* joining u→v and x→y (the prefix of v's route and the suffix of u's route are reversed). */
export function move8(ls: LocalSearch): boolean {
  const D = ls.dist;
  const nn = ls.nn;
  const { u, v, x, y, rU, rV } = ls;
  const cv = ls.cv;
  const cx = ls.cx;
  const cy = ls.cy;
  const dUX = D[u * nn + cx]!;
  const dVY = D[cv * nn + cy]!;
  const dUV = D[u * nn + cv]!;
  const dXY = D[cx * nn + cy]!;
  let cost = dUV + dXY - dUX - dVY - ls.rPenalty[rU]! - ls.rPenalty[rV]!;
  if (cost >= 0) return false;
  const tu = ls.cumTime[u]!;
  const tv = ls.cumTime[v]!;
  const lu = ls.cumLoad[u]!;
  const lv = ls.cumLoad[v]!;
  cost +=
    ls.penDuration(tu + tv + dUV) +
    ls.penDuration(ls.rDuration[rU]! - tu - dUX + ls.rDuration[rV]! - tv - dVY + dXY) +
    ls.penLoad(lu + lv) +
    ls.penLoad(ls.rLoad[rU]! + ls.rLoad[rV]! - lu - lv);
  if (cost > -EPSILON) return false;
  const { next, prev, buf1, buf2, nC } = ls;
  let n1 = 0;
  for (let node = next[ls.startDepot(rU)]!; node !== x; node = next[node]!) buf1[n1++] = node;
  for (let node = v; node <= nC; node = prev[node]!) buf1[n1++] = node;
  let n2 = ls.rCount[rU]! - ls.pos[u]!;
  let back = n2;
  for (let node = x; node <= nC; node = next[node]!) buf2[--back] = node;
  for (let node = y; node <= nC; node = next[node]!) buf2[n2++] = node;
  ls.relink(rU, buf1, n1);
  ls.relink(rV, buf2, n2);
  ls.markMoved(rU, rV);
  return true;
}

/** 2-opt* joining u→y and v→x (route tails exchanged). */
export function move9(ls: LocalSearch): boolean {
  const D = ls.dist;
  const nn = ls.nn;
  const { u, v, x, y, rU, rV } = ls;
  const cv = ls.cv;
  const cx = ls.cx;
  const cy = ls.cy;
  const dUX = D[u * nn + cx]!;
  const dVY = D[cv * nn + cy]!;
  const dUY = D[u * nn + cy]!;
  const dVX = D[cv * nn + cx]!;
  let cost = dUY + dVX - dUX - dVY - ls.rPenalty[rU]! - ls.rPenalty[rV]!;
  if (cost >= 0) return false;
  const tu = ls.cumTime[u]!;
  const tv = ls.cumTime[v]!;
  const lu = ls.cumLoad[u]!;
  const lv = ls.cumLoad[v]!;
  cost +=
    ls.penDuration(tu + ls.rDuration[rV]! - tv - dVY + dUY) +
    ls.penDuration(ls.rDuration[rU]! - tu - dUX + tv + dVX) +
    ls.penLoad(lu + ls.rLoad[rV]! - lv) +
    ls.penLoad(lv + ls.rLoad[rU]! - lu);
  if (cost > -EPSILON) return false;
  const { next, buf1, buf2, nC } = ls;
  let n1 = 0;
  for (let node = next[ls.startDepot(rU)]!; node !== x; node = next[node]!) buf1[n1++] = node;
  for (let node = y; node <= nC; node = next[node]!) buf1[n1++] = node;
  let n2 = 0;
  for (let node = next[ls.startDepot(rV)]!; node !== y; node = next[node]!) buf2[n2++] = node;
  for (let node = x; node <= nC; node = next[node]!) buf2[n2++] = node;
  ls.relink(rU, buf1, n1);
  ls.relink(rV, buf2, n2);
  ls.markMoved(rU, rV);
  return true;
}
