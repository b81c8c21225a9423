/**
 * The county vans' runs, two-way as `logistics/route-plan.ts` loads them: a run drops the
 * parcels of the hub at its centres and collects the outbound parcels waiting there. Runs are
 * completed while the county's orders are generated and written at its end, with their stops
 * in visiting order and the road they took.
 */
import type { Ctx } from './context.ts';
import { haversineKm } from './geo.ts';
import type { CentrePlan, CountyPlan } from './network.ts';
import { VAN_CAPACITY_KG } from './onboarding.ts';
import { CST, cstDate, DAY, HOUR, iso, MINUTE } from './rng.ts';
import type { Sink } from './sink.ts';

export type Run = {
  id: string;
  date: string;
  vehicleId: string;
  trip: number;
  dispatchedMs: number;
  stops: CentrePlan[];
  /** Grams dropped at and collected from each centre (by id). */
  drops: Map<string, number>;
  collects: Map<string, number>;
};

/** The county's runs by `departure day|vehicle|trip`. */
export type Runs = Map<string, Run>;

export type Way = 'drop' | 'collect';

/**
 * The planner's capacity measure: each visit weighs the larger of what it drops and what it
 * collects, so no order of the stops can load the van beyond the sum.
 */
function demand(run: Run, add?: { centre: string; grams: number; way: Way }): number {
  let total = 0;
  for (const centre of run.stops) {
    let drop = run.drops.get(centre.id) ?? 0;
    let collect = run.collects.get(centre.id) ?? 0;
    if (add?.centre === centre.id) {
      if (add.way === 'drop') drop += add.grams;
      else collect += add.grams;
      add = undefined;
    }
    total += Math.max(drop, collect);
  }
  return add ? total + add.grams : total;
}

/** The morning run (08:00 China time, vans 20 minutes apart) that leaves the hub first after `ms`. */
export function runDeparture(ms: number, vehicle: number): number {
  const offset = 8 * HOUR + vehicle * 20 * MINUTE;
  let day = Math.floor((ms + CST) / DAY) * DAY - CST;
  if (day + offset < ms) day += DAY;
  return day + offset;
}

/**
 * The trip of the centre's van from the first departure after `ms` that still has room for
 * `grams`: the morning trip, or a later one of the same van once the earlier ones are full.
 * Nothing is loaded yet: `board` does that once the trip's time has come.
 */
export function nextTrip(
  runs: Runs,
  centre: CentrePlan,
  vehicles: string[],
  ms: number,
  grams: number,
  way: Way,
): { key: string; vehicle: number; trip: number; departsMs: number } {
  const vehicle = centre.index % vehicles.length;
  const day = runDeparture(ms, vehicle);
  let trip = 1;
  let run = runs.get(`${day}|${vehicle}|${trip}`);
  while (run && demand(run, { centre: centre.id, grams, way }) > VAN_CAPACITY_KG * 1_000) {
    trip += 1;
    run = runs.get(`${day}|${vehicle}|${trip}`);
  }
  return { key: `${day}|${vehicle}|${trip}`, vehicle, trip, departsMs: day + (trip - 1) * 5 * HOUR };
}

/** Loads a parcel on the trip `nextTrip` found, opening the run if it is the trip's first. */
export function board(
  ctx: Ctx,
  runs: Runs,
  centre: CentrePlan,
  vehicles: string[],
  slot: ReturnType<typeof nextTrip>,
  grams: number,
  way: Way,
): Run {
  let run = runs.get(slot.key);
  if (!run) {
    run = {
      id: ctx.rng.idAt(slot.departsMs - 12 * HOUR),
      date: cstDate(slot.departsMs),
      vehicleId: vehicles[slot.vehicle]!,
      trip: slot.trip,
      dispatchedMs: slot.departsMs,
      stops: [],
      drops: new Map(),
      collects: new Map(),
    };
    runs.set(slot.key, run);
  }
  if (!run.stops.includes(centre)) run.stops.push(centre);
  const loads = way === 'drop' ? run.drops : run.collects;
  loads.set(centre.id, (loads.get(centre.id) ?? 0) + grams);
  return run;
}

/**
 * The runs with their stops, nearest next (the order a driver who knows the county would
 * take), and the peak load along that order as the planner records it: every drop aboard at
 * the hub, then each stop takes off its drops and puts on its collections.
 */
export function writeRuns(sink: Sink, county: CountyPlan, runs: Runs): void {
  for (const run of runs.values()) {
    const hub = { lat: county.lat, lon: county.lon };
    const left = [...run.stops];
    const ordered: CentrePlan[] = [];
    let here = hub;
    let km = 0;
    while (left.length > 0) {
      let best = 0;
      for (let i = 1; i < left.length; i++)
        if (haversineKm(here, left[i]!) < haversineKm(here, left[best]!)) best = i;
      const next = left.splice(best, 1)[0]!;
      km += haversineKm(here, next) * 1.3;
      ordered.push(next);
      here = next;
    }
    km += haversineKm(here, hub) * 1.3;
    let load = [...run.drops.values()].reduce((s, g) => s + g, 0);
    let peak = load;
    for (const centre of ordered) {
      load += (run.collects.get(centre.id) ?? 0) - (run.drops.get(centre.id) ?? 0);
      peak = Math.max(peak, load);
    }
    sink.add('runs', {
      id: run.id,
      county_id: county.id,
      vehicle_id: run.vehicleId,
      date: run.date,
      trip: run.trip,
      status: 'dispatched',
      distance_km: Math.round(km * 10) / 10,
      duration_minutes: Math.round((km / 40) * 60 + ordered.length * 5),
      load_grams: peak,
      created_at: iso(run.dispatchedMs - 12 * HOUR),
      dispatched_at: iso(run.dispatchedMs),
    });
    for (const [i, centre] of ordered.entries()) {
      sink.add('run_stops', { run_id: run.id, county_id: county.id, sequence: i + 1, center_id: centre.id });
    }
  }
}
