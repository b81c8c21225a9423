import type { Deps } from '../../deps.ts';
import { enqueue } from '../../shared/outbox.ts';
import { post } from '../ledger/index.ts';
import { findCenter } from '../network/index.ts';
import { queueSms } from '../notifications/index.ts';
import { findVillager } from '../villagers/index.ts';
import { type ServiceDetails, serviceLabel } from './catalogue.ts';
import { refundEntries } from './postings.ts';
import { type ProviderOutcome, providerFor, type ServiceProviders, withTimeout } from './providers.ts';
import { SERVICE_TOPIC } from './request-service.ts';
import { countAttempt, findRequestRow, finishRequest } from './services.repo.ts';
import type { ServiceRequestRow } from './services.tables.ts';

type Final = Extract<ProviderOutcome, { status: 'succeeded' | 'failed' }>;

const yuan = (fen: number) => (Number(fen) / 100).toFixed(2);

/**
 * Moves a pending request to its final status in one transaction: a failed request gets its
 * refund (the exact reverse of its charge) there too. The conditional status update decides
 * who finishes it, so a redelivered job or a second worker finds nothing left to do and the
 * refund happens exactly once. The villager is told by SMS.
 */
async function finish(deps: Deps, row: ServiceRequestRow, outcome: Final): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const moved = await finishRequest(trx, row.id, {
      status: outcome.status,
      providerRef: outcome.providerRef ?? null,
      reason: outcome.status === 'failed' ? outcome.reason : null,
      at,
    });
    if (!moved) return;
    const money = {
      payment: row.payment,
      centerId: row.center_id,
      villagerId: row.villager_id,
      provider: row.provider,
      amountFen: Number(row.amount_fen),
      feeFen: Number(row.fee_fen),
    };
    if (outcome.status === 'failed') {
      await post(trx, deps.clock, {
        kind: 'service_refund',
        refId: row.id,
        countyId: row.county_id,
        memo: outcome.reason,
        entries: refundEntries(money),
      });
    }
    const villager = await findVillager(trx, row.villager_id);
    const center = await findCenter(trx, row.center_id);
    if (!villager || !center) return;
    await queueSms(trx, deps.clock, {
      to: villager.phone,
      ...serviceResultSms(row, center.name, outcome.status),
      countyId: row.county_id,
    });
  });
  deps.nudgeOutbox();
}

async function ask(
  deps: Deps,
  providers: ServiceProviders,
  row: ServiceRequestRow,
): Promise<ProviderOutcome | null> {
  const provider = providerFor(providers, row.kind);
  const execute = () =>
    provider.execute({
      requestId: row.id,
      amountFen: Number(row.amount_fen),
      details: JSON.parse(row.details) as ServiceDetails,
    });
  try {
    // Once the provider has acknowledged the request, only its status is asked; `execute`
    // is idempotent on the request id anyway, so asking again after a lost answer is safe.
    const first = await withTimeout(
      row.provider_ref ? provider.status(row.id) : execute(),
      providers.callTimeoutMs,
    );
    return first.status === 'unknown' ? await withTimeout(execute(), providers.callTimeoutMs) : first;
  } catch (error) {
    deps.log.warn({ requestId: row.id, err: String(error) }, 'service provider did not answer');
    return null;
  }
}

/** Waits between checks of an unanswered request: 1 s, 2 s, 4 s … capped at 10 minutes. */
export function checkDelayMs(attempt: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, attempt - 1), 600_000);
}

/**
 * Outbox handler for `services.execute`: asks the provider about one pending request and
 * finishes it when the provider is sure. Without a final answer it counts the attempt and
 * queues the next check with back-off (its own job, so a slow provider never exhausts the
 * outbox's retries); after `giveUpAfterAttempts` it cancels the request at the provider —
 * then it fails and is refunded, unless the provider says it already succeeded. Runs
 * outside any transaction: provider calls never hold one open.
 */
export async function resolveServiceRequest(
  deps: Deps,
  providers: ServiceProviders,
  id: string,
): Promise<void> {
  const row = await findRequestRow(deps.db, id);
  if (row?.status !== 'pending') return;
  // Its charge is owed to the provider it was taken for; after a configuration change the new
  // provider must not be asked, so the job fails visibly (outbox `dead`) for operations to settle.
  const name = providerFor(providers, row.kind).name;
  if (row.provider !== name)
    throw new Error(`request ${id} belongs to provider ${row.provider}, not ${name}`);
  const attempt = row.attempts + 1;
  const outcome = await ask(deps, providers, row);
  if (outcome?.status === 'succeeded' || outcome?.status === 'failed') return finish(deps, row, outcome);
  if (attempt >= providers.giveUpAfterAttempts) {
    const cancelled = await cancel(deps, providers, row);
    if (cancelled?.status === 'succeeded') return finish(deps, row, cancelled);
    // Cancelled by us for want of an answer reads as a timeout; an earlier decline keeps its reason.
    if (cancelled?.status === 'failed')
      return finish(deps, row, {
        ...cancelled,
        reason: cancelled.reason === 'cancelled' ? 'timeout' : cancelled.reason,
      });
  }
  const now = deps.clock.now();
  const providerRef = outcome?.status === 'pending' ? outcome.providerRef : null;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await countAttempt(trx, row, providerRef, now.toISOString()))) return;
    await enqueue(
      trx,
      deps.clock,
      SERVICE_TOPIC,
      { requestId: id },
      new Date(now.getTime() + checkDelayMs(attempt)),
    );
  });
}

async function cancel(
  deps: Deps,
  providers: ServiceProviders,
  row: ServiceRequestRow,
): Promise<ProviderOutcome | null> {
  try {
    return await withTimeout(providerFor(providers, row.kind).cancel(row.id), providers.callTimeoutMs);
  } catch (error) {
    deps.log.warn({ requestId: row.id, err: String(error) }, 'service provider did not answer a cancel');
    return null;
  }
}

export function serviceHandler(providers: ServiceProviders) {
  return (deps: Deps, payload: Record<string, unknown>) =>
    resolveServiceRequest(deps, providers, String(payload.requestId));
}

/** The villager's SMS about a resolved request: its text and its kind in the message log. */
export function serviceResultSms(
  row: Pick<ServiceRequestRow, 'kind' | 'amount_fen' | 'fee_fen' | 'payment' | 'receipt_no'>,
  centerName: string,
  status: 'succeeded' | 'failed',
): { body: string; kind: string } {
  const what = `${serviceLabel[row.kind]}${yuan(row.amount_fen)}元`;
  if (status === 'succeeded')
    return {
      body: `【村通】您在${centerName}办理的${what}已成功，服务费${yuan(row.fee_fen)}元，收据号${row.receipt_no}。`,
      kind: 'service_succeeded',
    };
  const refund =
    row.payment === 'wallet'
      ? `${yuan(row.amount_fen)}元已退回您的钱包，服务费${yuan(row.fee_fen)}元请到服务站取回`
      : `请到服务站取回${yuan(Number(row.amount_fen) + Number(row.fee_fen))}元`;
  return {
    body: `【村通】您在${centerName}办理的${what}未成功，${refund}。收据号${row.receipt_no}。`,
    kind: 'service_refund',
  };
}
