import { type Clock, systemClock } from '../../shared/clock.ts';
import {
  type BillDetails,
  carrierOf,
  type ServiceDetails,
  type TicketDetails,
  type TopupDetails,
  topupDenominationsFen,
} from './catalogue.ts';
import {
  type BillProvider,
  type ProviderCall,
  type ProviderOutcome,
  ProviderUnavailable,
  type ServiceProviders,
  type TicketProvider,
  type TopupProvider,
} from './providers.ts';
import type { ServiceKind } from './services.tables.ts';
import { cstDate, statementCsv } from './statement.ts';

/**
 * The sandbox provider (the default): it keeps its own books in memory and behaves like a
 * real provider — it takes time to answer, leaves some requests pending until asked again,
 * declines some, and sometimes times out, either before it acted or after (the answer is
 * lost, the top-up happened). Fixed declines let the failure path be exercised from outside:
 * a top-up to a number ending in 0000, a bill for an account ending in 0000, a ticket more
 * than 15 days ahead (not on sale yet).
 *
 * Faults are rates drawn from a seeded generator, so a test replays the same run.
 */
export type SandboxOptions = {
  seed?: number;
  /** Each call waits a random time in this range (ms). */
  latencyMs?: readonly [number, number];
  /** Rates in [0, 1]: a call times out; a request stays pending; a request is declined. */
  faults?: { timeout?: number; pending?: number; decline?: number };
  clock?: Clock;
};

type Txn = {
  kind: ServiceKind;
  amountFen: number;
  providerRef: string;
  /** What the request will end as; `status` shows `pending` until someone asks again. */
  final: { status: 'succeeded' } | { status: 'failed'; reason: string };
  status: 'pending' | 'succeeded' | 'failed';
  completedAt: string;
};

/** Park–Miller-style generator (mulberry32): small, fast and the same on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A stable number from text, so look-ups answer the same every time. */
function hash(text: string): number {
  let h = 2_166_136_261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16_777_619) >>> 0;
  return h;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function fixedDecline(kind: ServiceKind, details: ServiceDetails, today: string): string | null {
  if (kind === 'mobile_topup' && (details as TopupDetails).phone.endsWith('0000'))
    return 'number_not_in_service';
  if (kind === 'utility_bill' && (details as BillDetails).accountNo.endsWith('0000'))
    return 'account_not_found';
  if (kind === 'travel_ticket') {
    const lastOnSale = new Date(Date.parse(today) + 15 * 86_400_000).toISOString().slice(0, 10);
    if ((details as TicketDetails).date > lastOnSale) return 'not_on_sale_yet';
  }
  return null;
}

const names: Record<ServiceKind, string> = {
  mobile_topup: 'sandbox_topup',
  utility_bill: 'sandbox_bills',
  travel_ticket: 'sandbox_tickets',
};

