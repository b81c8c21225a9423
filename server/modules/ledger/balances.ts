import type { Queryable } from '../../db/create-db.ts';
import { naturalBalance } from './accounts.ts';

/** An account's balance as people read it (see `naturalBalance`); 0 for an unused account. */
export async function balanceOf(db: Queryable, account: string): Promise<number> {
  const last = await db
    .selectFrom('ledger_entries')
    .select('balance_after_fen')
    .where('account_id', '=', account)
    .orderBy('account_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return naturalBalance(account, last?.balance_after_fen ?? 0);
}

export type TrialBalance = { accounts: Array<{ account: string; balanceFen: number }>; totalFen: number };

/**
 * Signed balance of every account (debit positive), summed from the entries themselves —
 * not from the running balances — so it also checks them. `totalFen` is 0 unless the
 * ledger is broken.
 */
export async function trialBalance(db: Queryable): Promise<TrialBalance> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['account_id', (eb) => eb.fn.sum<number>('amount_fen').as('total')])
    .groupBy('account_id')
    .orderBy('account_id')
    .execute();
  const accounts = rows.map((r) => ({ account: r.account_id, balanceFen: Number(r.total) }));
  return { accounts, totalFen: accounts.reduce((s, a) => s + a.balanceFen, 0) };
}

/** Accounts whose latest running balance differs from the sum of their entries. */
export async function runningBalanceMismatches(db: Queryable): Promise<string[]> {
  const sums = await trialBalance(db);
  const bad: string[] = [];
  for (const a of sums.accounts) {
    const last = await db
      .selectFrom('ledger_entries')
      .select('balance_after_fen')
      .where('account_id', '=', a.account)
      .orderBy('account_seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (Number(last.balance_after_fen) !== a.balanceFen) bad.push(a.account);
  }
  return bad;
}

export type LedgerLine = {
  transactionId: string;
  kind: string;
  refId: string | null;
  amountFen: number;
  at: string;
};

/** Entries of an account with their transaction, oldest first, optionally within [from, to). */
export async function accountEntries(
  db: Queryable,
  account: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<LedgerLine[]> {
  let q = db
    .selectFrom('ledger_entries')
    .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_entries.transaction_id')
    .select([
      'ledger_entries.transaction_id as transactionId',
      'ledger_transactions.kind as kind',
      'ledger_transactions.ref_id as refId',
      'ledger_entries.amount_fen as amountFen',
      'ledger_entries.created_at as at',
    ])
    .where('ledger_entries.account_id', '=', account)
    .orderBy('ledger_entries.account_seq');
  if (range.from) q = q.where('ledger_entries.created_at', '>=', range.from);
  if (range.to) q = q.where('ledger_entries.created_at', '<', range.to);
  return (await q.execute()).map((r) => ({ ...r, amountFen: Number(r.amountFen) }));
}

/**
 * The signed net of entries per account and transaction kind over `[from, to)`, for many
 * accounts in one query (dashboards over a county's centres). Accounts without entries are
 * absent.
 */
export async function sumsByKind(
  db: Queryable,
  accounts: readonly string[],
  range: { from: string; to: string },
): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>();
  for (let i = 0; i < accounts.length; i += 500) {
    const rows = await db
      .selectFrom('ledger_entries')
      .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_entries.transaction_id')
      .select([
        'ledger_entries.account_id as account',
        'ledger_transactions.kind as kind',
        (eb) => eb.fn.sum<number>('ledger_entries.amount_fen').as('total'),
      ])
      .where('ledger_entries.account_id', 'in', accounts.slice(i, i + 500))
      .where('ledger_entries.created_at', '>=', range.from)
      .where('ledger_entries.created_at', '<', range.to)
      .groupBy(['ledger_entries.account_id', 'ledger_transactions.kind'])
      .execute();
    for (const r of rows) {
      const kinds = result.get(r.account) ?? new Map<string, number>();
      kinds.set(r.kind, Number(r.total));
      result.set(r.account, kinds);
    }
  }
  return result;
}

/**
 * The net of one account's entries per business reference (`ref_id`), in the account's
 * natural sign: what each request or order still leaves on it. For reconciliations.
 */
export async function balancesByRef(
  db: Queryable,
  account: string,
  refIds: readonly string[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (let i = 0; i < refIds.length; i += 500) {
    const rows = await db
      .selectFrom('ledger_entries')
      .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_entries.transaction_id')
      .select([
        'ledger_transactions.ref_id as refId',
        (eb) => eb.fn.sum<number>('ledger_entries.amount_fen').as('total'),
      ])
      .where('ledger_entries.account_id', '=', account)
      .where('ledger_transactions.ref_id', 'in', refIds.slice(i, i + 500))
      .groupBy('ledger_transactions.ref_id')
      .execute();
    for (const r of rows) if (r.refId) result.set(r.refId, naturalBalance(account, Number(r.total)));
  }
  return result;
}
