/**
 * The ledger as `ledger/post.ts` writes it: one transaction per movement in its county,
 * entries summing to zero, each account's row in that county with its entries numbered 1, 2,
 * 3… and the running balance after each, and each row's net per kind and China Standard Time
 * day (`ledger_day_sums`). Heads (last seq and balance) and day sums are kept in memory per
 * county; a county's are written and forgotten when it is done (no later posting touches its
 * rows), so memory stays flat however many counties are generated.
 */
import { type AccountKind, accountKinds } from '../../server/modules/ledger/index.ts';
import { dayOf } from '../../server/shared/month.ts';
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
  /** Writes a finished county's day sums and drops what is kept of its account rows. */
  close(sink: Sink, countyId: string): void;
};

type CountyBooks = {
  heads: Map<string, { seq: number; balance: number }>;
  /** By account, day and kind, NUL-separated. */
  daySums: Map<string, { amountFen: number; entries: number }>;
};

export function makeBooks(rng: Rng): Books {
  const counties = new Map<string, CountyBooks>();
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
      let county = counties.get(p.countyId);
      if (!county) {
        county = { heads: new Map(), daySums: new Map() };
        counties.set(p.countyId, county);
      }
      const day = dayOf(new Date(p.at));
      for (const account of sums.keys()) {
        if (county.heads.has(account)) continue;
        county.heads.set(account, { seq: 0, balance: 0 });
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
        const head = county.heads.get(account)!;
        head.seq += 1;
        head.balance += amountFen;
        const key = `${account}\0${day}\0${p.kind}`;
        const sum = county.daySums.get(key) ?? { amountFen: 0, entries: 0 };
        sum.amountFen += amountFen;
        sum.entries += 1;
        county.daySums.set(key, sum);
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
    signed: (account, countyId) => counties.get(countyId)?.heads.get(account)?.balance ?? 0,
    close(sink, countyId) {
      for (const [key, sum] of counties.get(countyId)?.daySums ?? []) {
        const [account, day, kind] = key.split('\0') as [string, string, string];
        sink.add('ledger_day_sums', {
          account_id: account,
          county_id: countyId,
          day,
          kind,
          amount_fen: sum.amountFen,
          entries: sum.entries,
        });
      }
      counties.delete(countyId);
    },
  };
}
