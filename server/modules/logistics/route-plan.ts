import { solveCvrp } from '../routing/index.ts';
import { driveMinutes, type Point, roadKm, SERVICE_MINUTES } from './geo.ts';

export type PlanParcel = { id: string; centerId: string; weightGrams: number };
/** A van with the minutes of its shift still free on the date (dispatched trips deducted). */
export type PlanVan = { id: string; capacityKg: number; availableMinutes: number };
/** The id the hub goes by in road distances. */
export const HUB = 'hub';
/** Imported road km between two places (`HUB` or centre ids), keyed by `roadPairKey`. */
export type RoadDistances = ReadonlyMap<string, number>;
/** One key per unordered pair: roads are driven both ways. */
export const roadPairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
export type PlanInput = {
  hub: Point;
  centers: ReadonlyMap<string, Point>;
  /** Inbound parcels at the hub, to drop at their centres. */
  parcels: readonly PlanParcel[];
  /** Outbound parcels waiting at centres, to bring back to the hub. */
  collections?: readonly PlanParcel[];
  vans: readonly PlanVan[];
  /** Imported road distances; pairs it lacks fall back to great-circle × the road factor. */
  roadDistances?: RoadDistances;
};
export type PlannedStop = { centerId: string; parcelIds: string[]; collectParcelIds: string[] };
export type PlannedTrip = {
  vehicleId: string;
  stops: PlannedStop[];
  distanceKm: number;
  /** Whole minutes, rounded up, so a van's trips add up exactly against its shift. */
  durationMinutes: number;
  /** The most the van carries at any point of the trip: what is left to drop plus what it collected. */
  loadGrams: number;
};
export type Plan = { trips: PlannedTrip[]; unplanned: string[]; uncollected: string[] };
export type PlanOptions = { timeLimitMs: number; seed: number; maxIterations?: number };

/** Solver rounds; each one packs what it can, the next re-plans the leftovers for the vans still free. */
const MAX_PASSES = 4;

type Item = PlanParcel & { outbound: boolean };
/**
 * One visit to a centre: what the van drops and what it collects there. Its demand for the
 * solver is the larger of the two: on any route, the load at every point (drops still aboard
 * plus collections already made) is at most the sum of these maxima, so a route within
 * capacity by that measure is within capacity all the way.
 */
type Customer = { centerId: string; drop: Item[]; collect: Item[]; grams: number };
type Van = { id: string; capacityGrams: number; remaining: number };

/**
 * Plans one day of two-way van trips from the hub. Each pass solves a CVRP (demand per visit
 * as above, capacity and per-trip duration of one van profile) with the routing module, then
 * packs the trips into the vans' remaining shift time, best fit first. A centre whose load
 * exceeds the profile's capacity is split into several visits at the same spot (first-fit
 * decreasing by parcel), so its parcels may travel on different trips. What no van can carry
 * within its shift today comes back in `unplanned` (hub parcels) or `uncollected` (centre
 * parcels). Every parcel ends up in exactly one trip or one of those two lists.
 */
export function planTrips(input: PlanInput, options: PlanOptions): Plan {
  const deadline = performance.now() + options.timeLimitMs;
  const vans: Van[] = input.vans.map((v) => ({
    id: v.id,
    capacityGrams: v.capacityKg * 1000,
    remaining: Math.floor(v.availableMinutes),
  }));
  const km = distances(input);
  const all: Item[] = [
    ...input.parcels.map((p) => ({ ...p, outbound: false })),
    ...(input.collections ?? []).map((p) => ({ ...p, outbound: true })),
  ];
  const trips: PlannedTrip[] = [];
  const left: Item[] = all.filter((p) => !input.centers.has(p.centerId));
  let pending = all.filter((p) => input.centers.has(p.centerId));

  for (let pass = 0; pass < MAX_PASSES && pending.length > 0; pass++) {
    const free = vans.filter((v) => v.remaining > 0);
    if (free.length === 0) break;
    // First the roomiest profile; later the van with the most time left, so that each later
    // pass can place at least one trip.
    const longest = free.reduce((a, b) => (b.remaining > a.remaining ? b : a));
    const capacity = pass === 0 ? Math.max(...free.map((v) => v.capacityGrams)) : longest.capacityGrams;
    const maxMinutes = longest.remaining;
    const { servable, waiting } = customersFor(km, pending, capacity, maxMinutes);
    const budget = Math.max(1, (deadline - performance.now()) / (MAX_PASSES - pass));
    const candidates = solve(km, servable, capacity, maxMinutes, { ...options, timeLimitMs: budget });
    pending = waiting;
    for (const trip of candidates.sort((a, b) => b.durationMinutes - a.durationMinutes)) {
      const van = bestFit(vans, trip);
      if (!van) {
        pending = pending.concat(itemsOf(trip, all));
        continue;
      }
      van.remaining -= trip.durationMinutes;
      trips.push({ ...trip, vehicleId: van.id });
    }
  }
  const rest = left.concat(pending);
  return {
    trips,
    unplanned: rest.filter((p) => !p.outbound).map((p) => p.id),
    uncollected: rest.filter((p) => p.outbound).map((p) => p.id),
  };
}

