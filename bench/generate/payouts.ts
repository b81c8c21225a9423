/**
 * The county's seller payouts, as `upstream/payouts.ts` makes them: on the 1st and the 16th
 * of each month the county's staff put every seller with a positive payable and a payout
 * account into one batch (their balances move to `payouts_in_transit`), and the bank confirms
 * the transfer a day or three later (`payouts_in_transit` → `cash_clearing`). They are
 * generated at the county's end, from the sales its centres recorded, so the payout entries
 * of a seller's account are numbered after its sales.
 */
import type { PayoutLineRow } from '../../server/modules/upstream/upstream.tables.ts';
import type { Ctx } from './context.ts';
import type { CountyPlan } from './network.ts';
import { CST, cstDate, DAY, HOUR, iso } from './rng.ts';
import type { SellerAccount } from './sellers.ts';
import type { Sink } from './sink.ts';

const banks = ['ICBC', 'ABC', 'CCB', 'BOC', 'PSBC'];

/** Payout days of the history: the 1st and 16th of each month, 10:00 China time. */
function payoutDays(startMs: number, endMs: number): number[] {
  const days: number[] = [];
  const first = new Date(startMs + CST);
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m++) {
    const month = Date.UTC(y, m, 1) - CST;
    if (month > endMs) break;
    for (const day of [1, 16]) {
      const at = month + (day - 1) * DAY + 10 * HOUR;
      if (at > startMs && at <= endMs) days.push(at);
    }
  }
  return days;
}

export function writePayouts(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  sellers: readonly SellerAccount[],
): void {
  const { rng, books, endMs } = ctx;
  const paid = new Map<string, number>();
  const byId = [...sellers].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const at of payoutDays(ctx.startMs, endMs)) {
    const id = rng.idAt(at);
    const lines: PayoutLineRow[] = [];
    for (const s of byId) {
      if (!s.payout) continue;
      const earned = s.moves.reduce((sum, m) => (m.at < at ? sum + m.fen : sum), 0);
      const owed = earned - (paid.get(s.id) ?? 0);
      if (owed <= 0) continue;
      paid.set(s.id, (paid.get(s.id) ?? 0) + owed);
      lines.push({
        batch_id: id,
        county_id: county.id,
        seller_id: s.id,
        amount_fen: owed,
        payout_method: s.payout.method,
        payout_account: s.payout.account,
        account_name: s.name,
      });
    }
    if (lines.length === 0) continue;
    const total = lines.reduce((sum, l) => sum + l.amount_fen, 0);
    const paidMs = at + rng.int(1, 3) * DAY + rng.int(0, 6) * HOUR;
    const confirmed = paidMs <= endMs;
    const reference = `${rng.pick(banks)}${cstDate(paidMs).replaceAll('-', '')}${rng.hex(8).toUpperCase()}`;
    sink.add('payout_batches', {
      id,
      county_id: county.id,
      status: confirmed ? 'paid' : 'sent',
      total_fen: total,
      created_by: rng.pick(county.staffIds),
      created_at: iso(at),
      paid_at: confirmed ? iso(paidMs) : null,
      bank_reference: confirmed ? reference : null,
    });
    for (const l of lines) sink.add('payout_lines', l);
    books.post(sink, {
      kind: 'payout_batch',
      refId: id,
      countyId: county.id,
      at,
      entries: [
        ...lines.map((l) => ({ account: `seller_payable:${l.seller_id}`, amountFen: l.amount_fen })),
        { account: `payouts_in_transit:${county.id}`, amountFen: -total },
      ],
    });
    if (confirmed) {
      books.post(sink, {
        kind: 'payout_paid',
        refId: id,
        countyId: county.id,
        at: paidMs,
        entries: [
          { account: `payouts_in_transit:${county.id}`, amountFen: total },
          { account: 'cash_clearing', amountFen: -total },
        ],
      });
    }
  }
}
