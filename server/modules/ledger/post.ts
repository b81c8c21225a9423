import { sql } from 'kysely';
import type { Trx } from '../../db/create-db.ts';
import { isSqlite } from '../../db/dialect.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { dayOf } from '../../shared/month.ts';
import { kindOf, naturalBalance } from './accounts.ts';

export type Posting = {
  kind: string;
  refId: string | null;
  /**
   * The county whose books the money belongs to: every entry goes to its account's row in
   * that county, so a posting touches one county's rows only.
   */
  countyId: string;
  memo?: string | undefined;
  /** Signed amounts in fen: debit positive, credit negative. Must sum to zero. */
  entries: ReadonlyArray<{ account: string; amountFen: number }>;
  /** Accounts whose natural balance may not fall below zero (a float, a wallet). */
  noOverdraft?: readonly string[] | undefined;
};

function check(posting: Posting): Map<string, number> {
  if (!posting.countyId) throw new Error(`ledger transaction ${posting.kind} names no county`);
  if (posting.entries.length < 2) throw new Error('a ledger transaction needs at least two entries');
  const byAccount = new Map<string, number>();
  let sum = 0;
  for (const e of posting.entries) {
    if (!Number.isSafeInteger(e.amountFen))
      throw new Error(`ledger amount is not integer fen: ${e.amountFen}`);
    kindOf(e.account);
    sum += e.amountFen;
    byAccount.set(e.account, (byAccount.get(e.account) ?? 0) + e.amountFen);
  }
  if (sum !== 0) throw new Error(`ledger transaction ${posting.kind} does not balance: off by ${sum} fen`);
  return byAccount;
}

/**
 * The one way money moves. Runs only inside the caller's transaction (`trx`), so the
 * movement commits or vanishes with the business change that caused it. Entries must sum
 * to zero — a programming error otherwise, thrown before anything is written.
 *
 * Each touched account's row in the posting's county is locked (PostgreSQL `FOR UPDATE`, in
 * id order so concurrent postings cannot deadlock; SQLite has a single writer) — postings in
 * other counties never wait for it, even on platform accounts —, its running balance is
 * carried forward, and `noOverdraft` accounts that would go negative refuse the whole
 * transaction with `insufficient_funds`.
 */
export async function post(trx: Trx, clock: Clock, posting: Posting): Promise<string> {
  const byAccount = check(posting);
  const { countyId } = posting;
  const now = clock.now().toISOString();
  const accounts = [...byAccount.keys()].sort();
  await trx
    .insertInto('ledger_accounts')
    .values(
      accounts.map((id) => ({
        id,
        kind: kindOf(id),
        owner_id: id.includes(':') ? id.slice(id.indexOf(':') + 1) : null,
        county_id: countyId,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['id', 'county_id']).doNothing())
    .execute();
  if (!isSqlite(trx)) {
    await sql`select id from ledger_accounts
      where county_id = ${countyId} and id in (${sql.join(accounts)}) order by id for update`.execute(trx);
  }
  const heads = new Map<string, { seq: number; balance: number }>();
  for (const account of accounts) {
    // Served from the (account_id, county_id, account_seq) key: one row, whatever the history.
    const last = await trx
      .selectFrom('ledger_entries')
      .select(['account_seq', 'balance_after_fen'])
      .where('account_id', '=', account)
      .where('county_id', '=', countyId)
      .orderBy('account_seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const head = { seq: last?.account_seq ?? 0, balance: Number(last?.balance_after_fen ?? 0) };
    const after = head.balance + byAccount.get(account)!;
    if (posting.noOverdraft?.includes(account) && naturalBalance(account, after) < 0) {
      const availableFen = naturalBalance(account, head.balance);
      throw new AppError('insufficient_funds', `Not enough money in ${kindOf(account).replace('_', ' ')}`, {
        account,
        availableFen,
        requiredFen: availableFen - naturalBalance(account, after),
      });
    }
    heads.set(account, head);
  }
  const transactionId = uuidv7();
  await trx
    .insertInto('ledger_transactions')
    .values({
      id: transactionId,
      kind: posting.kind,
      ref_id: posting.refId,
      county_id: countyId,
      memo: posting.memo ?? null,
      created_at: now,
    })
    .execute();
  const rows = posting.entries.map((e) => {
    const head = heads.get(e.account)!;
    head.seq += 1;
    head.balance += e.amountFen;
    return {
      id: uuidv7(),
      transaction_id: transactionId,
      account_id: e.account,
      county_id: countyId,
      account_seq: head.seq,
      amount_fen: e.amountFen,
      balance_after_fen: head.balance,
      created_at: now,
    };
  });
  await trx.insertInto('ledger_entries').values(rows).execute();
  await addToDaySums(trx, posting, byAccount, dayOf(new Date(now)));
  return transactionId;
}

/**
 * Adds the posting to each account row's sum for its kind and day. The rows' accounts are
 * already locked, so on PostgreSQL no other posting waits on these rows that did not already
 * wait on the account.
 */
async function addToDaySums(trx: Trx, posting: Posting, byAccount: Map<string, number>, day: string) {
  const entries = new Map<string, number>();
  for (const e of posting.entries) entries.set(e.account, (entries.get(e.account) ?? 0) + 1);
  await trx
    .insertInto('ledger_day_sums')
    .values(
      [...byAccount].map(([account, amountFen]) => ({
        account_id: account,
        county_id: posting.countyId,
        day,
        kind: posting.kind,
        amount_fen: amountFen,
        entries: entries.get(account)!,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['account_id', 'county_id', 'day', 'kind']).doUpdateSet((eb) => ({
        amount_fen: eb('ledger_day_sums.amount_fen', '+', eb.ref('excluded.amount_fen')),
        entries: eb('ledger_day_sums.entries', '+', eb.ref('excluded.entries')),
      })),
    )
    .execute();
}
