import type { Queryable, Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { invalidState, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { enqueue } from '../../shared/outbox.ts';
import { releaseStock, returnPromotionBudget } from '../catalog/index.ts';
import type { Actor } from '../identity/index.ts';
import { accountId, post } from '../ledger/index.ts';
import { queueSms } from '../notifications/index.ts';
import { assertFeatureUnlocked } from '../training/index.ts';
import { findVillager } from '../villagers/index.ts';
import { addToGmvRollup } from './gmv-rollups.ts';
import { type LineMoney, returnedMoney, splitEntries, unitsShare } from './money-split.ts';
import { assertMayAct, loadVisibleOrder } from './order-scope.ts';
import { returnableStatuses } from './order-status.ts';
import { addEvent, findOrderRow, orderLines, setStatus } from './orders.repo.ts';
import type { OrderRow, OrderStatus, Payment, RefundSource } from './orders.tables.ts';
import { orderAccounts, toSplit } from './place-order.ts';

export type ReturnInput = {
  lines: Array<{ productId: string; quantity: number }>;
  reason: string;
  /** Where the refund goes; by default back where the payment came from. */
  refundTo?: Payment | undefined;
  /**
   * `guarantee_fund`: the centre's guarantee fund pays the merchants' part at once, and each
   * merchant repays the fund when it settles the return (`settleReturn`).
   */
  payFrom?: RefundSource | undefined;
};

export type ReturnResult = {
  id: string;
  orderId: string;
  status: 'refunded';
  refundFen: number;
  clawbackFen: number;
  refundTo: Payment;
  payFrom: RefundSource;
  orderStatus: OrderStatus;
};

/**
 * The partner takes goods back at the counter. The refund (what the villager paid for those
 * units), the commission claw-back, the merchant's and the platform's shares all reverse
 * in one ledger transaction, pro rata and to the fen; stock and promotion budget come back.
 * Once every unit is back the order is `returned`. A partner who has not passed the courses
 * that unlock returns is refused (`training_required`) before anything is written.
 */
export async function recordReturn(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  orderId: string,
  input: ReturnInput,
): Promise<ReturnResult> {
  const order = await loadVisibleOrder(trx, actor, orderId);
  assertMayAct(actor, order);
  await assertFeatureUnlocked(trx, actor, 'returns');
  const result = await applyReturn(deps, trx, order, input, actor.id, true);
  // Goods handed back at the counter go back to the merchants on a van's next visit.
  if (goodsAtCentre.includes(order.status)) {
    await enqueue(trx, deps.clock, RETURN_TO_MERCHANT_TOPIC, { returnId: result.id, actorId: actor.id });
  }
  return result;
}

/**
 * Outbox topic of a counter return whose goods are at the centre; logistics answers it with
 * an outbound parcel. Before the order reached the centre there is nothing to send back.
 */
export const RETURN_TO_MERCHANT_TOPIC = 'orders.return_to_merchant';
const goodsAtCentre: readonly OrderStatus[] = ['ready_for_pickup', 'completed'];

export type ReturnedGoods = {
  returnId: string;
  orderId: string;
  countyId: string;
  centerId: string;
  lines: Array<{ productId: string; quantity: number }>;
};

/** What a counter return took back, for the parcel that carries it to the merchants. */
export async function returnedGoods(db: Queryable, returnId: string): Promise<ReturnedGoods | null> {
  const row = await db.selectFrom('order_returns').selectAll().where('id', '=', returnId).executeTakeFirst();
  if (!row) return null;
  const lines = await db
    .selectFrom('order_return_lines')
    .select(['product_id', 'quantity'])
    .where('return_id', '=', returnId)
    .orderBy('product_id')
    .execute();
  return {
    returnId: row.id,
    orderId: row.order_id,
    countyId: row.county_id,
    centerId: row.center_id,
    lines: lines.map((l) => ({ productId: l.product_id, quantity: l.quantity })),
  };
}

/**
 * The whole remaining order comes back without passing the counter: the hub found the parcel
 * damaged or missing (nothing to restock), or the villager refused it (restocked). The
 * villager is refunded in full to where the payment came from.
 */
export async function returnWholeOrder(
  deps: Deps,
  trx: Trx,
  orderId: string,
  reason: string,
  actorId: string,
  restock: boolean,
): Promise<ReturnResult | null> {
  const order = await findOrderRow(trx, orderId);
  if (!order || !returnableStatuses.includes(order.status)) return null;
  const lines = (await orderLines(trx, order.id)).filter((l) => l.quantity > l.returned_quantity);
  if (lines.length === 0) return null;
  const all = lines.map((l) => ({ productId: l.product_id, quantity: l.quantity - l.returned_quantity }));
  return applyReturn(deps, trx, order, { lines: all, reason }, actorId, restock);
}

async function applyReturn(
  deps: Deps,
  trx: Trx,
  order: OrderRow,
  input: ReturnInput,
  actorId: string,
  restock: boolean,
): Promise<ReturnResult> {
  if (!returnableStatuses.includes(order.status)) {
    throw invalidState(`Goods of a ${order.status} order cannot be returned`, { status: order.status });
  }
  const lines = await orderLines(trx, order.id);
  const wanted = new Map<string, number>();
  input.lines.forEach((l, i) => {
    const line = lines.find((x) => x.product_id === l.productId);
    if (!line) throw validationFailed(`lines[${i}].productId`, 'is not in this order');
    wanted.set(l.productId, (wanted.get(l.productId) ?? 0) + l.quantity);
    const left = line.quantity - line.returned_quantity;
    if (wanted.get(l.productId)! > left)
      throw validationFailed(`lines[${i}].quantity`, `at most ${left} can be returned`);
  });
  const id = uuidv7();
  const at = deps.clock.now().toISOString();
  const parts: Array<{ merchantId: string; money: LineMoney; productId: string; quantity: number }> = [];
  for (const line of lines) {
    const n = wanted.get(line.product_id);
    if (!n) continue;
    const money = returnedMoney(toSplit(line), line.returned_quantity, n);
    parts.push({ merchantId: line.merchant_id, money, productId: line.product_id, quantity: n });
    if (line.promotion_id) {
      const share = unitsShare(Number(line.discount_fen), line.quantity, line.returned_quantity, n);
      if (share > 0) await returnPromotionBudget(trx, line.promotion_id, share);
    }
    await trx
      .updateTable('order_lines')
      .set({ returned_quantity: line.returned_quantity + n })
      .where('order_id', '=', order.id)
      .where('line_no', '=', line.line_no)
      .where('returned_quantity', '=', line.returned_quantity)
      .execute();
  }
  if (restock) {
    await releaseStock(
      trx,
      parts.map((p) => ({ productId: p.productId, quantity: p.quantity })),
    );
  }
  const refundTo = input.refundTo ?? order.payment;
  const payFrom = input.payFrom ?? 'merchant';
  const accounts = orderAccounts(order, refundTo);
  const fund = accountId('guarantee_fund', order.center_id);
  const entries = splitEntries(
    parts,
    payFrom === 'guarantee_fund' ? { ...accounts, merchant: () => fund } : accounts,
    -1,
  );
  if (entries.length > 0) {
    await post(trx, deps.clock, {
      kind: 'return',
      refId: id,
      countyId: order.county_id,
      memo: order.id,
      entries,
      noOverdraft: payFrom === 'guarantee_fund' ? [fund] : undefined,
    });
  }
  const refundFen = parts.reduce((s, p) => s + p.money.paidFen, 0);
  const clawbackFen = parts.reduce((s, p) => s + p.money.commissionFen, 0);
  await trx
    .insertInto('order_returns')
    .values({
      id,
      order_id: order.id,
      county_id: order.county_id,
      center_id: order.center_id,
      reason: input.reason,
      refund_fen: refundFen,
      clawback_fen: clawbackFen,
      refund_to: refundTo,
      paid_from: payFrom,
      created_by: actorId,
      created_at: at,
    })
    .execute();
  await trx
    .insertInto('order_return_lines')
    .values(
      parts.map((p) => ({
        return_id: id,
        county_id: order.county_id,
        product_id: p.productId,
        quantity: p.quantity,
        refund_fen: p.money.paidFen,
        merchant_id: p.merchantId,
        merchant_share_fen: p.money.merchantShareFen,
        settled_at: payFrom === 'guarantee_fund' ? null : at,
      })),
    )
    .execute();
  const allBack = lines.every((l) => l.returned_quantity + (wanted.get(l.product_id) ?? 0) === l.quantity);
  let orderStatus = order.status;
  if (allBack) {
    if (!(await setStatus(trx, order.id, order.status, 'returned', at)))
      throw invalidState('The order changed meanwhile');
    orderStatus = 'returned';
  }
  await addEvent(trx, order, allBack ? 'returned' : 'partially_returned', at, actorId, {
    returnId: id,
    reason: input.reason,
  });
  const villager = await findVillager(trx, order.villager_id);
  if (villager && refundFen > 0) {
    await queueSms(trx, deps.clock, {
      to: villager.phone,
      body: `【村通】退货已受理，退款${(refundFen / 100).toFixed(2)}元${refundTo === 'wallet' ? '已退回钱包' : '由服务站当面退还'}。`,
      countyId: order.county_id,
      kind: 'refund',
    });
  }
  await addToGmvRollup(trx, { countyId: order.county_id, at, refundsFen: refundFen });
  return {
    id,
    orderId: order.id,
    status: 'refunded',
    refundFen,
    clawbackFen,
    refundTo,
    payFrom,
    orderStatus,
  };
}
