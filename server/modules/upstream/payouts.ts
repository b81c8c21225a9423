import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, canSeeCounty } from '../identity/index.ts';
import { accountId, balanceOf, post } from '../ledger/index.ts';
import { queueSms } from '../notifications/index.ts';
import { findVillager } from '../villagers/index.ts';
import { maskAccount } from './sellers.ts';
import type { PayoutBatchRow, PayoutLineRow } from './upstream.tables.ts';

export type PayoutBatch = {
  id: string;
  countyId: string;
  status: PayoutBatchRow['status'];
  totalFen: number;
  createdAt: string;
  paidAt: string | null;
  bankReference: string | null;
  lines: Array<{
    sellerId: string;
    accountName: string;
    amountFen: number;
    payoutMethod: string;
    payoutAccount: string;
  }>;
  /** Sellers owed money but without a payout account: the partner must add one first. */
  skipped: string[];
};

const toBatch = (b: PayoutBatchRow, lines: PayoutLineRow[], skipped: string[] = []): PayoutBatch => ({
  id: b.id,
  countyId: b.county_id,
  status: b.status,
  totalFen: Number(b.total_fen),
  createdAt: b.created_at,
  paidAt: b.paid_at,
  bankReference: b.bank_reference,
  lines: lines.map((l) => ({
    sellerId: l.seller_id,
    accountName: l.account_name,
    amountFen: Number(l.amount_fen),
    payoutMethod: l.payout_method,
    payoutAccount: maskAccount(l.payout_account),
  })),
  skipped,
});

function assertCountyFinance(actor: Actor, countyId: string): void {
  const allowed = actor.role === 'hq_admin' || (actor.role === 'county_staff' && actor.countyId === countyId);
  if (!allowed) throw new AppError('not_found', 'County not found');
}

/**
 * Everything the county's sellers are owed goes into one batch for the bank: each seller's
 * payable balance moves to `payouts_in_transit` in one ledger transaction (no overdraft, so
 * two batches made at once never pay the same money twice). Sellers without a payout account
 * are left out and named.
 */
export async function createPayoutBatch(deps: Deps, actor: Actor, countyId: string): Promise<PayoutBatch> {
  assertCountyFinance(actor, countyId);
  return deps.db.transaction().execute(async (trx) => {
    const sellers = await trx
      .selectFrom('sellers')
      .selectAll()
      .where('county_id', '=', countyId)
      .orderBy('id')
      .execute();
    const id = uuidv7();
    const lines: PayoutLineRow[] = [];
    const skipped: string[] = [];
    for (const s of sellers) {
      const owed = await balanceOf(trx, accountId('seller_payable', s.id), countyId);
      if (owed <= 0) continue;
      if (!s.payout_method || !s.payout_account) {
        skipped.push(s.id);
        continue;
      }
      lines.push({
        batch_id: id,
        county_id: countyId,
        seller_id: s.id,
        amount_fen: owed,
        payout_method: s.payout_method,
        payout_account: s.payout_account,
        account_name: s.display_name,
      });
    }
    if (lines.length === 0) throw invalidState('Nothing to pay out', { skipped });
    const total = lines.reduce((sum, l) => sum + l.amount_fen, 0);
    const batch: PayoutBatchRow = {
      id,
      county_id: countyId,
      status: 'sent',
      total_fen: total,
      created_by: actor.id,
      created_at: deps.clock.now().toISOString(),
      paid_at: null,
      bank_reference: null,
    };
    await trx.insertInto('payout_batches').values(batch).execute();
    await trx.insertInto('payout_lines').values(lines).execute();
    const sellerAccounts = lines.map((l) => accountId('seller_payable', l.seller_id));
    await post(trx, deps.clock, {
      kind: 'payout_batch',
      refId: id,
      countyId,
      entries: [
        ...lines.map((l, i) => ({ account: sellerAccounts[i]!, amountFen: l.amount_fen })),
        { account: accountId('payouts_in_transit', countyId), amountFen: -total },
      ],
      noOverdraft: sellerAccounts,
    });
    return toBatch(batch, lines, skipped);
  });
}

