import { AppError } from '../../shared/app-error.ts';
import type { BillDetails, Carrier, ServiceDetails, TicketDetails, TopupDetails } from './catalogue.ts';
import type { ServiceKind } from './services.tables.ts';

/**
 * Outside service providers behind one small interface per kind of service. Every call
 * names our request by its id (`requestId`), and `execute` must be idempotent on it — the
 * outbox delivers at least once, and after a timeout we cannot know whether the provider
 * acted. `status` and `cancel` answer for a request the provider may never have seen.
 */

/** What the provider says about one of our requests. */
export type ProviderOutcome =
  | { status: 'succeeded'; providerRef: string }
  | { status: 'failed'; reason: string; providerRef?: string | undefined }
  /** Accepted, not finished: ask again later with `status`. */
  | { status: 'pending'; providerRef: string }
  /** The provider never received the request (answer to `status` only). */
  | { status: 'unknown' };

export type ProviderCall<D> = { requestId: string; amountFen: number; details: D };

/** A timeout or a connection failure: the outcome is unknown, not a decline. */
export class ProviderUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderUnavailable';
  }
}

type ProviderBase<D, Q> = {
  /** Names the provider's ledger account (`service_provider_payable:<name>`) and statements. */
  name: string;
  /** Read-only look-up before paying (carrier, bill due, fare); never moves money. */
  quote(details: D): Promise<Q>;
  execute(call: ProviderCall<D>): Promise<ProviderOutcome>;
  status(requestId: string): Promise<ProviderOutcome>;
  /**
   * Stops a request that has not finished; a request the provider never saw is blocked so a
   * late `execute` cannot run it. Answers `failed` once cancelled, `succeeded` when too late.
   */
  cancel(requestId: string): Promise<ProviderOutcome>;
  /** The provider's statement for one day (China Standard Time) as CSV; see `statement.ts`. */
  statement(date: string): Promise<string>;
};

export type TopupQuote = { carrier: Carrier; denominationsFen: number[] };
export type BillQuote = { amountDueFen: number; holder: string; period: string };
export type TicketQuote = { fareFen: number; seatsLeft: number; departs: string };

export type TopupProvider = ProviderBase<TopupDetails, TopupQuote>;
export type BillProvider = ProviderBase<BillDetails, BillQuote>;
export type TicketProvider = ProviderBase<TicketDetails, TicketQuote>;

/** One provider per kind, plus how long we wait for an answer before cancelling. */
export type ServiceProviders = {
  mobile_topup: TopupProvider;
  utility_bill: BillProvider;
  travel_ticket: TicketProvider;
  /** Provider calls slower than this count as unavailable (the outbox retries them). */
  callTimeoutMs: number;
  /** After this many unanswered attempts the request is cancelled and refunded. */
  giveUpAfterAttempts: number;
};

/** Any of the three, for code that only passes stored (already normalised) details through. */
export type AnyProvider = ProviderBase<ServiceDetails, unknown>;

export function providerFor(providers: ServiceProviders, kind: ServiceKind): AnyProvider {
  return providers[kind];
}

/** A provider call that takes longer than `ms` counts as unavailable (outcome unknown). */
export async function withTimeout<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderUnavailable(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A provider call made while a user waits (a look-up, a statement): a provider that fails
 * to answer becomes `503 provider_unavailable` rather than a 500.
 */
export async function askProvider<T>(call: () => Promise<T>, ms: number): Promise<T> {
  try {
    return await withTimeout(call(), ms);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('provider_unavailable', 'The service provider did not answer; try again shortly');
  }
}
