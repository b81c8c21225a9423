import type { Deps } from '../../deps.ts';
import { invalidState } from '../../shared/app-error.ts';
import { releaseStock, returnPromotionBudget } from '../catalog/index.ts';
import type { Actor } from '../identity/index.ts';
import { post } from '../ledger/index.ts';
import { queueSms } from '../notifications/index.ts';
import { findVillager } from '../villagers/index.ts';
import { addToGmvRollup } from './gmv-rollups.ts';
import { getOrder } from './list-orders.ts';
import { returnedMoney, splitEntries, unitsShare } from './money-split.ts';
import type { OrderWithEvents } from './order.views.ts';
import { assertMayAct, loadVisibleOrder } from './order-scope.ts';
import { nextOrderStatus } from './order-status.ts';
import { addEvent, orderLines, setStatus } from './orders.repo.ts';
import { orderAccounts, toSplit } from './place-order.ts';

/**
 * Before shipment an order can be called off: the stock goes back, promotion budget is
 * returned, and every fen moves back to where it came from in one reversing transaction.
 */
export async function cancelOrder(
  deps: Deps,
  actor: Actor,
  orderId: string,
  reason: string | undefined,
): Promise<OrderWithEvents> {
  await deps.db.transaction().execute(async (trx) => {
    const order = await loadVisibleOrder(trx, actor, orderId);
    assertMayAct(actor, order, true);
    const next = nextOrderStatus(order.status, 'cancel');
    if (!next) throw invalidState(`A ${order.status} order cannot be cancelled`, { status: order.status });
    const at = deps.clock.now().toISOString();
    if (!(await setStatus(trx, order.id, order.status, next, at)))
      throw invalidState('The order changed meanwhile');
    const lines = await orderLines(trx, order.id);
    const open = lines.filter((l) => l.quantity > l.returned_quantity);
    if (open.length > 0) {
      await releaseStock(
        trx,
        open.map((l) => ({ productId: l.product_id, quantity: l.quantity - l.returned_quantity })),
      );
    }
    for (const l of open) {
      if (!l.promotion_id) continue;
      const share = unitsShare(
        Number(l.discount_fen),
        l.quantity,
        l.returned_quantity,
        l.quantity - l.returned_quantity,
      );
      if (share > 0) await returnPromotionBudget(trx, l.promotion_id, share);
    }
    const parts = open.map((l) => ({
      merchantId: l.merchant_id,
      money: returnedMoney(toSplit(l), l.returned_quantity, l.quantity - l.returned_quantity),
    }));
    const entries = splitEntries(parts, orderAccounts(order), -1);
    if (entries.length > 0)
      await post(trx, deps.clock, {
        kind: 'order_cancel',
        refId: order.id,
        countyId: order.county_id,
        entries,
      });
    await addEvent(trx, order, 'cancelled', at, actor.id, reason ? { reason } : undefined);
    const villager = await findVillager(trx, order.villager_id);
    const refund = parts.reduce((s, p) => s + p.money.paidFen, 0);
    if (villager && refund > 0) {
      await queueSms(trx, deps.clock, {
        to: villager.phone,
        body: `【村通】您的订单已取消，${(refund / 100).toFixed(2)}元${order.payment === 'wallet' ? '已退回钱包' : '请到服务站领取'}。`,
        countyId: order.county_id,
        kind: 'order_cancelled',
      });
    }
    // Out of the month it was placed in, whenever it is cancelled; its returns stay counted.
    await addToGmvRollup(trx, {
      countyId: order.county_id,
      at: order.created_at,
      orders: -1,
      gmvFen: -Number(order.total_fen),
    });
  });
  deps.nudgeOutbox();
  return getOrder(deps, actor, orderId);
}
