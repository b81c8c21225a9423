/**
 * The ledger as `ledger/post.ts` writes it: one transaction per movement in its county,
 * entries summing to zero, each account's row in that county with its entries numbered 1, 2,
 * 3… and the running balance after each. Heads (last seq and balance) are kept in memory per
 * county; a county's are forgotten when it is done (no later posting touches its rows), so
 * memory stays flat however many counties are generated.
 */
import { type AccountKind, accountKinds } from '../../server/modules/ledger/index.ts';
import { iso, type Rng } from './rng.ts';
import type { Sink } from './sink.ts';

export type Entry = { account: string; amountFen: number };

export type Books = {
  post(
    sink: Sink,
    p: { kind: string; refId: string; countyId: string; memo?: string; at: number; entries: Entry[] },
  ): void;
  /** The signed balance (debit positive) of an account's row in a county so far. */
  signed(account: string, countyId: string): number;
  /** Drops the heads of a finished county's account rows. */
  forget(countyId: string): void;
};

export function makeBooks(rng: Rng): Books {
  const heads = new Map<string, Map<string, { seq: number; balance: number }>>();
  return {
    post(sink, p) {
      const sums = new Map<string, number>();
      let total = 0;
      for (const e of p.entries) {
        if (e.amountFen === 0) continue;
        if (!Number.isSafeInteger(e.amountFen)) throw new Error(`not integer fen: ${e.amountFen}`);
        sums.set(e.account, (sums.get(e.account) ?? 0) + e.amountFen);
        total += e.amountFen;
      }
      if (total !== 0) throw new Error(`${p.kind} does not balance: off by ${total} fen`);
      if (sums.size === 0) return;
      const at = iso(p.at);
      const transactionId = rng.idAt(p.at);
      let county = heads.get(p.countyId);
      if (!county) {
        county = new Map();
        heads.set(p.countyId, county);
      }
      for (const account of sums.keys()) {
        if (county.has(account)) continue;
        county.set(account, { seq: 0, balance: 0 });
        const kind = account.split(':')[0] as AccountKind;
        if (!(kind in accountKinds)) throw new Error(`unknown account kind in ${account}`);
        sink.add('ledger_accounts', {
          id: account,
          kind,
          owner_id: account.includes(':') ? account.slice(account.indexOf(':') + 1) : null,
          county_id: p.countyId,
          created_at: at,
        });
      }
      sink.add('ledger_transactions', {
        id: transactionId,
        kind: p.kind,
        ref_id: p.refId,
        county_id: p.countyId,
        memo: p.memo ?? null,
        created_at: at,
      });
      for (const [account, amountFen] of sums) {
        const head = county.get(account)!;
        head.seq += 1;
        head.balance += amountFen;
        sink.add('ledger_entries', {
          id: rng.idAt(p.at),
          transaction_id: transactionId,
          account_id: account,
          county_id: p.countyId,
          account_seq: head.seq,
          amount_fen: amountFen,
          balance_after_fen: head.balance,
          created_at: at,
        });
      }
    },
    signed: (account, countyId) => heads.get(countyId)?.get(account)?.balance ?? 0,
    forget(countyId) {
      heads.delete(countyId);
    },
  };
}
