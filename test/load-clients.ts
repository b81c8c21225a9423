/**
 * Village clients over real HTTP, for the crash test and load generators: partners placing
 * assisted orders and scanning parcels off the van, county staff recording float deposits and
 * hub scans. Every write carries an `Idempotency-Key`, and a client that gets no answer (the
 * server died, the connection broke) sends the same request with the same key again until it
 * is answered, as the partner app and the scanners do.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A small seeded generator (mulberry32): the same seed, the same choices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// biome-ignore lint/suspicious/noExplicitAny: response bodies are JSON that callers check field by field.
export type Reply = { status: number; body: any; headers: http.IncomingHttpHeaders };
export type ApiRequest = {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  token?: string | undefined;
  body?: unknown;
  key?: string | undefined;
};

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * One HTTP request. Rejects when no answer came (refused, reset, timed out). `fresh` opens a
 * connection of its own, so that several API processes sharing a port take turns.
 */
export function send(baseUrl: string, req: ApiRequest, opts: { fresh?: boolean } = {}): Promise<Reply> {
  const url = new URL(req.path, baseUrl);
  const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
  const headers: Record<string, string> = {};
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (req.token) headers.authorization = `Bearer ${req.token}`;
  if (req.key) headers['idempotency-key'] = req.key;
  return new Promise((resolve, reject) => {
    const r = http.request(
      url,
      { method: req.method, headers, agent: opts.fresh ? false : keepAlive, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          const json = String(res.headers['content-type'] ?? '').includes('application/json') && text;
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: json ? JSON.parse(text) : text,
              headers: res.headers,
            });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    r.on('timeout', () => r.destroy(new Error('request timed out')));
    r.on('error', reject);
    r.end(payload);
  });
}

/**
 * Sends until the server answers with anything but a 5xx, the same request (and key) each
 * time; `attempts` counts the sends.
 */
export async function untilAnswered(
  baseUrl: string,
  req: ApiRequest,
  giveUpAfterMs = 120_000,
): Promise<{ reply: Reply; attempts: number }> {
  const deadline = Date.now() + giveUpAfterMs;
  for (let attempts = 1; ; attempts++) {
    try {
      const reply = await send(baseUrl, req);
      if (reply.status < 500) return { reply, attempts };
    } catch {}
    if (Date.now() > deadline)
      throw new Error(`no answer to ${req.method} ${req.path} after ${attempts} tries`);
    await sleep(Math.min(50 * attempts, 250));
  }
}

