import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlanInput, planTrips, roadPairKey } from './route-plan.ts';

const hub = { lat: 28.59, lon: 119.27 };
const quick = { timeLimitMs: 100, seed: 7, maxIterations: 200 };

/** Small random counties: centres within ~40 km of the hub, parcels of 0.2–60 kg, 0–3 vans. */
const county = fc
  .record({
    centers: fc.array(
      fc.tuple(
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
      ),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
    parcels: fc.array(fc.tuple(fc.nat(100), fc.integer({ min: 200, max: 60_000 })), { maxLength: 40 }),
    collections: fc.array(fc.tuple(fc.nat(100), fc.integer({ min: 200, max: 60_000 })), { maxLength: 15 }),
    vans: fc.array(fc.tuple(fc.integer({ min: 20, max: 300 }), fc.integer({ min: 30, max: 480 })), {
      maxLength: 3,
    }),
  })
  .map(
    ({ centers, parcels, collections, vans }): PlanInput => ({
      hub,
      centers: new Map(
        centers.map(([dLat, dLon], i) => [`c${i}`, { lat: hub.lat + dLat, lon: hub.lon + dLon }]),
      ),
      parcels: parcels.map(([c, weightGrams], i) => ({
        id: `p${i}`,
        centerId: `c${c % centers.length}`,
        weightGrams,
      })),
      collections: collections.map(([c, weightGrams], i) => ({
        id: `o${i}`,
        centerId: `c${c % centers.length}`,
        weightGrams,
      })),
      vans: vans.map(([capacityKg, availableMinutes], i) => ({ id: `v${i}`, capacityKg, availableMinutes })),
    }),
  );

describe('van run planning', () => {
  it('puts every parcel in exactly one trip or left over, within capacity all along and shift', () => {
    fc.assert(
      fc.property(county, (input) => {
        const plan = planTrips(input, quick);
        const dropped = plan.trips.flatMap((t) => t.stops.flatMap((s) => s.parcelIds));
        const collected = plan.trips.flatMap((t) => t.stops.flatMap((s) => s.collectParcelIds));
        expect([...dropped, ...plan.unplanned].sort()).toEqual(input.parcels.map((p) => p.id).sort());
        expect([...collected, ...plan.uncollected].sort()).toEqual(
          input.collections!.map((p) => p.id).sort(),
        );
        const all = [...input.parcels, ...input.collections!];
        const weight = new Map(all.map((p) => [p.id, p.weightGrams]));
        const center = new Map(all.map((p) => [p.id, p.centerId]));
        const grams = (ids: string[]) => ids.reduce((s, id) => s + weight.get(id)!, 0);
        const used = new Map<string, number>();
        for (const trip of plan.trips) {
          const van = input.vans.find((v) => v.id === trip.vehicleId)!;
          let load = grams(trip.stops.flatMap((s) => s.parcelIds));
          let peak = load;
          for (const stop of trip.stops) {
            load += grams(stop.collectParcelIds) - grams(stop.parcelIds);
            peak = Math.max(peak, load);
          }
          expect(peak).toBe(trip.loadGrams);
          expect(peak).toBeLessThanOrEqual(van.capacityKg * 1000);
          for (const stop of trip.stops)
            for (const id of [...stop.parcelIds, ...stop.collectParcelIds])
              expect(center.get(id)).toBe(stop.centerId);
          expect(new Set(trip.stops.map((s) => s.centerId)).size).toBe(trip.stops.length);
          used.set(van.id, (used.get(van.id) ?? 0) + trip.durationMinutes);
        }
        for (const van of input.vans) expect(used.get(van.id) ?? 0).toBeLessThanOrEqual(van.availableMinutes);
      }),
      { numRuns: 60 },
    );
  });

  it('splits a centre whose load exceeds one van over several trips', () => {
    const input: PlanInput = {
      hub,
      centers: new Map([['c0', { lat: 28.65, lon: 119.3 }]]),
      parcels: Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, centerId: 'c0', weightGrams: 40_000 })),
      vans: [{ id: 'v0', capacityKg: 100, availableMinutes: 480 }],
    };
    const plan = planTrips(input, quick);
    expect(plan.unplanned).toEqual([]);
    expect(plan.trips).toHaveLength(3);
    expect(plan.trips.every((t) => t.vehicleId === 'v0' && t.loadGrams <= 100_000)).toBe(true);
  });

  it('leaves unplanned what no van can carry or reach within its shift', () => {
    const input: PlanInput = {
      hub,
      centers: new Map([
        ['near', { lat: 28.6, lon: 119.28 }],
        ['far', { lat: 30.5, lon: 121.0 }],
      ]),
      parcels: [
        { id: 'heavy', centerId: 'near', weightGrams: 500_000 },
        { id: 'remote', centerId: 'far', weightGrams: 1_000 },
        { id: 'ok', centerId: 'near', weightGrams: 1_000 },
      ],
      vans: [{ id: 'v0', capacityKg: 200, availableMinutes: 240 }],
    };
    const plan = planTrips(input, quick);
    expect(plan.unplanned.sort()).toEqual(['heavy', 'remote']);
    expect(plan.trips.map((t) => t.stops)).toEqual([
      [{ centerId: 'near', parcelIds: ['ok'], collectParcelIds: [] }],
    ]);
  });

  it('plans nothing without vans', () => {
    const plan = planTrips(
      {
        hub,
        centers: new Map([['c0', hub]]),
        parcels: [{ id: 'p', centerId: 'c0', weightGrams: 1 }],
        vans: [],
      },
      quick,
    );
    expect(plan).toEqual({ trips: [], unplanned: ['p'], uncollected: [] });
  });

  it('collects at the centres it visits and counts the load the van carries back', () => {
    const input: PlanInput = {
      hub,
      centers: new Map([
        ['a', { lat: 28.65, lon: 119.3 }],
        ['b', { lat: 28.55, lon: 119.2 }],
      ]),
      parcels: [{ id: 'in-a', centerId: 'a', weightGrams: 60_000 }],
      collections: [
        { id: 'out-a', centerId: 'a', weightGrams: 30_000 },
        { id: 'out-b', centerId: 'b', weightGrams: 40_000 },
      ],
      vans: [{ id: 'v0', capacityKg: 100, availableMinutes: 480 }],
    };
    const plan = planTrips(input, quick);
    expect(plan.unplanned).toEqual([]);
    expect(plan.uncollected).toEqual([]);
    expect(plan.trips).toHaveLength(1);
    const stops = new Map(plan.trips[0]!.stops.map((s) => [s.centerId, s]));
    expect(stops.get('a')).toMatchObject({ parcelIds: ['in-a'], collectParcelIds: ['out-a'] });
    expect(stops.get('b')).toMatchObject({ parcelIds: [], collectParcelIds: ['out-b'] });
    // 60 kg out to a, 30 + 40 kg back: one 100 kg van does it whichever centre comes first.
    expect(plan.trips[0]!.loadGrams).toBeGreaterThanOrEqual(70_000);
    expect(plan.trips[0]!.loadGrams).toBeLessThanOrEqual(100_000);
  });

  it('uses imported road distances where the county has them', () => {
    const centers = new Map([['a', { lat: 28.6, lon: 119.28 }]]);
    const parcels = [{ id: 'p', centerId: 'a', weightGrams: 1_000 }];
    const vans = [{ id: 'v0', capacityKg: 100, availableMinutes: 480 }];
    const estimated = planTrips({ hub, centers, parcels, vans }, quick);
    const imported = planTrips(
      { hub, centers, parcels, vans, roadDistances: new Map([[roadPairKey('hub', 'a'), 20]]) },
      quick,
    );
    expect(estimated.trips[0]!.distanceKm).toBeLessThan(5);
    expect(imported.trips[0]!.distanceKm).toBe(40);
  });
});
