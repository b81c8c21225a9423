import { validationFailed } from '../../shared/app-error.ts';
import type { ServiceDetails } from './catalogue.ts';
import { type ProviderOutcome, ProviderUnavailable, type ServiceProviders } from './providers.ts';
import { type SandboxOptions, sandboxServiceProviders } from './sandbox-provider.ts';
import type { ServiceKind } from './services.tables.ts';

/**
 * A real provider (an aggregator of carriers, billers and ticketing) over HTTPS + JSON, one
 * base URL for all three kinds, authenticated with a bearer API key:
 *
 *     POST {url}/{kind}/quotes                  {details}                        → quote
 *     POST {url}/{kind}/orders                  {requestId, amountFen, details}  → outcome
 *     GET  {url}/{kind}/orders/{requestId}                                       → outcome (404: unknown)
 *     POST {url}/{kind}/orders/{requestId}/cancel                                → outcome
 *     GET  {url}/{kind}/statements/{YYYY-MM-DD}                                  → text/csv
 *
 * An outcome is `{status: "succeeded"|"failed"|"pending", providerRef?, reason?}`. `orders`
 * must be idempotent on `requestId`. Network errors, timeouts and 5xx are "no answer"; a
 * 4xx on a quote is the villager's input (bad account number …).
 */
export type HttpProviderConfig = {
  url: string;
  apiKey: string;
  /** Prefix of the provider names (ledger accounts `service_provider_payable:<name>_<kind>`). */
  name: string;
  callTimeoutMs: number;
  giveUpAfterAttempts: number;
};

export function httpServiceProviders(
  config: HttpProviderConfig,
  fetchImpl: typeof fetch = fetch,
): ServiceProviders {
  const base = config.url.replace(/\/+$/, '');
  async function call(kind: ServiceKind, path: string, body?: unknown): Promise<Response> {
    let res: Response;
    try {
      res = await fetchImpl(`${base}/${kind}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${config.apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(config.callTimeoutMs),
      });
    } catch (error) {
      throw new ProviderUnavailable(
        `${kind}${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (res.status >= 500) throw new ProviderUnavailable(`${kind}${path}: HTTP ${res.status}`);
    return res;
  }
  async function outcome(res: Response): Promise<ProviderOutcome> {
    if (res.status === 404) return { status: 'unknown' };
    if (!res.ok) throw new ProviderUnavailable(`provider refused the call: HTTP ${res.status}`);
    const body = (await res.json()) as { status?: string; providerRef?: string; reason?: string };
    if (body.status === 'succeeded' && body.providerRef)
      return { status: 'succeeded', providerRef: body.providerRef };
    if (body.status === 'pending' && body.providerRef)
      return { status: 'pending', providerRef: body.providerRef };
    if (body.status === 'failed')
      return { status: 'failed', reason: body.reason ?? 'declined', providerRef: body.providerRef };
    throw new ProviderUnavailable(`provider answered an unknown status: ${String(body.status)}`);
  }
  function provider<Q>(kind: ServiceKind) {
    return {
      name: `${config.name}_${kind}`,
      async quote(details: ServiceDetails): Promise<Q> {
        const res = await call(kind, '/quotes', { details });
        if (res.status >= 400 && res.status < 500)
          throw validationFailed('details', 'the provider does not know it');
        return (await res.json()) as Q;
      },
      execute: async (c: { requestId: string; amountFen: number; details: ServiceDetails }) =>
        outcome(await call(kind, '/orders', c)),
      status: async (requestId: string) =>
        outcome(await call(kind, `/orders/${encodeURIComponent(requestId)}`)),
      cancel: async (requestId: string) =>
        outcome(await call(kind, `/orders/${encodeURIComponent(requestId)}/cancel`, {})),
      async statement(date: string): Promise<string> {
        const res = await call(kind, `/statements/${date}`);
        if (!res.ok) throw new ProviderUnavailable(`statement ${date}: HTTP ${res.status}`);
        return res.text();
      },
    };
  }
  return {
    mobile_topup: provider('mobile_topup'),
    utility_bill: provider('utility_bill'),
    travel_ticket: provider('travel_ticket'),
    callTimeoutMs: config.callTimeoutMs,
    giveUpAfterAttempts: config.giveUpAfterAttempts,
  };
}

export type ServicesConfig =
  | { provider: 'sandbox'; faults?: SandboxOptions['faults'] }
  | ({ provider: 'http' } & HttpProviderConfig);

/** The providers configuration asks for (see docs/operations.md); the sandbox by default. */
export function serviceProvidersFrom(config: ServicesConfig): ServiceProviders {
  if (config.provider === 'http') return httpServiceProviders(config);
  return sandboxServiceProviders(config.faults ? { faults: config.faults } : {});
}
