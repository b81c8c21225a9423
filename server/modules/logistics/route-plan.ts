import { solveCvrp } from '../routing/index.ts';
import { driveMinutes, type Point, roadKm, SERVICE_MINUTES } from './geo.ts';

export type PlanParcel = { id: string; centerId: string; weightGrams: number };
/** A van with the minutes of its shift still free on the date (dispatched trips deducted). */
export type PlanVan = { id: string; capacityKg: number; availableMinutes: number };
export type PlanInput = {
  hub: Point;
  centers: ReadonlyMap<string, Point>;
  parcels: readonly PlanParcel[];
  vans: readonly PlanVan[];
};
export type PlannedTrip = {
  vehicleId: string;
  stops: Array<{ centerId: string; parcelIds: string[] }>;
  distanceKm: number;
  /** Whole minutes, rounded up, so a van's trips add up exactly against its shift. */
  durationMinutes: number;
  loadGrams: number;
};
export type Plan = { trips: PlannedTrip[]; unplanned: string[] };
export type PlanOptions = { timeLimitMs: number; seed: number; maxIterations?: number };

/** Solver rounds; each one packs what it can, the next re-plans the leftovers for the vans still free. */
const MAX_PASSES = 4;

type Customer = { centerId: string; parcelIds: string[]; grams: number };
type Van = { id: string; capacityGrams: number; remaining: number };

/**
 * Plans one day of van trips from the hub. Each pass solves a CVRP (demand = grams per centre,
 * capacity and per-trip duration of one van profile) with the routing module, then packs the
 * trips into the vans' remaining shift time, best fit first. A centre whose load exceeds the
 * profile's capacity is split into several customers at the same spot (first-fit decreasing by
 * parcel), so its parcels may travel on different trips. What no van can carry within its
 * shift today comes back in `unplanned`. Every parcel ends up in exactly one of the two.
 */
export function planTrips(input: PlanInput, options: PlanOptions): Plan {
  const deadline = performance.now() + options.timeLimitMs;
  const vans: Van[] = input.vans.map((v) => ({
    id: v.id,
    capacityGrams: v.capacityKg * 1000,
    remaining: Math.floor(v.availableMinutes),
  }));
  const trips: PlannedTrip[] = [];
  const unplanned = input.parcels.filter((p) => !input.centers.has(p.centerId)).map((p) => p.id);
  let pending = input.parcels.filter((p) => input.centers.has(p.centerId));

  for (let pass = 0; pass < MAX_PASSES && pending.length > 0; pass++) {
    const free = vans.filter((v) => v.remaining > 0);
    if (free.length === 0) break;
    // First the roomiest profile; later the van with the most time left, so that each later
    // pass can place at least one trip.
    const longest = free.reduce((a, b) => (b.remaining > a.remaining ? b : a));
    const capacity = pass === 0 ? Math.max(...free.map((v) => v.capacityGrams)) : longest.capacityGrams;
    const maxMinutes = longest.remaining;
    const { servable, waiting } = customersFor(input, pending, capacity, maxMinutes);
    const budget = Math.max(1, (deadline - performance.now()) / (MAX_PASSES - pass));
    const candidates = solve(input, servable, capacity, maxMinutes, { ...options, timeLimitMs: budget });
    pending = waiting;
    for (const trip of candidates.sort((a, b) => b.durationMinutes - a.durationMinutes)) {
      const van = bestFit(vans, trip);
      if (!van) {
        pending = pending.concat(parcelsOf(trip, input.parcels));
        continue;
      }
      van.remaining -= trip.durationMinutes;
      trips.push({ ...trip, vehicleId: van.id });
    }
  }
  return { trips, unplanned: unplanned.concat(pending.map((p) => p.id)) };
}

