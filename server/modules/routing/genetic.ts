import { Individual, type Penalties } from './individual.ts';
import { LocalSearch } from './local-search.ts';
import { Population } from './population.ts';
import type { Problem } from './problem.ts';
import type { Rng } from './rng.ts';
import { Splitter } from './split.ts';

/** Non-improving iterations before the population is restarted (HGS-CVRP default). */
const ITERATIONS_BEFORE_RESTART = 20000;
const PENALTY_MANAGEMENT_PERIOD = 100;
/** Repair runs the local search again with penalties multiplied by this factor. */
const REPAIR_FACTOR = 10;
/** Largest share of the time budget spent building an initial population. */
const INITIAL_POPULATION_TIME_SHARE = 0.15;

export interface SearchBudget {
  deadline: number;
  maxIterations: number;
}

export interface SearchOutcome {
  best: Individual | null;
  leastInfeasible: Individual | null;
  iterations: number;
  restarts: number;
}

/** Hybrid genetic search (Vidal 2022, HGS-CVRP) with `slots` route slots as the fleet limit. */
export function hybridGeneticSearch(
  p: Problem,
  slots: number,
  rng: Rng,
  budget: SearchBudget,
): SearchOutcome {
  const pen: Penalties = {
    capacity: Math.max(0.1, Math.min(1000, p.maxDist / Math.max(p.maxDemand, 1e-9))),
    duration: 1,
  };
  const splitter = new Splitter(p, slots);
  const ls = new LocalSearch(p, slots, rng);
  const pop = new Population(p, slots, pen, rng);
  const child = new Individual(p, slots);
  const timeLeft = () => performance.now() < budget.deadline;

  const educateAndAdd = (ind: Individual): boolean => {
    ls.run(ind, pen);
    let improved = pop.add(ind, true);
    if (!ind.feasible && rng.int(2) === 0) {
      ls.run(ind, { capacity: pen.capacity * REPAIR_FACTOR, duration: pen.duration * REPAIR_FACTOR });
      if (ind.feasible) improved = pop.add(ind, false) || improved;
    }
    return improved;
  };

  // Under short budgets on large instances, educating a full initial population would eat most of
  // the time; the evolution makes better use of it.
  const generationBudget = (budget.deadline - performance.now()) * INITIAL_POPULATION_TIME_SHARE;
  const generate = (): void => {
    const stop = Math.min(budget.deadline, performance.now() + generationBudget);
    for (let i = 0; i < Population.initialSize && (i === 0 ? timeLeft() : performance.now() < stop); i++) {
      for (let k = 0; k < p.nC; k++) child.tour[k] = k + 1;
      rng.shuffle(child.tour);
      splitter.split(child, slots, pen);
      educateAndAdd(child);
    }
  };

  generate();
  let iterations = 0;
  let restarts = 0;
  let nonImproving = 1;
  while (iterations < budget.maxIterations && timeLeft()) {
    iterations++;
    const parent1 = pop.binaryTournament();
    const parent2 = pop.binaryTournament();
    orderCrossover(child.tour, parent1.tour, parent2.tour, rng);
    splitter.split(child, parent1.nbRoutes, pen);
    nonImproving = educateAndAdd(child) ? 1 : nonImproving + 1;
    if (iterations % PENALTY_MANAGEMENT_PERIOD === 0) pop.managePenalties();
    if (nonImproving === ITERATIONS_BEFORE_RESTART) {
      pop.restart();
      restarts++;
      generate();
      nonImproving = 1;
    }
  }
  return { best: pop.bestOverall, leastInfeasible: pop.leastInfeasible, iterations, restarts };
}

/** OX: a random slice of parent 1, the remaining clients in parent 2's order after the slice. */
function orderCrossover(out: Int32Array, a: Int32Array, b: Int32Array, rng: Rng): void {
  const n = a.length;
  const seen = new Uint8Array(n + 1);
  const start = rng.int(n);
  let end = rng.int(n);
  while (end === start) end = rng.int(n);
  let j = start;
  while (j % n !== (end + 1) % n) {
    const c = a[j % n]!;
    out[j % n] = c;
    seen[c] = 1;
    j++;
  }
  for (let i = 1; i <= n; i++) {
    const c = b[(end + i) % n]!;
    if (!seen[c]) {
      out[j % n] = c;
      j++;
    }
  }
}
