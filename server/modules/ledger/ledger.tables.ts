export type LedgerAccountRow = {
  id: string;
  kind: string;
  owner_id: string | null;
  county_id: string | null;
  created_at: string;
};

export type LedgerTransactionRow = {
  id: string;
  kind: string;
  ref_id: string | null;
  county_id: string | null;
  memo: string | null;
  created_at: string;
};

/**
 * One leg of a transaction. `amount_fen` is signed: debit positive, credit negative.
 * `account_seq` numbers an account's entries 1, 2, 3…; `balance_after_fen` is the running
 * sum of the account's amounts up to and including this entry — derived, and checked.
 */
export type LedgerEntryRow = {
  id: string;
  transaction_id: string;
  account_id: string;
  account_seq: number;
  amount_fen: number;
  balance_after_fen: number;
  created_at: string;
};

export type LedgerTables = {
  ledger_accounts: LedgerAccountRow;
  ledger_transactions: LedgerTransactionRow;
  ledger_entries: LedgerEntryRow;
};
