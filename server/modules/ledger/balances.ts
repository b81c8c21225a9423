import type { Queryable } from '../../db/create-db.ts';
import { dayOf, wholeDays } from '../../shared/month.ts';
import { naturalBalance } from './accounts.ts';

/**
 * An account's balance as people read it (see `naturalBalance`); 0 for an unused account.
 * With a county, the account's row there — a centre's float, a villager's wallet, a seller's
 * payable live in their owner's county —: one lookup of its last entry. Without, the
 * national balance: the sum of the last entries of its row in every county (a merchant's
 * payable, platform revenue).
 */
export async function balanceOf(db: Queryable, account: string, countyId?: string): Promise<number> {
  if (countyId !== undefined) {
    const last = await db
      .selectFrom('ledger_entries')
      .select('balance_after_fen')
      .where('account_id', '=', account)
      .where('county_id', '=', countyId)
      .orderBy('account_seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return naturalBalance(account, Number(last?.balance_after_fen ?? 0));
  }
  const rows = await db
    .selectFrom('ledger_accounts as a')
    .select((eb) =>
      eb
        .selectFrom('ledger_entries as e')
        .select('e.balance_after_fen')
        .whereRef('e.account_id', '=', 'a.id')
        .whereRef('e.county_id', '=', 'a.county_id')
        .orderBy('e.account_seq', 'desc')
        .limit(1)
        .as('balance'),
    )
    .where('a.id', '=', account)
    .execute();
  return naturalBalance(
    account,
    rows.reduce((sum, r) => sum + Number(r.balance ?? 0), 0),
  );
}

export type TrialBalance = { accounts: Array<{ account: string; balanceFen: number }>; totalFen: number };

/**
 * Signed balance of every account (debit positive) over all counties, summed from the
 * entries themselves — not from the running balances — so it also checks them. `totalFen`
 * is 0 unless the ledger is broken.
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

/**
 * Account rows whose latest running balance differs from the sum of their entries, as
 * `<account> in <county>`. Each county's row of an account carries its own running balance.
 */
export async function runningBalanceMismatches(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectFrom('ledger_entries as e')
    .select((eb) => [
      'e.account_id',
      'e.county_id',
      eb.fn.sum<number>('e.amount_fen').as('total'),
      eb
        .selectFrom('ledger_entries as h')
        .select('h.balance_after_fen')
        .whereRef('h.account_id', '=', 'e.account_id')
        .whereRef('h.county_id', '=', 'e.county_id')
        .orderBy('h.account_seq', 'desc')
        .limit(1)
        .as('last'),
    ])
    .groupBy(['e.account_id', 'e.county_id'])
    .orderBy('e.account_id')
    .orderBy('e.county_id')
    .execute();
  return rows
    .filter((r) => Number(r.last) !== Number(r.total))
    .map((r) => `${r.account_id} in ${r.county_id}`);
}

/** Entries joined to their transaction on the whole key, so each county's rows meet their own. */
const entriesWithTransactions = (db: Queryable) =>
  db
    .selectFrom('ledger_entries')
    .innerJoin('ledger_transactions', (join) =>
      join
        .onRef('ledger_transactions.id', '=', 'ledger_entries.transaction_id')
        .onRef('ledger_transactions.county_id', '=', 'ledger_entries.county_id'),
    );

export type LedgerLine = {
  transactionId: string;
  kind: string;
  refId: string | null;
  amountFen: number;
  at: string;
};

/**
 * Entries of an account with their transaction, oldest first, optionally within [from, to).
 * With a county, the account's row there in its running order; without, every county's row
 * (each read from the index by county and time), by time — entry ids are UUIDv7, so they
 * break ties in the order they were written.
 */
export async function accountEntries(
  db: Queryable,
  account: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
  countyId?: string,
): Promise<LedgerLine[]> {
  let q = entriesWithTransactions(db)
    .select([
      'ledger_entries.transaction_id as transactionId',
      'ledger_transactions.kind as kind',
      'ledger_transactions.ref_id as refId',
      'ledger_entries.amount_fen as amountFen',
      'ledger_entries.created_at as at',
    ])
    .where('ledger_entries.account_id', '=', account);
  q =
    countyId === undefined
      ? q
          .where('ledger_entries.county_id', 'in', (eb) =>
            eb.selectFrom('ledger_accounts').select('county_id').where('id', '=', account),
          )
          .orderBy('ledger_entries.created_at')
          .orderBy('ledger_entries.id')
      : q.where('ledger_entries.county_id', '=', countyId).orderBy('ledger_entries.account_seq');
  if (range.from) q = q.where('ledger_entries.created_at', '>=', range.from);
  if (range.to) q = q.where('ledger_entries.created_at', '<', range.to);
  return (await q.execute()).map((r) => ({ ...r, amountFen: Number(r.amountFen) }));
}

/**
 * The signed net of entries per account and transaction kind over a range of whole China
 * Standard Time days (a week, a month), for many accounts of one county in one query
 * (dashboards over a county's centres): read from the day sums, a row per account, kind and
 * day, not from the entries. Accounts without entries are absent.
 */
export async function sumsByKind(
  db: Queryable,
  countyId: string,
  accounts: readonly string[],
  range: { from: string; to: string },
): Promise<Map<string, Map<string, number>>> {
  const days = wholeDays(range);
  const result = new Map<string, Map<string, number>>();
  for (let i = 0; i < accounts.length; i += 500) {
    const rows = await db
      .selectFrom('ledger_day_sums')
      .select(['account_id as account', 'kind', (eb) => eb.fn.sum<number>('amount_fen').as('total')])
      .where('account_id', 'in', accounts.slice(i, i + 500))
      .where('county_id', '=', countyId)
      .where('day', '>=', days.from)
      .where('day', '<', days.to)
      .groupBy(['account_id', 'kind'])
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
 * Day sums that differ from the entries they sum, as `<account> in <county> on <day> for
 * <kind>`: a recount of every entry, for tests and checks on generated data.
 */
export async function daySumMismatches(db: Queryable): Promise<string[]> {
  const counted = new Map<string, { amount: number; entries: number }>();
  const entries = await entriesWithTransactions(db)
    .select([
      'ledger_entries.account_id as account',
      'ledger_entries.county_id as county',
      'ledger_entries.created_at as at',
      'ledger_transactions.kind as kind',
      'ledger_entries.amount_fen as amount',
    ])
    .execute();
  for (const e of entries) {
    const key = `${e.account} in ${e.county} on ${dayOf(new Date(e.at))} for ${e.kind}`;
    const sum = counted.get(key) ?? { amount: 0, entries: 0 };
    sum.amount += Number(e.amount);
    sum.entries += 1;
    counted.set(key, sum);
  }
  const out: string[] = [];
  for (const r of await db.selectFrom('ledger_day_sums').selectAll().execute()) {
    const key = `${r.account_id} in ${r.county_id} on ${r.day} for ${r.kind}`;
    const sum = counted.get(key);
    counted.delete(key);
    if (sum?.amount !== Number(r.amount_fen) || sum.entries !== Number(r.entries)) out.push(key);
  }
  return [...out, ...counted.keys()].sort();
}

/**
 * The net of one account's entries per business reference (`ref_id`), in the account's
 * natural sign, over every county: what each request or order still leaves on it. For
 * reconciliations.
 */
export async function balancesByRef(
  db: Queryable,
  account: string,
  refIds: readonly string[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (let i = 0; i < refIds.length; i += 500) {
    const rows = await entriesWithTransactions(db)
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
