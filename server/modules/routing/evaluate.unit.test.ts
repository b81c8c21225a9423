import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSolution } from './evaluate.ts';
import { benchDir, hasBenchData, loadInstance } from './test-data.ts';
import type { CvrpInstance } from './types.ts';
import { parseSolution } from './vrp-file.ts';

function shippedSolution(name: string) {
  return parseSolution(readFileSync(join(benchDir, 'solutions', `${name}.sol`), 'utf8'));
}

describe.skipIf(!hasBenchData)('checkSolution on the shipped best-known solutions', () => {
  it('recomputes A-n32-k5 = 784 with nint distances and 5 vehicles', () => {
    const sol = shippedSolution('A-n32-k5');
    const check = checkSolution(loadInstance('A-n32-k5', 'nint'), sol.routes, 5);
    expect(check).toEqual({ cost: 784, feasible: true, violations: [] });
  });

  it('recomputes CMT6 = 555.43 with exact distances within the duration limit', () => {
    const check = checkSolution(loadInstance('CMT6', 'none'), shippedSolution('CMT6').routes);
    expect(check.feasible).toBe(true);
    expect(Math.round(check.cost * 100) / 100).toBe(555.43);
  });

  it('recomputes every shipped .sol cost exactly', () => {
    const files = readdirSync(join(benchDir, 'solutions')).filter((f) => f.endsWith('.sol'));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const name = file.replace(/\.sol$/, '');
      const cmt = name.startsWith('CMT');
      const sol = shippedSolution(name);
      const check = checkSolution(loadInstance(name, cmt ? 'none' : 'nint'), sol.routes);
      expect(check.violations, name).toEqual([]);
      expect(cmt ? Math.round(check.cost * 100) / 100 : check.cost, name).toBe(sol.cost);
    }
  });
});

describe('checkSolution violations', () => {
  // Depot 0 at the origin, customers 1 and 2 on the axes at distance 3 and 4 (5 apart).
  const inst: CvrpInstance = {
    n: 3,
    depot: 0,
    demand: [0, 6, 6],
    capacity: 10,
    dist: Float64Array.from([0, 3, 4, 3, 0, 5, 4, 5, 0]),
    serviceTime: 1,
    maxDuration: 10,
  };

  it('accepts a feasible solution and sums its cost', () => {
    expect(checkSolution(inst, [[1], [2]], 2)).toEqual({ cost: 14, feasible: true, violations: [] });
  });

  it('reports each kind of violation', () => {
    const msgs = (routes: number[][], k?: number) => checkSolution(inst, routes, k).violations.join('|');
    expect(msgs([[1]])).toMatch(/node 2 is not visited/);
    expect(msgs([[1], [1, 2]])).toMatch(/node 1 is visited more than once/);
    expect(msgs([[1, 2]])).toMatch(/load 12 exceeds 10/);
    expect(msgs([[1, 2]])).toMatch(/duration 14 exceeds 10/);
    expect(msgs([[1], [2]], 1)).toMatch(/2 routes exceed the fleet of 1/);
    expect(msgs([[1], [2], []])).toMatch(/route 2 is empty/);
    expect(msgs([[1, 0], [2]])).toMatch(/invalid node 0/);
  });
});