/** Splits each centre's parcels into loads a van of `capacity` can carry and reach in time. */
function customersFor(
  input: PlanInput,
  parcels: readonly PlanParcel[],
  capacity: number,
  maxMinutes: number,
) {
  const byCenter = new Map<string, PlanParcel[]>();
  for (const p of parcels) byCenter.set(p.centerId, [...(byCenter.get(p.centerId) ?? []), p]);
  const servable: Customer[] = [];
  const waiting: PlanParcel[] = [];
  for (const [centerId, list] of byCenter) {
    const outAndBack = 2 * driveMinutes(roadKm(input.hub, input.centers.get(centerId)!)) + SERVICE_MINUTES;
    if (Math.ceil(outAndBack) > maxMinutes) {
      waiting.push(...list);
      continue;
    }
    const bins: Customer[] = [];
    for (const p of [...list].sort((a, b) => b.weightGrams - a.weightGrams)) {
      if (p.weightGrams > capacity) {
        waiting.push(p);
        continue;
      }
      let bin = bins.find((b) => b.grams + p.weightGrams <= capacity);
      if (!bin) {
        bin = { centerId, parcelIds: [], grams: 0 };
        bins.push(bin);
      }
      bin.parcelIds.push(p.id);
      bin.grams += p.weightGrams;
    }
    servable.push(...bins);
  }
  return { servable, waiting };
}

function solve(
  input: PlanInput,
  customers: Customer[],
  capacity: number,
  maxMinutes: number,
  options: PlanOptions,
): Array<Omit<PlannedTrip, 'vehicleId'>> {
  if (customers.length === 0) return [];
  const points = [input.hub, ...customers.map((c) => input.centers.get(c.centerId)!)];
  const n = points.length;
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const minutes = driveMinutes(roadKm(points[i]!, points[j]!));
      dist[i * n + j] = minutes;
      dist[j * n + i] = minutes;
    }
  }
  const result = solveCvrp(
    {
      n,
      depot: 0,
      demand: [0, ...customers.map((c) => c.grams)],
      capacity,
      dist,
      serviceTime: SERVICE_MINUTES,
      maxDuration: maxMinutes,
    },
    options,
  );
  // Routes are re-measured below and checked against the vans when packing, so even a
  // least-violating answer (`feasible: false`) never yields an over-full or over-long trip.
  return result.routes.map((route) =>
    toTrip(
      input.hub,
      route.map((node) => customers[node - 1]!),
      input,
    ),
  );
}

/** One trip in visiting order; loads of one centre on the same trip become a single stop. */
function toTrip(hub: Point, visits: Customer[], input: PlanInput): Omit<PlannedTrip, 'vehicleId'> {
  const stops: PlannedTrip['stops'] = [];
  for (const v of visits) {
    const stop = stops.find((s) => s.centerId === v.centerId);
    if (stop) stop.parcelIds.push(...v.parcelIds);
    else stops.push({ centerId: v.centerId, parcelIds: [...v.parcelIds] });
  }
  let km = 0;
  let at = hub;
  for (const s of stops) {
    const next = input.centers.get(s.centerId)!;
    km += roadKm(at, next);
    at = next;
  }
  km += roadKm(at, hub);
  return {
    stops,
    distanceKm: Math.round(km * 10) / 10,
    durationMinutes: Math.ceil(driveMinutes(km) + SERVICE_MINUTES * stops.length),
    loadGrams: visits.reduce((s, v) => s + v.grams, 0),
  };
}

/** The smallest van that carries the load and still has the time, keeping big vans for big loads. */
function bestFit(vans: Van[], trip: Omit<PlannedTrip, 'vehicleId'>): Van | undefined {
  return vans
    .filter((v) => v.capacityGrams >= trip.loadGrams && v.remaining >= trip.durationMinutes)
    .sort((a, b) => a.capacityGrams - b.capacityGrams || a.remaining - b.remaining)[0];
}

function parcelsOf(trip: Omit<PlannedTrip, 'vehicleId'>, parcels: readonly PlanParcel[]): PlanParcel[] {
  const ids = new Set(trip.stops.flatMap((s) => s.parcelIds));
  return parcels.filter((p) => ids.has(p.id));
}
