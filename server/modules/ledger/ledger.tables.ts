/**
 * Every ledger row belongs to one county, which is part of its key: the ledger is
 * distributed by county like the rest of a county's activity (docs/scaling.md). An account
 * has one row per county it is used in — a platform-wide account (`platform_revenue`) or a
 * national owner's (`merchant_payable:<merchant>`) in each county, a centre's float in its
 * centre's county only — and each row has its own running sequence and balance.
 */
export type LedgerAccountRow = {
  id: string;
  kind: string;
  owner_id: string | null;
  county_id: string;
  created_at: string;
};

export type LedgerTransactionRow = {
  id: string;
  kind: string;
  ref_id: string | null;
  county_id: string;
  memo: string | null;
  created_at: string;
};

/**
 * One leg of a transaction, in the transaction's county. `amount_fen` is signed: debit
 * positive, credit negative. `account_seq` numbers the entries of the account's row in that
 * county 1, 2, 3…; `balance_after_fen` is the running sum of that row's amounts up to and
 * including this entry — derived, and checked.
 */
export type LedgerEntryRow = {
  id: string;
  transaction_id: string;
  account_id: string;
  county_id: string;
  account_seq: number;
  amount_fen: number;
  balance_after_fen: number;
  created_at: string;
};

/**
 * The net of an account row's entries of one transaction kind on one China Standard Time day,
 * kept by `post` in the same transaction as the entries. A period's sums per kind (a
 * statement's totals, a leaderboard's earnings) read a row per day instead of every entry.
 */
export type LedgerDaySumRow = {
  account_id: string;
  county_id: string;
  /** YYYY-MM-DD, China Standard Time. */
  day: string;
  kind: string;
  amount_fen: number;
  entries: number;
};

export type LedgerTables = {
  ledger_accounts: LedgerAccountRow;
  ledger_transactions: LedgerTransactionRow;
  ledger_entries: LedgerEntryRow;
  ledger_day_sums: LedgerDaySumRow;
};
