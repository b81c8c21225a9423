/** Ledger: double-entry accounts, transactions and entries in integer fen. */
export { type AccountKind, accountId, accountKinds, naturalBalance } from './accounts.ts';
export {
  accountEntries,
  balanceOf,
  balancesByRef,
  daySumMismatches,
  type LedgerLine,
  runningBalanceMismatches,
  sumsByKind,
  type TrialBalance,
  trialBalance,
} from './balances.ts';
export { type Posting, post } from './post.ts';
