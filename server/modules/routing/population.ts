import { brokenPairsDistance, EPSILON, Individual, type Penalties } from './individual.ts';
import type { Problem } from './problem.ts';
import type { Rng } from './rng.ts';

/** HGS-CVRP population parameters (Vidal 2022 defaults). */
const MU = 25;
const LAMBDA = 40;
const NB_ELITE = 4;
const NB_CLOSE = 5;
const TARGET_FEASIBLE = 0.2;
const PENALTY_INCREASE = 1.2;
const PENALTY_DECREASE = 0.85;
const FEASIBILITY_WINDOW = 100;

/**
 * Feasible and infeasible subpopulations, each kept sorted by penalised cost, with survivor
 * selection on biased fitness (cost rank + diversity rank) so the search does not collapse.
 */
export class Population {
  readonly feasible: Individual[] = [];
  readonly infeasible: Individual[] = [];
  private readonly loadOk: boolean[] = [];
  private readonly durationOk: boolean[] = [];
  /** Best feasible solution since the last restart / overall. */
  bestRestart: Individual | null = null;
  bestOverall: Individual | null = null;
  /** Least-violating infeasible solution, kept in case no feasible one is ever found. */
  leastInfeasible: Individual | null = null;

  constructor(
    private readonly p: Problem,
    private readonly slots: number,
    private readonly pen: Penalties,
    private readonly rng: Rng,
  ) {
    for (let i = 0; i < FEASIBILITY_WINDOW; i++) {
      this.loadOk.push(true);
      this.durationOk.push(true);
    }
  }

  static readonly initialSize = 4 * MU;

  /** Inserts a copy of `ind`; returns true when it improves the best feasible solution of this restart. */
  add(ind: Individual, trackFeasibility: boolean): boolean {
    if (trackFeasibility) {
      this.loadOk.shift();
      this.loadOk.push(ind.capacityExcess < EPSILON);
      this.durationOk.shift();
      this.durationOk.push(ind.durationExcess < EPSILON);
    }
    const subpop = ind.feasible ? this.feasible : this.infeasible;
    const copy = new Individual(this.p, this.slots);
    copy.copyFrom(ind);
    for (const other of subpop) {
      const d = brokenPairsDistance(copy, other, this.p.nC);
      insertSorted(other.proximity, d, copy);
      insertSorted(copy.proximity, d, other);
    }
    let place = subpop.length;
    while (place > 0 && subpop[place - 1]!.penalizedCost > ind.penalizedCost - EPSILON) place--;
    subpop.splice(place, 0, copy);
    if (subpop.length > MU + LAMBDA) while (subpop.length > MU) this.removeWorst(subpop);

    if (!ind.feasible) {
      const li = this.leastInfeasible;
      const violation = ind.capacityExcess + ind.durationExcess;
      if (!li || violation < li.capacityExcess + li.durationExcess - EPSILON) {
        this.leastInfeasible = new Individual(this.p, this.slots);
        this.leastInfeasible.copyFrom(ind);
      }
      return false;
    }
    if (this.bestRestart && ind.distance >= this.bestRestart.distance - EPSILON) return false;
    this.bestRestart = copy;
    if (!this.bestOverall || ind.distance < this.bestOverall.distance - EPSILON) {
      this.bestOverall = new Individual(this.p, this.slots);
      this.bestOverall.copyFrom(ind);
    }
    return true;
  }

  binaryTournament(): Individual {
    const nf = this.feasible.length;
    const total = nf + this.infeasible.length;
    const a = this.rng.int(total);
    const b = this.rng.int(total);
    this.updateBiasedFitness(this.feasible);
    this.updateBiasedFitness(this.infeasible);
    const ia = a < nf ? this.feasible[a]! : this.infeasible[a - nf]!;
    const ib = b < nf ? this.feasible[b]! : this.infeasible[b - nf]!;
    return ia.biasedFitness < ib.biasedFitness ? ia : ib;
  }

  /** Steers the share of capacity-/duration-feasible offspring towards TARGET_FEASIBLE. */
  managePenalties(): void {
    this.pen.capacity = adapt(this.pen.capacity, this.loadOk);
    this.pen.duration = adapt(this.pen.duration, this.durationOk);
    for (const ind of this.infeasible) {
      ind.penalizedCost =
        ind.distance + this.pen.capacity * ind.capacityExcess + this.pen.duration * ind.durationExcess;
    }
    this.infeasible.sort((a, b) => a.penalizedCost - b.penalizedCost);
  }

  restart(): void {
    this.feasible.length = 0;
    this.infeasible.length = 0;
    this.bestRestart = null;
  }

  private updateBiasedFitness(pop: Individual[]): void {
    const n = pop.length;
    if (n === 1) pop[0]!.biasedFitness = 0;
    if (n <= 1) return;
    const ranking = pop.map((ind, i) => ({ div: -ind.averageClosestDistance(NB_CLOSE), i }));
    ranking.sort((a, b) => a.div - b.div || a.i - b.i);
    for (let k = 0; k < n; k++) {
      const divRank = k / (n - 1);
      const { i } = ranking[k]!;
      const fitRank = i / (n - 1);
      pop[i]!.biasedFitness = n <= NB_ELITE ? fitRank : fitRank + (1 - NB_ELITE / n) * divRank;
    }
  }

  /** Removes a clone if there is one, else the individual with the worst biased fitness (never the best). */
  private removeWorst(pop: Individual[]): void {
    this.updateBiasedFitness(pop);
    let worst = -1;
    let worstClone = false;
    let worstFit = -Infinity;
    for (let i = 1; i < pop.length; i++) {
      const ind = pop[i]!;
      const clone = ind.averageClosestDistance(1) < EPSILON;
      if ((clone && !worstClone) || (clone === worstClone && ind.biasedFitness > worstFit)) {
        worst = i;
        worstClone = clone;
        worstFit = ind.biasedFitness;
      }
    }
    const [gone] = pop.splice(worst, 1);
    for (const other of pop) {
      const k = other.proximity.findIndex((e) => e.ind === gone);
      if (k >= 0) other.proximity.splice(k, 1);
    }
  }
}

function adapt(penalty: number, history: boolean[]): number {
  let ok = 0;
  for (const h of history) if (h) ok++;
  const fraction = ok / history.length;
  if (fraction < TARGET_FEASIBLE - 0.05 && penalty < 100000)
    return Math.min(penalty * PENALTY_INCREASE, 100000);
  if (fraction > TARGET_FEASIBLE + 0.05 && penalty > 0.1) return Math.max(penalty * PENALTY_DECREASE, 0.1);
  return penalty;
}

function insertSorted(list: { d: number; ind: Individual }[], d: number, ind: Individual): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.d > d) i--;
  list.splice(i, 0, { d, ind });
}
