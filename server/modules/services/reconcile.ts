import type { Deps } from '../../deps.ts';
import { balancesByRef } from '../ledger/index.ts';
import { providerAccount } from './postings.ts';
import { askProvider, providerFor, type ServiceProviders } from './providers.ts';
import { findRowsByIds, resolvedRowsOf } from './services.repo.ts';
import type { ServiceKind, ServiceStatus } from './services.tables.ts';
import { cstDayRange, parseStatement } from './statement.ts';

export type MismatchReason =
  /** The provider charged us for a request we do not know. */
  | 'unknown_request'
  /** The provider charged us, but we refunded the villager (or never charged): money lost. */
  | 'charged_but_refunded'
  | 'amount_differs'
  /** The provider finished it; we are still waiting for its answer (resolves on its own). */
  | 'pending_here'
  /** We count it as done and owe the provider, but the statement does not list it. */
  | 'missing_in_statement';

export type Reconciliation = {
  provider: string;
  kind: ServiceKind;
  date: string;
  matched: number;
  statementLines: number;
  statementTotalFen: number;
  ledgerTotalFen: number;
  unreadableLines: number[];
  mismatches: Array<{
    requestId: string;
    reason: MismatchReason;
    statementFen: number | null;
    ledgerFen: number;
    status: ServiceStatus | null;
  }>;
};

/**
 * Matches a provider's statement for one day (China Standard Time) against the ledger: for
 * every request the statement lists, and every request we finished as succeeded that day,
 * what remains on the provider's payable account for it. A request the provider charged and
 * the ledger shows as owed the same amount is matched; everything else is listed.
 */
export async function reconcile(
  deps: Deps,
  providers: ServiceProviders,
  input: { kind: ServiceKind; date: string; statementCsv?: string | undefined },
): Promise<Reconciliation> {
  const provider = providerFor(providers, input.kind);
  const csv =
    input.statementCsv ?? (await askProvider(() => provider.statement(input.date), providers.callTimeoutMs));
  const { lines, unreadable } = parseStatement(csv);
  const ours = await resolvedRowsOf(deps.db, provider.name, 'succeeded', cstDayRange(input.date));
  const listed = new Map(lines.map((l) => [l.requestId, l.amountFen]));
  const ids = [...new Set([...listed.keys(), ...ours.map((r) => r.id)])];
  const rows = new Map((await findRowsByIds(deps.db, ids)).map((r) => [r.id, r]));
  const owed = await balancesByRef(deps.db, providerAccount(provider.name), ids);
  const report: Reconciliation = {
    provider: provider.name,
    kind: input.kind,
    date: input.date,
    matched: 0,
    statementLines: lines.length,
    statementTotalFen: lines.reduce((s, l) => s + l.amountFen, 0),
    ledgerTotalFen: ours.reduce((s, r) => s + (owed.get(r.id) ?? 0), 0),
    unreadableLines: unreadable,
    mismatches: [],
  };
  for (const id of ids) {
    const row = rows.get(id);
    const statementFen = listed.get(id) ?? null;
    const ledgerFen = owed.get(id) ?? 0;
    const status = row && row.provider === provider.name ? row.status : null;
    let reason: MismatchReason | null = null;
    if (statementFen === null) reason = ledgerFen > 0 ? 'missing_in_statement' : null;
    else if (!status) reason = 'unknown_request';
    else if (ledgerFen === 0) reason = 'charged_but_refunded';
    else if (ledgerFen !== statementFen) reason = 'amount_differs';
    else if (status === 'pending') reason = 'pending_here';
    if (reason) report.mismatches.push({ requestId: id, reason, statementFen, ledgerFen, status });
    else if (statementFen !== null) report.matched++;
  }
  return report;
}
