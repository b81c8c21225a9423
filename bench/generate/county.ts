/**
 * One county, start to finish, inside one database transaction: the network and its people,
 * then each centre's months of trade (assisted orders, services, its sellers' storefront
 * orders), then the van runs those months needed and the sellers' payouts. Rows are flushed
 * after every centre, so memory holds one centre's rows plus the county's parcels and listings.
 */

import type { Db, DialectName } from '../../server/db/create-db.ts';
import { insertProducts } from '../../server/modules/catalog/index.ts';
import type { Ctx } from './context.ts';
import { personName, phoneNumber } from './geo.ts';
import { type CentrePlan, type CountyPlan, writeCounty } from './network.ts';
import { writeCentreSetup, writeCountyBasics, writeTraining } from './onboarding.ts';
import { writePayouts } from './payouts.ts';
import { writeRecruitment } from './recruitment.ts';
import { CST, DAY, HOUR, iso, MINUTE } from './rng.ts';
import { type Runs, writeRuns } from './runs.ts';
import { type Listing, shoppingMoment, writeSellers } from './sellers.ts';
import { writeService } from './services.ts';
import { makeSink, type Sink } from './sink.ts';
import { type CountyShop, STORE_ORDERS_PER_LISTING_MONTH, writeStoreOrder } from './storefront.ts';
import { writeTickets } from './support.ts';
import { type Payer, type Villager, writeOrder } from './trade.ts';

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
    const shop: CountyShop = { listings: [], sellers: [] };
    for (const centre of county.centres) {
      writeCentreTrade(ctx, sink, county, centre, { runs, vehicles }, shop);
      writeTickets(ctx, sink, county, centre);
      await sink.flushIfFull();
    }
    writeRuns(sink, county, runs);
    writePayouts(ctx, sink, county, shop.sellers);
    ctx.books.close(sink, county.id);
    await sink.flush(true);
    // Listings are written once their orders have left their stock, with the real search terms.
    await insertProducts(
      trx,
      shop.listings.map((l) => l.row),
    );
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
  transport: { runs: Runs; vehicles: string[] },
  shop: CountyShop,
): void {
  const { rng, books, opts } = ctx;
  if (centre.openedMs === null || !centre.partnerId) return;
  const partner = centre.partnerId;
  const villagers: Villager[] = [];
  const villagerCount = Math.max(1, Math.round(opts.villagersPerCentre * (0.6 + 0.8 * rng.next())));
  for (let v = 0; v < villagerCount; v++) {
    const at = Math.min(centre.openedMs + Math.floor(rng.next() * 3 * DAY), centre.tradedUntilMs);
    const villager = { id: rng.idAt(at), name: personName(rng), phone: phoneNumber(ctx.counters.phone++) };
    villagers.push(villager);
    sink.add('villagers', {
      id: villager.id,
      county_id: county.id,
      center_id: centre.id,
      name: villager.name,
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
  const moments: Array<
    { at: number; kind: 'order' | 'service' } | { at: number; kind: 'store'; listing: Listing }
  > = [];
  const orders = Math.round(opts.ordersPerCentreMonth * months * (0.5 + rng.next()));
  const services = Math.round(opts.servicesPerCentreMonth * months * (0.5 + rng.next()));
  for (let n = 0; n < orders; n++) moments.push({ at: businessMoment(ctx, from, to), kind: 'order' });
  for (let n = 0; n < services; n++) moments.push({ at: businessMoment(ctx, from, to), kind: 'service' });
  const listings = writeSellers(ctx, sink, county, centre, villagers, shop.sellers, { from, to });
  for (const listing of listings) {
    if (listing.activeFrom === null || listing.activeFrom >= listing.until) continue;
    const open = (listing.until - listing.activeFrom) / (30 * DAY);
    const n = Math.round(STORE_ORDERS_PER_LISTING_MONTH * open * (0.5 + rng.next()));
    for (let k = 0; k < n; k++)
      moments.push({ at: shoppingMoment(ctx, listing.activeFrom, listing.until), kind: 'store', listing });
  }
  moments.sort((a, b) => a.at - b.at);
  for (const m of moments) {
    if (m.at > ctx.endMs) continue;
    if (m.kind === 'store') {
      writeStoreOrder(ctx, sink, county, centre, transport, listings, m.listing, m.at);
      continue;
    }
    const villager = rng.pick(villagers);
    if (m.kind === 'order')
      writeOrder(ctx, sink, county, centre, villager, m.at, payer, transport.vehicles, transport.runs);
    else writeService(ctx, sink, county, centre, villager, m.at, payer);
    lastMs = m.at;
  }
  shop.listings.push(...listings);
}