/** Road km between places, imported where known, else estimated from coordinates. */
function distances(input: PlanInput): (a: string, b: string) => number {
  const at = (id: string) => (id === HUB ? input.hub : input.centers.get(id)!);
  return (a, b) => (a === b ? 0 : (input.roadDistances?.get(roadPairKey(a, b)) ?? roadKm(at(a), at(b))));
}

/** Splits each centre's parcels into visits a van of `capacity` can carry and reach in time. */
function customersFor(
  km: (a: string, b: string) => number,
  items: readonly Item[],
  capacity: number,
  maxMinutes: number,
) {
  const byCenter = new Map<string, Item[]>();
  for (const p of items) byCenter.set(p.centerId, [...(byCenter.get(p.centerId) ?? []), p]);
  const servable: Customer[] = [];
  const waiting: Item[] = [];
  for (const [centerId, list] of byCenter) {
    const outAndBack = driveMinutes(km(HUB, centerId) + km(centerId, HUB)) + SERVICE_MINUTES;
    if (Math.ceil(outAndBack) > maxMinutes) {
      waiting.push(...list);
      continue;
    }
    const fits = list.filter((p) => p.weightGrams <= capacity);
    waiting.push(...list.filter((p) => p.weightGrams > capacity));
    const drops = binPack(
      fits.filter((p) => !p.outbound),
      capacity,
    );
    const collects = binPack(
      fits.filter((p) => p.outbound),
      capacity,
    );
    for (let i = 0; i < Math.max(drops.length, collects.length); i++) {
      const drop = drops[i] ?? [];
      const collect = collects[i] ?? [];
      servable.push({ centerId, drop, collect, grams: Math.max(weight(drop), weight(collect)) });
    }
  }
  return { servable, waiting };
}

const weight = (items: readonly Item[]) => items.reduce((s, p) => s + p.weightGrams, 0);

/** First-fit decreasing into bins of `capacity`. */
function binPack(items: Item[], capacity: number): Item[][] {
  const bins: Item[][] = [];
  for (const p of [...items].sort((a, b) => b.weightGrams - a.weightGrams)) {
    const bin = bins.find((b) => weight(b) + p.weightGrams <= capacity);
    if (bin) bin.push(p);
    else bins.push([p]);
  }
  return bins;
}

function solve(
  km: (a: string, b: string) => number,
  customers: Customer[],
  capacity: number,
  maxMinutes: number,
  options: PlanOptions,
): Array<Omit<PlannedTrip, 'vehicleId'>> {
  if (customers.length === 0) return [];
  const places = [HUB, ...customers.map((c) => c.centerId)];
  const n = places.length;
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) dist[i * n + j] = driveMinutes(km(places[i]!, places[j]!));
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
      km,
      route.map((node) => customers[node - 1]!),
    ),
  );
}

/** One trip in visiting order; visits of one centre on the same trip become a single stop. */
function toTrip(km: (a: string, b: string) => number, visits: Customer[]): Omit<PlannedTrip, 'vehicleId'> {
  const stops: PlannedStop[] = [];
  for (const v of visits) {
    let stop = stops.find((s) => s.centerId === v.centerId);
    if (!stop) {
      stop = { centerId: v.centerId, parcelIds: [], collectParcelIds: [] };
      stops.push(stop);
    }
    stop.parcelIds.push(...v.drop.map((p) => p.id));
    stop.collectParcelIds.push(...v.collect.map((p) => p.id));
  }
  let total = 0;
  let at = HUB;
  for (const s of stops) {
    total += km(at, s.centerId);
    at = s.centerId;
  }
  total += km(at, HUB);
  const dropGrams = new Map(stops.map((s) => [s.centerId, 0]));
  const collectGrams = new Map(stops.map((s) => [s.centerId, 0]));
  for (const v of visits) {
    dropGrams.set(v.centerId, dropGrams.get(v.centerId)! + weight(v.drop));
    collectGrams.set(v.centerId, collectGrams.get(v.centerId)! + weight(v.collect));
  }
  let load = [...dropGrams.values()].reduce((s, g) => s + g, 0);
  let peak = load;
  for (const s of stops) {
    load += collectGrams.get(s.centerId)! - dropGrams.get(s.centerId)!;
    peak = Math.max(peak, load);
  }
  return {
    stops,
    distanceKm: Math.round(total * 10) / 10,
    durationMinutes: Math.ceil(driveMinutes(total) + SERVICE_MINUTES * stops.length),
    loadGrams: peak,
  };
}

/** The smallest van that carries the load and still has the time, keeping big vans for big loads. */
function bestFit(vans: Van[], trip: Omit<PlannedTrip, 'vehicleId'>): Van | undefined {
  return vans
    .filter((v) => v.capacityGrams >= trip.loadGrams && v.remaining >= trip.durationMinutes)
    .sort((a, b) => a.capacityGrams - b.capacityGrams || a.remaining - b.remaining)[0];
}

function itemsOf(trip: Omit<PlannedTrip, 'vehicleId'>, items: readonly Item[]): Item[] {
  const ids = new Set(trip.stops.flatMap((s) => [...s.parcelIds, ...s.collectParcelIds]));
  return items.filter((p) => ids.has(p.id));
}
