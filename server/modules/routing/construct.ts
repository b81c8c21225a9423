import type { Problem } from './problem.ts';

/**
 * A quick feasible solution for an unlimited fleet: nearest-neighbour giant tour, then Split with
 * capacity and duration as hard limits. Each customer that can be served alone ends up feasible,
 * so the solver always has an answer even if the time budget is gone before the search starts.
 */
export function constructBaseline(p: Problem): number[][] {
  const { nC, nn, dist } = p;
  const tour = new Int32Array(nC);
  const used = new Uint8Array(nC + 1);
  let cur = 0;
  for (let k = 0; k < nC; k++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 1; j <= nC; j++) {
      if (used[j]) continue;
      const d = dist[cur * nn + j]!;
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    used[best] = 1;
    tour[k] = best;
    cur = best;
  }
  return hardSplit(p, tour);
}

function hardSplit(p: Problem, tour: Int32Array): number[][] {
  const { nC, nn, dist, demand, service, capacity, durationLimit } = p;
  const pot = new Float64Array(nC + 1).fill(Infinity);
  const pred = new Int32Array(nC + 1);
  pot[0] = 0;
  for (let i = 0; i < nC; i++) {
    let load = 0;
    let serv = 0;
    let travel = 0;
    let last = 0;
    for (let j = i + 1; j <= nC; j++) {
      const c = tour[j - 1]!;
      load += demand[c]!;
      serv += service[c]!;
      travel += dist[last * nn + c]!;
      last = c;
      const back = travel + dist[c * nn]!;
      // A lone customer is always accepted so that every customer gets a route.
      if (j > i + 1 && (load > capacity || back + serv > durationLimit)) break;
      if (pot[i]! + back < pot[j]!) {
        pot[j] = pot[i]! + back;
        pred[j] = i;
      }
    }
  }
  const routes: number[][] = [];
  for (let end = nC; end > 0; end = pred[end]!) routes.push(Array.from(tour.subarray(pred[end]!, end)));
  return routes.reverse();
}