export function sandboxServiceProviders(options: SandboxOptions = {}): ServiceProviders {
  const random = seeded(options.seed ?? Date.now());
  const [minMs, maxMs] = options.latencyMs ?? [20, 120];
  const faults = { timeout: 0, pending: 0, decline: 0, ...options.faults };
  const clock = options.clock ?? systemClock;
  const books = new Map<string, Txn>();
  /** Requests cancelled before the sandbox ever saw them: a late execute must not run them. */
  const blocked = new Set<string>();

  const answer = async () => {
    await sleep(minMs + Math.floor(random() * (maxMs - minMs + 1)));
    if (random() < faults.timeout) throw new ProviderUnavailable('sandbox: timed out');
  };
  const view = (requestId: string, txn: Txn): ProviderOutcome =>
    txn.status === 'pending'
      ? { status: 'pending', providerRef: txn.providerRef }
      : txn.status === 'succeeded'
        ? { status: 'succeeded', providerRef: txn.providerRef }
        : {
            status: 'failed',
            providerRef: txn.providerRef,
            reason: txn.final.status === 'failed' ? txn.final.reason : `failed ${requestId}`,
          };

  const settle = (txn: Txn) => {
    txn.status = txn.final.status;
    txn.completedAt = clock.now().toISOString();
  };

  function provider(kind: ServiceKind) {
    return {
      name: names[kind],
      async execute(call: ProviderCall<ServiceDetails>): Promise<ProviderOutcome> {
        await sleep(minMs + Math.floor(random() * (maxMs - minMs + 1)));
        if (blocked.has(call.requestId)) return { status: 'failed', reason: 'cancelled' };
        const known = books.get(call.requestId);
        if (known) return view(call.requestId, known);
        const lost = random() < faults.timeout;
        // Half the timeouts happen before the sandbox acts, half after: the answer is lost.
        if (lost && random() < 0.5) throw new ProviderUnavailable('sandbox: timed out');
        const declined =
          fixedDecline(kind, call.details, cstDate(clock.now())) ??
          (random() < faults.decline ? 'declined_by_provider' : null);
        const txn: Txn = {
          kind,
          amountFen: call.amountFen,
          providerRef: `SBX-${hash(call.requestId).toString(36).toUpperCase()}`,
          final: declined ? { status: 'failed', reason: declined } : { status: 'succeeded' },
          status: 'pending',
          completedAt: clock.now().toISOString(),
        };
        if (random() >= faults.pending) settle(txn);
        books.set(call.requestId, txn);
        if (lost) throw new ProviderUnavailable('sandbox: timed out after acting');
        return view(call.requestId, txn);
      },
      async status(requestId: string): Promise<ProviderOutcome> {
        await answer();
        const txn = books.get(requestId);
        if (!txn)
          return blocked.has(requestId) ? { status: 'failed', reason: 'cancelled' } : { status: 'unknown' };
        // A pending request is finished by the time anyone asks again.
        if (txn.status === 'pending') settle(txn);
        return view(requestId, txn);
      },
      async cancel(requestId: string): Promise<ProviderOutcome> {
        await answer();
        const txn = books.get(requestId);
        if (!txn) {
          blocked.add(requestId);
          return { status: 'failed', reason: 'cancelled' };
        }
        if (txn.status === 'pending') {
          txn.final = { status: 'failed', reason: 'cancelled' };
          settle(txn);
        }
        return view(requestId, txn);
      },
      async statement(date: string): Promise<string> {
        const lines = [...books.entries()]
          .filter(
            ([, t]) =>
              t.kind === kind && t.status === 'succeeded' && cstDate(new Date(t.completedAt)) === date,
          )
          .map(([requestId, t]) => ({
            requestId,
            providerRef: t.providerRef,
            amountFen: t.amountFen,
            completedAt: t.completedAt,
          }));
        return statementCsv(lines);
      },
    };
  }

  const topup: TopupProvider = {
    ...provider('mobile_topup'),
    async quote(details) {
      await answer();
      return {
        carrier: carrierOf(details.phone) ?? details.carrier,
        denominationsFen: [...topupDenominationsFen],
      };
    },
  };
  const bills: BillProvider = {
    ...provider('utility_bill'),
    async quote(details) {
      await answer();
      const h = hash(`${details.biller}:${details.accountNo}`);
      return {
        amountDueFen: 1_000 + (h % 290) * 100,
        holder: `${'张王李赵刘陈杨黄'[h % 8]}**`,
        period: cstDate(clock.now()).slice(0, 7),
      };
    },
  };
  const tickets: TicketProvider = {
    ...provider('travel_ticket'),
    async quote(details) {
      await answer();
      const h = hash(`${details.mode}:${details.from}:${details.to}`);
      const base = details.mode === 'train' ? 2_000 + (h % 380) * 100 : 1_500 + (h % 60) * 100;
      const factor: Record<string, number> = {
        first: 1.6,
        business: 3,
        soft_sleeper: 2.2,
        hard_sleeper: 1.5,
      };
      return {
        fareFen: Math.round(base * (factor[details.seatClass] ?? 1)),
        seatsLeft: h % 50,
        departs: `${details.date}T${String(6 + (h % 14)).padStart(2, '0')}:${h % 2 ? '30' : '05'}:00+08:00`,
      };
    },
  };
  return {
    mobile_topup: topup,
    utility_bill: bills,
    travel_ticket: tickets,
    callTimeoutMs: 10_000,
    giveUpAfterAttempts: 6,
  };
}
