import { describe, expect, it } from 'vitest';
import { hasBenchData, loadInstance, loadVrp } from './test-data.ts';
import { parseVrp, vrpToInstance } from './vrp-file.ts';

const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);

describe.skipIf(!hasBenchData)('parseVrp on the shipped CVRPLIB files', () => {
  it('reads an A file (leading/trailing spaces)', () => {
    const f = loadVrp('A-n32-k5');
    expect(f).toMatchObject({
      name: 'A-n32-k5',
      dimension: 32,
      capacity: 100,
      depot: 0,
      edgeWeightType: 'EUC_2D',
    });
    expect(f.ids).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect([f.x[0], f.y[0]]).toEqual([82, 76]);
    expect(f.demand[0]).toBe(0);
    expect(Math.ceil(sum(f.demand) / f.capacity)).toBe(5);
    expect(f.distanceLimit).toBeUndefined();
  });

  it('reads B and P files', () => {
    expect(loadVrp('B-n31-k5')).toMatchObject({ dimension: 31, capacity: 100 });
    const p = loadVrp('P-n16-k8');
    expect(p).toMatchObject({ dimension: 16, capacity: 35 });
    expect(p.demand).toHaveLength(16);
  });

  it('reads an X file with tabs and CRLF line endings', () => {
    const f = loadVrp('X-n101-k25');
    expect(f).toMatchObject({ name: 'X-n101-k25', dimension: 101, capacity: 206, depot: 0 });
    expect([f.x[0], f.y[0], f.x[1], f.y[1]]).toEqual([365, 689, 146, 180]);
    expect(f.demand.every(Number.isFinite)).toBe(true);
  });

  it('reads the duration limit and service time of a CMT file', () => {
    const f = loadVrp('CMT6');
    expect(f).toMatchObject({ dimension: 51, capacity: 160, distanceLimit: 200, serviceTime: 10 });
    const inst = loadInstance('CMT6', 'none');
    expect(inst.maxDuration).toBe(200);
    expect(inst.serviceTime).toBe(10);
    expect(inst.dist[1]).toBeCloseTo(Math.hypot(37 - 30, 52 - 40), 12);
    expect(loadInstance('CMT6', 'nint').dist[1]).toBe(14);
  });
});

describe('parseVrp on synthetic text', () => {
  const tiny = [
    'NAME : tiny',
    'TYPE : CVRP',
    'DIMENSION : 3',
    'EDGE_WEIGHT_TYPE : EUC_2D',
    'CAPACITY : 10',
    'NODE_COORD_SECTION',
    ' 1 0 0',
    ' 2 3 4',
    ' 3 0 1',
    'DEMAND_SECTION',
    '1 0',
    '2 5',
    '3 5',
    'DEPOT_SECTION',
    ' 1',
    ' -1',
    'EOF',
  ].join('\n');

  it('builds a symmetric rounded distance matrix', () => {
    const inst = vrpToInstance(parseVrp(tiny), 'nint');
    expect(Array.from(inst.dist)).toEqual([0, 5, 1, 5, 0, 4, 1, 4, 0]);
  });

  it('rejects unsupported or incomplete files', () => {
    expect(() => parseVrp(tiny.replace('EUC_2D', 'GEO'))).toThrow(/EDGE_WEIGHT_TYPE/);
    expect(() => parseVrp(tiny.replace('CAPACITY : 10', ''))).toThrow(/CAPACITY/);
    expect(() => parseVrp(tiny.replace(' 3 0 1\n', ''))).toThrow(/NODE_COORD_SECTION/);
    expect(() => parseVrp(tiny.replace('2 5', '2 x'))).toThrow(/unexpected line/);
  });
});