/** Fails with the answer unless it has the expected status; returns its body. */
export async function expectOk(baseUrl: string, req: ApiRequest, status = 200) {
  const { reply } = await untilAnswered(baseUrl, req);
  if (reply.status !== status)
    throw new Error(`${req.method} ${req.path} → ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type ServerProcess = {
  pid: number;
  /** Signals the server's whole process group (all its API processes). */
  kill(signal: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
};

/**
 * The real server (`npm start`'s entry) as a child process in a process group of its own,
 * API only (no web build). Resolves once /health answers.
 */
export async function startServerProcess(
  port: number,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CUNTONG_WEB: '0',
      ...env,
      PORT: String(port),
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const server: ServerProcess = {
    pid: child.pid!,
    kill(signal) {
      try {
        process.kill(-child.pid!, signal);
      } catch {}
    },
    exited,
    output: () => output,
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output}`,
      );
    const healthy = await send(
      `http://127.0.0.1:${port}`,
      { method: 'GET', path: '/health' },
      { fresh: true },
    )
      .then((r) => r.status === 200)
      .catch(() => false);
    if (healthy) return server;
    await sleep(100);
  }
  server.kill('SIGKILL');
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${output}`);
}

export const DEMO_PASSWORD = 'cuntong2026';

async function signIn(
  baseUrl: string,
  login: string,
): Promise<{
  token: string;
  user: { id: string; centerId: string | null; countyId: string | null; merchantId: string | null };
}> {
  return expectOk(baseUrl, {
    method: 'POST',
    path: '/api/v1/auth/login',
    body: { login, password: DEMO_PASSWORD },
  });
}

export type Centre = {
  id: string;
  partnerToken: string;
  villagers: string[];
  /** Parcels on a dispatched van to this centre, waiting to be scanned `arrived`. */
  arrivals: Array<{ trackingNumber: string; parcelId: string; phone: string }>;
};

export type MixedLoadFixture = {
  hqToken: string;
  staffToken: string;
  countyId: string;
  centres: Centre[];
  productIds: string[];
  /** Parcels from outside carriers not yet at the hub, for hub `received` scans. */
  hubParcels: Array<{ trackingNumber: string; parcelId: string }>;
};

export type MixedLoadSize = {
  villagersPerCentre: number;
  arrivalsPerCentre: number;
  hubParcels: number;
};

/**
 * Readies the demo county (`CUNTONG_DEMO=1`) for mixed load through the API: villagers at
 * every centre, float and stock that will not run out, parcels from outside carriers at the
 * hub door, and parcels on dispatched vans to every centre.
 */
export async function prepareMixedLoad(baseUrl: string, size: MixedLoadSize): Promise<MixedLoadFixture> {
  const hq = await signIn(baseUrl, 'hq');
  const staff = await signIn(baseUrl, 'county');
  const merchant = await signIn(baseUrl, 'merchant');
  const countyId = staff.user.countyId!;
  const post = (token: string, p: string, body: unknown, status = 201) =>
    expectOk(baseUrl, { method: 'POST', path: p, token, body }, status);

  const listed = await expectOk(baseUrl, {
    method: 'GET',
    path: '/api/v1/products?limit=100',
    token: merchant.token,
  });
  const productIds: string[] = listed.items
    .filter(
      (p: { merchantId: string; status: string }) =>
        p.merchantId === merchant.user.merchantId && p.status === 'active',
    )
    .map((p: { id: string }) => p.id);
  for (const id of productIds)
    await expectOk(baseUrl, {
      method: 'PATCH',
      path: `/api/v1/products/${id}`,
      token: merchant.token,
      body: { stock: 1_000_000 },
    });

  const unique = randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
  let phones = 0;
  const phone = () =>
    `139${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}${String(phones++).padStart(4, '0')}`;
  const centres: Centre[] = [];
  for (let n = 1; n <= 8; n++) {
    const partner = await signIn(baseUrl, `partner${n}`);
    const centerId = partner.user.centerId!;
    const villagers: string[] = [];
    for (let v = 0; v < size.villagersPerCentre; v++) {
      const villager = await post(partner.token, '/api/v1/villagers', {
        name: `村民${n}-${v}`,
        phone: phone(),
      });
      villagers.push(villager.id);
    }
    await post(staff.token, `/api/v1/centers/${centerId}/float/deposits`, {
      amountFen: 1_000_000_000,
      reference: 'crash test float',
    });
    centres.push({ id: centerId, partnerToken: partner.token, villagers, arrivals: [] });
  }

  const newParcel = (trackingNumber: string, centerId: string, recipientPhone: string) =>
    post(staff.token, '/api/v1/parcels', {
      trackingNumber,
      carrier: '中通快递',
      recipientPhone,
      centerId,
      weightGrams: 300,
    }) as Promise<{ id: string }>;

  // Parcels for the vans: at the hub, planned onto runs, dispatched.
  const waiting = new Map<string, { trackingNumber: string; phone: string; centre: Centre }>();
  for (const centre of centres) {
    for (let i = 0; i < size.arrivalsPerCentre; i++) {
      const trackingNumber = `CA${unique}${String(waiting.size).padStart(6, '0')}`;
      const to = phone();
      const parcel = await newParcel(trackingNumber, centre.id, to);
      await post(staff.token, '/api/v1/hub/scans', { trackingNumber, type: 'received' }, 200);
      waiting.set(parcel.id, { trackingNumber, phone: to, centre });
    }
  }
  if (waiting.size > 0) {
    for (let v = 0; v < 3; v++)
      await post(staff.token, '/api/v1/vehicles', {
        countyId,
        name: `浙H·C${unique}${v}`,
        capacityKg: 3_000,
        shiftMinutes: 720,
      });
    const plan = await post(staff.token, '/api/v1/runs/plan', {
      countyId,
      date: new Date().toISOString().slice(0, 10),
    });
    for (const run of plan.runs as Array<{ id: string; stops: Array<{ parcelIds: string[] }> }>) {
      await post(staff.token, `/api/v1/runs/${run.id}/dispatch`, undefined, 200);
      for (const stop of run.stops)
        for (const parcelId of stop.parcelIds) {
          const p = waiting.get(parcelId);
          if (p) p.centre.arrivals.push({ trackingNumber: p.trackingNumber, parcelId, phone: p.phone });
        }
    }
  }

  const hubParcels: MixedLoadFixture['hubParcels'] = [];
  for (let i = 0; i < size.hubParcels; i++) {
    const trackingNumber = `CH${unique}${String(i).padStart(6, '0')}`;
    const centre = centres[i % centres.length]!;
    const parcel = await newParcel(trackingNumber, centre.id, phone());
    hubParcels.push({ trackingNumber, parcelId: parcel.id });
  }
  return { hqToken: hq.token, staffToken: staff.token, countyId, centres, productIds, hubParcels };
}

export type AckedWrite = {
  kind: 'order' | 'deposit' | 'hub_scan' | 'arrival';
  request: ApiRequest & { key: string };
  status: number;
  body: Reply['body'];
  /** Sends it took: more than one means the client did not know whether the first one counted. */
  attempts: number;
  /** The final answer was a replay of a write that an unanswered attempt had committed. */
  replayed: boolean;
  centreId: string;
};

/**
 * Runs the clients until `stop.requested`: each then finishes the write it is on (retrying
 * until answered) and returns. `partnersPerCentre` clients per centre order (and scan arrivals
 * when their centre has parcels left); one staff client records deposits and one scans at
 * the hub. Returns every answered write.
 */
export async function runMixedClients(
  baseUrl: string,
  fixture: MixedLoadFixture,
  opts: {
    seed: number;
    partnersPerCentre: number;
    stop: { requested: boolean };
    /** Told of every answered write as it comes in. */
    onAnswered?: (write: AckedWrite) => void;
  },
): Promise<AckedWrite[]> {
  const acked: AckedWrite[] = [];
  const write = async (kind: AckedWrite['kind'], centreId: string, req: Omit<ApiRequest, 'key'>) => {
    const request = { ...req, key: randomUUID() };
    const { reply, attempts } = await untilAnswered(baseUrl, request);
    const answered: AckedWrite = {
      kind,
      request,
      status: reply.status,
      body: reply.body,
      attempts,
      replayed: reply.headers['idempotent-replayed'] === 'true',
      centreId,
    };
    acked.push(answered);
    opts.onAnswered?.(answered);
  };
  const arrivals = new Map(fixture.centres.map((c) => [c.id, [...c.arrivals]]));
  const hubQueue = [...fixture.hubParcels];

  const partner = async (centre: Centre, rng: () => number) => {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
    while (!opts.stop.requested) {
      const left = arrivals.get(centre.id)!;
      if (left.length > 0 && rng() < 0.25) {
        const parcel = left.shift()!;
        await write('arrival', centre.id, {
          method: 'POST',
          path: `/api/v1/centers/${centre.id}/scans`,
          token: centre.partnerToken,
          body: { trackingNumber: parcel.trackingNumber, type: 'arrived' },
        });
        continue;
      }
      const products = new Set<string>();
      const lineCount = 1 + Math.floor(rng() * 3);
      while (products.size < Math.min(lineCount, fixture.productIds.length))
        products.add(pick(fixture.productIds));
      await write('order', centre.id, {
        method: 'POST',
        path: '/api/v1/orders',
        token: centre.partnerToken,
        body: {
          villagerId: pick(centre.villagers),
          lines: [...products].map((productId) => ({ productId, quantity: 1 + Math.floor(rng() * 3) })),
          payment: 'float',
        },
      });
    }
  };
  const depositor = async (rng: () => number) => {
    let n = 0;
    while (!opts.stop.requested) {
      const centre = fixture.centres[Math.floor(rng() * fixture.centres.length)]!;
      await write('deposit', centre.id, {
        method: 'POST',
        path: `/api/v1/centers/${centre.id}/float/deposits`,
        token: fixture.staffToken,
        body: { amountFen: 100 + Math.floor(rng() * 100_000), reference: `现金存入 ${++n}` },
      });
      await sleep(5 + rng() * 20);
    }
  };
  const hubScanner = async () => {
    while (!opts.stop.requested && hubQueue.length > 0) {
      const parcel = hubQueue.shift()!;
      await write('hub_scan', '', {
        method: 'POST',
        path: '/api/v1/hub/scans',
        token: fixture.staffToken,
        body: { trackingNumber: parcel.trackingNumber, type: 'received' },
      });
    }
  };
  const clients: Array<Promise<void>> = [];
  let stream = opts.seed;
  for (const centre of fixture.centres)
    for (let i = 0; i < opts.partnersPerCentre; i++) clients.push(partner(centre, seededRandom(++stream)));
  clients.push(depositor(seededRandom(++stream)), hubScanner());
  await Promise.all(clients);
  return acked;
}
