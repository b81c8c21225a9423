import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { euclideanMatrix } from './distance.ts';
import { checkSolution } from './evaluate.ts';
import { solveCvrp } from './index.ts';
import { hasBenchData, loadInstance } from './test-data.ts';
import type { CvrpInstance } from './types.ts';

/*
 * Iteration budgets instead of time limits keep these tests deterministic on any machine: the
 * time limits below are only a safety net and are never expected to be hit.
 */
const SAFETY_MS = 60_000;

const arbInstance = fc
  .record({
    points: fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), {
      minLength: 2,
      maxLength: 16,
    }),
    capacity: fc.integer({ min: 10, max: 40 }),
    demandSeed: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 16, maxLength: 16 }),
    service: fc.integer({ min: 0, max: 5 }),
    withDuration: fc.boolean(),
    durationSlack: fc.integer({ min: 0, max: 200 }),
    round: fc.constantFrom('nint' as const, 'none' as const),
  })
  .map(({ points, capacity, demandSeed, service, withDuration, durationSlack, round }) => {
    const n = points.length;
    const dist = euclideanMatrix(
      points.map((p) => p[0]),
      points.map((p) => p[1]),
      round,
    );
    const demand = points.map((_, i) => (i === 0 ? 0 : demandSeed[i]!));
    const inst: CvrpInstance = { n, depot: 0, demand, capacity, dist, serviceTime: service };
    if (withDuration) {
      // Every customer must be servable alone, otherwise no feasible solution exists.
      let longest = 0;
      for (let i = 1; i < n; i++) longest = Math.max(longest, dist[i]! + dist[i * n]! + service);
      inst.maxDuration = longest + durationSlack;
    }
    return inst;
  });

