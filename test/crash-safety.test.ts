/**
 * Crash safety of the real server: village clients place orders, record float deposits and
 * scan parcels at the hub and at centres (which sends pickup SMSes through the outbox) while
 * the server is killed with SIGKILL at random moments and started again. Clients send an
 * unanswered write again with the same Idempotency-Key. Afterwards every answered write exists
 * exactly once and replays the same answer, nothing exists that no client sent, the books
 * balance, stock and float add up, and every SMS was delivered exactly once.
 *
 * Small by default (part of `npm test`); `npm run test:crash` runs a larger one
 * (`CRASH_SIZE=large`). `CRASH_SEED=n` repeats a run's kill schedule and client choices.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../server/db/create-db.ts';
import { createServerDatabase, describeDb, dialect } from './harness.ts';
import {
  type AckedWrite,
  expectOk,
  freePort,
  type MixedLoadFixture,
  prepareMixedLoad,
  runMixedClients,
  type ServerProcess,
  seededRandom,
  send,
  sleep,
  startServerProcess,
} from './load-clients.ts';

const large = process.env.CRASH_SIZE === 'large';
const size = large
  ? {
      kills: 12,
      loadMs: [1_000, 5_000],
      partnersPerCentre: 3,
      villagersPerCentre: 6,
      arrivalsPerCentre: 30,
      hubParcels: 2_000,
      // The larger run also has retries land on another API process than the first attempt.
      workers: dialect === 'postgres' ? 2 : 1,
    }
  : {
      kills: 4,
      loadMs: [300, 1_200],
      partnersPerCentre: 1,
      villagersPerCentre: 2,
      arrivalsPerCentre: 4,
      hubParcels: 120,
      workers: 1,
    };
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

const sumBy = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

async function floatBalances(baseUrl: string, fixture: MixedLoadFixture): Promise<Map<string, number>> {
  const balances = new Map<string, number>();
  for (const c of fixture.centres) {
    const body = await expectOk(baseUrl, {
      method: 'GET',
      path: `/api/v1/centers/${c.id}/float`,
      token: fixture.staffToken,
    });
    balances.set(c.id, body.balanceFen);
  }
  return balances;
}

async function snapshot(handle: DbHandle) {
  const ids = async (table: 'orders' | 'float_deposits' | 'notifications' | 'outbox') =>
    new Set((await handle.db.selectFrom(table).select('id').execute()).map((r) => r.id));
  const products = await handle.db.selectFrom('products').select(['id', 'stock']).execute();
  return {
    stock: new Map(products.map((p) => [p.id, Number(p.stock)])),
    orders: await ids('orders'),
    deposits: await ids('float_deposits'),
    notifications: await ids('notifications'),
    outbox: await ids('outbox'),
  };
}

describeDb('crash safety: SIGKILL under mixed load loses nothing and doubles nothing', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  let server: ServerProcess | undefined;
  let port: number;
  beforeAll(async () => {
    database = await createServerDatabase();
    port = await freePort();
  });
  afterAll(async () => {
    if (server) {
      server.kill('SIGKILL');
      await server.exited;
    }
    await database?.drop();
  });

  it(`keeps every answered write exactly once across ${size.kills} kills`, {
    timeout: large ? 1_800_000 : 180_000,
  }, async () => {
    const env = { ...database.env, CUNTONG_DEMO: '1', CUNTONG_WORKERS: String(size.workers) };
    // Printed first, so that a failed run can be repeated with CRASH_SEED.
    console.log(`crash safety [${dialect}]: seed ${seed}`);
    const baseUrl = `http://127.0.0.1:${port}`;
    const started = Date.now();
    server = await startServerProcess(port, env);
    const fixture = await prepareMixedLoad(baseUrl, size);
    const beforeHandle = database.open();
    const before = await snapshot(beforeHandle);
    await beforeHandle.close();
    const floatBefore = await floatBalances(baseUrl, fixture);
    const prepared = Date.now();

    // Kill at random moments of the load, start again, and let the clients carry on.
    const rng = seededRandom(seed);
    const between = () => size.loadMs[0]! + rng() * (size.loadMs[1]! - size.loadMs[0]!);
    const stop = { requested: false };
    let arrived: (() => void) | null = null;
    const clients = runMixedClients(baseUrl, fixture, {
      seed,
      partnersPerCentre: size.partnersPerCentre,
      stop,
      onAnswered: (w) => {
        if (w.kind === 'arrival') arrived?.();
      },
    });
    // Every other kill comes just after a centre scan is answered, while the outbox worker,
    // nudged by that commit, is likely sending its pickup SMS.
    const nextArrival = () =>
      new Promise<void>((resolve) => {
        arrived = resolve;
        setTimeout(resolve, 3_000);
      }).finally(() => {
        arrived = null;
      });
    const restarts: number[] = [];
    for (let k = 0; k < size.kills; k++) {
      await sleep(between());
      if (k % 2 === 1) await nextArrival();
      server.kill('SIGKILL');
      await server.exited;
      await sleep(rng() * 300);
      const restartedAt = Date.now();
      server = await startServerProcess(port, env);
      restarts.push(Date.now() - restartedAt);
    }
    await sleep(size.loadMs[0]!);
    stop.requested = true;
    const acked = await clients;
    const loaded = Date.now();

    const handle = database.open();
    try {
      // A lease taken by a killed process runs out after a minute; let it run out now
      // rather than wait, then the live worker delivers the rest.
      await handle.db
        .updateTable('outbox')
        .set({ available_at: '2000-01-01T00:00:00.000Z' })
        .where('status', '=', 'pending')
        .execute();
      const deadline = Date.now() + 30_000;
      for (;;) {
        const open = await handle.db
          .selectFrom('outbox')
          .select(['id', 'status', 'last_error'])
          .where('status', '<>', 'delivered')
          .execute();
        if (open.length === 0) break;
        if (open.some((r) => r.status === 'dead') || Date.now() > deadline)
          expect(open, 'outbox rows left undelivered').toEqual([]);
        await sleep(200);
      }

      const failed = acked.filter((a) => a.status < 200 || a.status >= 300);
      expect(failed.map((a) => ({ kind: a.kind, status: a.status, body: a.body }))).toEqual([]);
      const of = (kind: AckedWrite['kind']) => acked.filter((a) => a.kind === kind);
      for (const kind of ['order', 'deposit', 'hub_scan', 'arrival'] as const)
        expect(of(kind).length, `${kind} writes answered`).toBeGreaterThan(0);

      // Every answered write replays its answer, and is not done again.
      const mismatches: unknown[] = [];
      for (let i = 0; i < acked.length; i += 16) {
        await Promise.all(
          acked.slice(i, i + 16).map(async (a) => {
            const again = await send(baseUrl, a.request);
            if (
              again.status !== a.status ||
              again.headers['idempotent-replayed'] !== 'true' ||
              JSON.stringify(again.body) !== JSON.stringify(a.body)
            )
              mismatches.push({ kind: a.kind, first: a.body, replay: again.body, status: again.status });
          }),
        );
      }
      expect(mismatches).toEqual([]);

      // Orders: exactly the answered ones, each once; stock reserved by exactly those.
      const orders = of('order');
      const orderIds = orders.map((a) => a.body.id as string);
      expect(new Set(orderIds).size).toBe(orders.length);
      const storedOrders = (await handle.db.selectFrom('orders').select('id').execute())
        .map((r) => r.id)
        .filter((id) => !before.orders.has(id));
      expect(storedOrders.sort()).toEqual([...orderIds].sort());
      const after = await snapshot(handle);
      const ordered = new Map<string, number>();
      for (const a of orders)
        for (const line of (a.request.body as { lines: Array<{ productId: string; quantity: number }> })
          .lines)
          ordered.set(line.productId, (ordered.get(line.productId) ?? 0) + line.quantity);
      for (const [productId, stock] of before.stock)
        expect(after.stock.get(productId), `stock of ${productId}`).toBe(
          stock - (ordered.get(productId) ?? 0),
        );

      // Deposits: exactly the answered ones.
      const deposits = of('deposit');
      const storedDeposits = [...after.deposits].filter((id) => !before.deposits.has(id));
      expect(storedDeposits.sort()).toEqual(deposits.map((a) => a.body.id as string).sort());

      // Money: the books balance, and each centre's float moved by exactly its deposits and orders.
      const books = await expectOk(baseUrl, {
        method: 'GET',
        path: '/api/v1/ledger/trial-balance',
        token: fixture.hqToken,
      });
      expect(books.totalFen).toBe(0);
      const floatAfter = await floatBalances(baseUrl, fixture);
      for (const c of fixture.centres) {
        const expected =
          floatBefore.get(c.id)! +
          sumBy(
            deposits.filter((a) => a.centreId === c.id),
            (a) => a.body.amountFen,
          ) -
          sumBy(
            orders.filter((a) => a.centreId === c.id),
            (a) => a.body.totalFen,
          );
        expect(floatAfter.get(c.id), `float of centre ${c.id}`).toBe(expected);
      }

      // Scans: one event per scanned parcel, in the scanned state.
      const scanned = async (kind: 'hub_scan' | 'arrival', eventType: string, status: string) => {
        const parcelIds = of(kind).map((a) => a.body.parcelId as string);
        expect(new Set(parcelIds).size).toBe(parcelIds.length);
        const parcels = await handle.db
          .selectFrom('parcels')
          .select(['id', 'status'])
          .where('id', 'in', parcelIds)
          .execute();
        expect(parcels.filter((p) => p.status !== status)).toEqual([]);
        const events = await handle.db
          .selectFrom('parcel_events')
          .select(['parcel_id'])
          .where('parcel_id', 'in', parcelIds)
          .where('type', '=', eventType)
          .execute();
        const perParcel = new Map<string, number>();
        for (const e of events) perParcel.set(e.parcel_id, (perParcel.get(e.parcel_id) ?? 0) + 1);
        expect(parcelIds.filter((id) => perParcel.get(id) !== 1)).toEqual([]);
      };
      await scanned('hub_scan', 'at_hub', 'at_hub');
      await scanned('arrival', 'ready_for_pickup', 'ready_for_pickup');
      const hubScanned = new Set(
        of('hub_scan').map((a) => (a.request.body as { trackingNumber: string }).trackingNumber),
      );
      const untouched = await handle.db
        .selectFrom('parcels')
        .select('tracking_number')
        .where(
          'tracking_number',
          'in',
          fixture.hubParcels.map((p) => p.trackingNumber),
        )
        .where('status', '<>', 'created')
        .execute();
      expect(untouched.length).toBe(hubScanned.size);

      // Outbox: one pickup SMS per arrival, sent once, and every message delivered.
      const arrivalPhones = new Map(
        fixture.centres.flatMap((c) => c.arrivals.map((p) => [p.trackingNumber, p.phone] as const)),
      );
      const newNotifications = await handle.db
        .selectFrom('notifications')
        .selectAll()
        .where('id', 'not in', [...before.notifications, ''])
        .execute();
      const expectedPhones = of('arrival')
        .map((a) => arrivalPhones.get((a.request.body as { trackingNumber: string }).trackingNumber)!)
        .sort();
      expect(newNotifications.map((n) => n.to_address).sort()).toEqual(expectedPhones);
      expect(
        newNotifications.filter(
          (n) => n.kind !== 'pickup_code' || n.status !== 'sent' || n.provider_ref !== `sandbox-${n.id}`,
        ),
      ).toEqual([]);
      const smsJobs = (
        await handle.db
          .selectFrom('outbox')
          .select(['id', 'payload', 'status', 'attempts'])
          .where('topic', '=', 'notifications.sms')
          .execute()
      ).filter((r) => !before.outbox.has(r.id));
      expect(smsJobs.map((r) => JSON.parse(r.payload).notificationId).sort()).toEqual(
        newNotifications.map((n) => n.id).sort(),
      );
      const retried = acked.filter((a) => a.attempts > 1);
      console.log(
        [
          `crash safety [${dialect}] seed ${seed}: ${size.kills} kills; set-up ${((prepared - started) / 1000).toFixed(1)} s, load ${((loaded - prepared) / 1000).toFixed(1)} s, restarts ${restarts.map((ms) => (ms / 1000).toFixed(1)).join(' ')} s`,
          `  answered: ${orders.length} orders, ${deposits.length} deposits, ${of('hub_scan').length} hub scans, ${of('arrival').length} arrivals`,
          `  ${retried.length} writes sent again after no answer, ${retried.filter((a) => a.replayed).length} of them had committed (replayed)`,
          `  ${newNotifications.length} SMS, ${smsJobs.filter((r) => r.attempts > 1).length} delivered again after a crash (the message log skips a sent one)`,
        ].join('\n'),
      );
    } finally {
      await handle.close();
    }
  });
});
