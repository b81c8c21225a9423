import type { Deps } from '../../deps.ts';
import { feeScheduleAt, serviceFeeFen } from '../fees/index.ts';
import { normaliseDetails, type ServiceDetails, topupDenominationsFen } from './catalogue.ts';
import { askProvider, providerFor, type ServiceProviders } from './providers.ts';
import type { ServiceKind } from './services.tables.ts';

export type ServiceQuote = {
  kind: ServiceKind;
  provider: string;
  details: ServiceDetails;
  quote: Record<string, unknown>;
  /** The amount the quote suggests (the bill due, the fare); null for a top-up. */
  amountFen: number | null;
  /** The partner's fee on that amount (or on `amountFen` if given), from the schedule in force. */
  feeFen: number | null;
  feeBps: number;
};

/**
 * The look-up step before paying: a top-up's carrier, a bill's amount due, a ticket's fare.
 * Read-only — it moves no money and opens no transaction, so the provider may be asked
 * directly, within the request.
 */
export async function quoteService(
  deps: Deps,
  providers: ServiceProviders,
  input: { kind: ServiceKind; details: Record<string, unknown>; amountFen?: number | undefined },
): Promise<ServiceQuote> {
  const now = deps.clock.now();
  const details = normaliseDetails({
    kind: input.kind,
    // A top-up is quoted before a denomination is picked; any valid one passes the check.
    amountFen: input.kind === 'mobile_topup' ? topupDenominationsFen[0] : (input.amountFen ?? 1),
    details: input.details,
    villagerPhone: '',
    now,
  });
  const provider = providerFor(providers, input.kind);
  const quote = (await askProvider(() => provider.quote(details), providers.callTimeoutMs)) as Record<
    string,
    unknown
  >;
  const suggested =
    typeof quote.amountDueFen === 'number'
      ? quote.amountDueFen
      : typeof quote.fareFen === 'number'
        ? quote.fareFen
        : null;
  const amountFen = input.amountFen ?? suggested;
  const schedule = await feeScheduleAt(deps.db, now.toISOString());
  return {
    kind: input.kind,
    provider: provider.name,
    details,
    quote,
    amountFen: suggested,
    feeFen: amountFen === null ? null : serviceFeeFen(schedule, input.kind, amountFen),
    feeBps: schedule.rates.serviceFeeBps[input.kind] ?? 0,
  };
}