const batchRow = (db: Queryable, id: string) =>
  db.selectFrom('payout_batches').selectAll().where('id', '=', id).executeTakeFirst();
const linesOf = (db: Queryable, id: string) =>
  db.selectFrom('payout_lines').selectAll().where('batch_id', '=', id).orderBy('seller_id').execute();

async function visibleBatch(db: Queryable, actor: Actor, id: string): Promise<PayoutBatchRow> {
  const b = await batchRow(db, id);
  if (!b) throw new AppError('not_found', 'Payout batch not found');
  assertCountyFinance(actor, b.county_id);
  return b;
}

export async function getPayoutBatch(deps: Deps, actor: Actor, id: string): Promise<PayoutBatch> {
  const b = await visibleBatch(deps.db, actor, id);
  return toBatch(b, await linesOf(deps.db, id));
}

export async function listPayoutBatches(deps: Deps, actor: Actor, countyId: string): Promise<PayoutBatch[]> {
  if (!canSeeCounty(actor, countyId)) throw new AppError('not_found', 'County not found');
  assertCountyFinance(actor, countyId);
  const batches = await deps.db
    .selectFrom('payout_batches')
    .selectAll()
    .where('county_id', '=', countyId)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return Promise.all(batches.map(async (b) => toBatch(b, await linesOf(deps.db, b.id))));
}

/**
 * The payout file for the bank's batch transfer, as CSV with a header: the full account
 * numbers are only ever written here.
 */
export async function payoutFile(deps: Deps, actor: Actor, id: string): Promise<string> {
  const b = await visibleBatch(deps.db, actor, id);
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const rows = (await linesOf(deps.db, id)).map((l, i) =>
    [
      String(i + 1),
      quote(l.account_name),
      l.payout_method === 'alipay' ? 'ALIPAY' : 'BANK_CARD',
      quote(l.payout_account),
      (Number(l.amount_fen) / 100).toFixed(2),
      quote(`村通货款 ${b.id.slice(-8)}`),
    ].join(','),
  );
  return ['no,name,method,account,amount_yuan,memo', ...rows].map((line) => `${line}\r\n`).join('');
}

/**
 * The bank confirmed the transfer: the money left the platform's account, and each seller
 * is told by SMS. Confirming again changes nothing.
 */
export async function markBatchPaid(
  deps: Deps,
  actor: Actor,
  id: string,
  bankReference: string,
): Promise<PayoutBatch> {
  return deps.db.transaction().execute(async (trx) => {
    const b = await visibleBatch(trx, actor, id);
    const lines = await linesOf(trx, id);
    if (b.status === 'paid') return toBatch(b, lines);
    const at = deps.clock.now().toISOString();
    const res = await trx
      .updateTable('payout_batches')
      .set({ status: 'paid', paid_at: at, bank_reference: bankReference })
      .where('id', '=', id)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw invalidState('The batch changed meanwhile');
    await post(trx, deps.clock, {
      kind: 'payout_paid',
      refId: id,
      countyId: b.county_id,
      entries: [
        { account: accountId('payouts_in_transit', b.county_id), amountFen: Number(b.total_fen) },
        { account: accountId('cash_clearing'), amountFen: -Number(b.total_fen) },
      ],
    });
    for (const l of lines) {
      const seller = await trx
        .selectFrom('sellers')
        .select('villager_id')
        .where('id', '=', l.seller_id)
        .executeTakeFirst();
      const villager = seller ? await findVillager(trx, seller.villager_id) : null;
      if (villager) {
        await queueSms(trx, deps.clock, {
          to: villager.phone,
          body: `【村通】货款${(Number(l.amount_fen) / 100).toFixed(2)}元已打入您尾号${l.payout_account.slice(-4)}的账户。`,
          countyId: b.county_id,
          kind: 'payout',
        });
      }
    }
    return toBatch({ ...b, status: 'paid', paid_at: at, bank_reference: bankReference }, lines);
  });
}
