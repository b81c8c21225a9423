/**
 * One county, start to finish, inside one database transaction: the network and its people,
 * then each centre's months of trade, then the van runs those months needed. Rows are flushed
 * after every centre, so memory holds one centre's rows plus the county's parcels.
 */
import type { Db, DialectName } from '../../server/db/create-db.ts';
import type { Ctx } from './context.ts';
import { haversineKm, personName, phoneNumber } from './geo.ts';
import { type CentrePlan, type CountyPlan, writeCounty } from './network.ts';
import { writeCentreSetup, writeCountyBasics, writeTraining } from './onboarding.ts';
import { writeRecruitment } from './recruitment.ts';
import { CST, DAY, HOUR, iso, MINUTE } from './rng.ts';
import { writeService } from './services.ts';
import { makeSink, type Sink } from './sink.ts';
import { writeTickets } from './support.ts';
import { type Payer, type Runs, type Villager, writeOrder } from './trade.ts';

export async function writeWholeCounty(
  ctx: Ctx,
  db: Db,
  dialect: DialectName,
  counts: Map<string, number>,
  index: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const sink = makeSink(trx, dialect, counts);
    for (const table of ['runs', 'run_stops', 'parcels', 'parcel_events'] as const) sink.hold(table);
    const county = writeCounty(ctx, sink, index);
    const vehicles = writeCountyBasics(ctx, sink, county);
    writeRecruitment(ctx, sink, county);
    writeTraining(ctx, sink, county);
    writeCentreSetup(ctx, sink, county);
    await sink.flush();
    const runs: Runs = new Map();
    for (const centre of county.centres) {
      writeCentreTrade(ctx, sink, county, centre, vehicles, runs);
      writeTickets(ctx, sink, county, centre);
      await sink.flushIfFull();
    }
    writeRuns(sink, county, runs);
    await sink.flush(true);
    ctx.books.forget(county.id);
  });
}

/** A moment in the centre's opening hours (08:00–20:00 China time) on a random day of [from, to). */
function businessMoment(ctx: Ctx, from: number, to: number): number {
  const day = from + Math.floor(ctx.rng.next() * Math.max(1, to - from));
  const midnight = Math.floor((day + CST) / DAY) * DAY - CST;
  return midnight + 8 * HOUR + Math.floor(ctx.rng.next() * 12 * HOUR);
}

function writeCentreTrade(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  centre: CentrePlan,
  vehicles: string[],
  runs: Runs,
): void {
  const { rng, books, opts } = ctx;
  if (centre.openedMs === null || !centre.partnerId) return;
  const partner = centre.partnerId;
  const villagers: Villager[] = [];
  const villagerCount = Math.max(1, Math.round(opts.villagersPerCentre * (0.6 + 0.8 * rng.next())));
  for (let v = 0; v < villagerCount; v++) {
    const at = Math.min(centre.openedMs + Math.floor(rng.next() * 3 * DAY), centre.tradedUntilMs);
    const villager = { id: rng.idAt(at), phone: phoneNumber(ctx.counters.phone++) };
    villagers.push(villager);
    sink.add('villagers', {
      id: villager.id,
      county_id: county.id,
      center_id: centre.id,
      name: personName(rng),
      phone: villager.phone,
      registered_by: partner,
      created_at: iso(at),
    });
  }

  const account = `partner_float:${centre.id}`;
  let lastMs = centre.openedMs - 2 * DAY;
  const deposit = (amountFen: number, at: number) => {
    const id = rng.idAt(at);
    const reference = `YH${iso(at).slice(0, 10).replaceAll('-', '')}${rng.hex(6).toUpperCase()}`;
    sink.add('float_deposits', {
      id,
      center_id: centre.id,
      county_id: county.id,
      amount_fen: amountFen,
      reference,
      recorded_by: county.staffIds[0]!,
      created_at: iso(at),
    });
    books.post(sink, {
      kind: 'float_deposit',
      refId: id,
      countyId: county.id,
      memo: reference,
      at,
      entries: [
        { account: 'cash_clearing', amountFen },
        { account, amountFen: -amountFen },
      ],
    });
  };
  deposit(500_000, lastMs);
  const payer: Payer = {
    account,
    ensure(amountFen, at) {
      const balance = -books.signed(account, county.id);
      if (balance >= amountFen) return;
      const topUp = Math.ceil((amountFen - balance) / 10_000) * 10_000 + rng.int(30, 100) * 10_000;
      deposit(topUp, Math.max(lastMs + 1, at - rng.int(1, 30) * MINUTE));
    },
  };

  const from = centre.openedMs + 3 * DAY;
  const to = centre.tradedUntilMs;
  if (to <= from) return;
  const months = (to - from) / (30 * DAY);
  const moments: Array<{ at: number; kind: 'order' | 'service' }> = [];
  const orders = Math.round(opts.ordersPerCentreMonth * months * (0.5 + rng.next()));
  const services = Math.round(opts.servicesPerCentreMonth * months * (0.5 + rng.next()));
  for (let n = 0; n < orders; n++) moments.push({ at: businessMoment(ctx, from, to), kind: 'order' });
  for (let n = 0; n < services; n++) moments.push({ at: businessMoment(ctx, from, to), kind: 'service' });
  moments.sort((a, b) => a.at - b.at);
  for (const m of moments) {
    if (m.at > ctx.endMs) continue;
    const villager = rng.pick(villagers);
    if (m.kind === 'order') writeOrder(ctx, sink, county, centre, villager, m.at, payer, vehicles, runs);
    else writeService(ctx, sink, county, centre, villager, m.at, payer);
    lastMs = m.at;
  }
}

/** The runs the orders travelled on, with their stops in visiting order and the road they took. */
function writeRuns(sink: Sink, county: CountyPlan, runs: Runs): void {
  for (const run of runs.values()) {
    const hub = { lat: county.lat, lon: county.lon };
    // Nearest stop next: the order a driver who knows the county would take.
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
    sink.add('runs', {
      id: run.id,
      county_id: county.id,
      vehicle_id: run.vehicleId,
      date: run.date,
      trip: run.trip,
      status: 'dispatched',
      distance_km: Math.round(km * 10) / 10,
      duration_minutes: Math.round((km / 40) * 60 + ordered.length * 5),
      load_grams: run.loadGrams,
      created_at: iso(run.dispatchedMs - 12 * HOUR),
      dispatched_at: iso(run.dispatchedMs),
    });
    for (const [i, centre] of ordered.entries()) {
      sink.add('run_stops', { run_id: run.id, county_id: county.id, sequence: i + 1, center_id: centre.id });
    }
  }
}