describe('solveCvrp properties on small random instances', () => {
  it('returns a feasible solution visiting each customer exactly once (unlimited fleet)', () => {
    fc.assert(
      fc.property(arbInstance, fc.integer({ min: 0, max: 1000 }), (inst, seed) => {
        const result = solveCvrp(inst, { timeLimitMs: SAFETY_MS, seed, maxIterations: 40 });
        expect(result.feasible).toBe(true);
        const check = checkSolution(inst, result.routes);
        expect(check.violations).toEqual([]);
        expect(result.cost).toBeCloseTo(check.cost, 9);
      }),
      { numRuns: 40, seed: 20261126 },
    );
  });

  it('respects a fleet cap whenever it reports feasibility', () => {
    fc.assert(
      fc.property(arbInstance, fc.integer({ min: 1, max: 4 }), (inst, extra) => {
        let total = 0;
        for (let i = 0; i < inst.n; i++) total += inst.demand[i]!;
        const maxVehicles = Math.max(1, Math.ceil(total / inst.capacity) + extra - 2);
        const result = solveCvrp(inst, { timeLimitMs: SAFETY_MS, seed: 7, maxVehicles, maxIterations: 40 });
        const check = checkSolution(inst, result.routes, maxVehicles);
        if (result.feasible) expect(check.violations).toEqual([]);
        else expect(check.feasible).toBe(false);
        // Even an infeasible answer serves every customer once within the fleet.
        expect(result.routes.length).toBeLessThanOrEqual(maxVehicles);
        expect(result.routes.flat().sort((a, b) => a - b)).toEqual(
          Array.from({ length: inst.n - 1 }, (_, i) => i + 1),
        );
      }),
      { numRuns: 40, seed: 42 },
    );
  });

  it('is deterministic for a given seed and iteration budget', () => {
    fc.assert(
      fc.property(arbInstance, fc.integer({ min: 0, max: 1000 }), (inst, seed) => {
        const opts = { timeLimitMs: SAFETY_MS, seed, maxIterations: 30 };
        const a = solveCvrp(inst, opts);
        const b = solveCvrp(inst, opts);
        expect(b.routes).toEqual(a.routes);
        expect(b.cost).toBe(a.cost);
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});

describe('solveCvrp edge cases', () => {
  const line = (demand: number[], capacity: number): CvrpInstance => {
    const xs = demand.map((_, i) => i);
    return { n: demand.length, depot: 0, demand, capacity, dist: euclideanMatrix(xs, xs, 'none') };
  };

  it('handles an instance without customers and with a single customer', () => {
    expect(solveCvrp(line([0], 5), { timeLimitMs: 100, seed: 1 })).toMatchObject({
      feasible: true,
      routes: [],
    });
    const one = solveCvrp(line([0, 3], 5), { timeLimitMs: 100, seed: 1 });
    expect(one).toMatchObject({ feasible: true, routes: [[1]] });
    expect(one.cost).toBeCloseTo(2 * Math.SQRT2, 12);
  });

  it('accepts a depot that is not node 0', () => {
    const inst = line([4, 0, 4, 4], 8);
    inst.depot = 1;
    const result = solveCvrp(inst, { timeLimitMs: SAFETY_MS, seed: 1, maxIterations: 20 });
    expect(checkSolution(inst, result.routes).violations).toEqual([]);
    expect(result.routes.flat()).not.toContain(1);
  });

  it('still returns a feasible solution when the time budget is already spent', () => {
    const xs = Array.from({ length: 25 }, (_, i) => (i * 7) % 10);
    const ys = Array.from({ length: 25 }, (_, i) => Math.floor(i / 5) * 3);
    const demand = xs.map((_, i) => (i === 0 ? 0 : 3));
    const inst: CvrpInstance = {
      n: 25,
      depot: 0,
      demand,
      capacity: 10,
      dist: euclideanMatrix(xs, ys, 'none'),
      serviceTime: 1,
      maxDuration: 40,
    };
    const result = solveCvrp(inst, { timeLimitMs: 0, seed: 1 });
    expect(result.feasible).toBe(true);
    expect(result.stats.iterations).toBe(0);
    expect(checkSolution(inst, result.routes).violations).toEqual([]);
  });

  it('reports feasible:false when the fleet cap cannot carry the demand', () => {
    const inst = line([0, 5, 5, 5, 5], 10);
    const result = solveCvrp(inst, { timeLimitMs: SAFETY_MS, seed: 1, maxVehicles: 1, maxIterations: 20 });
    expect(result.feasible).toBe(false);
    expect(result.routes).toHaveLength(1);
    expect(checkSolution(inst, result.routes, 1).feasible).toBe(false);
  });

  it('reports feasible:false when a customer exceeds the vehicle capacity', () => {
    const result = solveCvrp(line([0, 3, 12], 10), { timeLimitMs: SAFETY_MS, seed: 1, maxIterations: 20 });
    expect(result.feasible).toBe(false);
    expect(result.routes.flat().sort()).toEqual([1, 2]);
  });

  it('rejects malformed input', () => {
    const inst = line([0, 1], 5);
    expect(() => solveCvrp(inst, { timeLimitMs: -1, seed: 1 })).toThrow(RangeError);
    expect(() => solveCvrp(inst, { timeLimitMs: 10, seed: 1.5 })).toThrow(RangeError);
    expect(() => solveCvrp(inst, { timeLimitMs: 10, seed: 1, maxVehicles: 0 })).toThrow(RangeError);
    expect(() => solveCvrp({ ...inst, dist: new Float64Array(3) }, { timeLimitMs: 10, seed: 1 })).toThrow(
      RangeError,
    );
  });
});

describe.skipIf(!hasBenchData)('solveCvrp quality on benchmark instances', () => {
  const cases = [
    { name: 'A-n32-k5', round: 'nint' as const, maxVehicles: 5, bks: 784 },
    { name: 'P-n16-k8', round: 'nint' as const, maxVehicles: 8, bks: 450 },
    { name: 'CMT6', round: 'none' as const, maxVehicles: undefined, bks: 555.43 },
  ];
  for (const c of cases) {
    it(`${c.name} within 1% of the best-known solution`, () => {
      const inst = loadInstance(c.name, c.round);
      const result = solveCvrp(inst, {
        timeLimitMs: SAFETY_MS,
        seed: 1,
        maxVehicles: c.maxVehicles,
        maxIterations: 500,
      });
      const check = checkSolution(inst, result.routes, c.maxVehicles);
      expect(check.violations).toEqual([]);
      expect(check.cost).toBeLessThanOrEqual(c.bks * 1.01);
    });
  }
});
