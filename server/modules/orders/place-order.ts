import { createHash, randomInt } from 'node:crypto';
import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { invalidState, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { reserveAndPrice } from '../catalog/index.ts';
import { commissionFen, feeScheduleAt } from '../fees/index.ts';
import type { Actor } from '../identity/index.ts';
import { accountId, post } from '../ledger/index.ts';
import { findCenter, findCounty } from '../network/index.ts';
import { queueSms } from '../notifications/index.ts';
import { findVillager } from '../villagers/index.ts';
import { addToGmvRollup } from './gmv-rollups.ts';
import { lineMoney, splitEntries } from './money-split.ts';
import { type Order, toOrder } from './order.views.ts';
import { addEvent, insertOrder } from './orders.repo.ts';
import type { OrderLineRow, OrderRow, Payment } from './orders.tables.ts';

export type PlaceOrderInput = {
  villagerId: string;
  lines: Array<{ productId: string; quantity: number }>;
  payment: Payment;
};

export const confirmationHash = (orderId: string, code: string) =>
  createHash('sha256').update(`${orderId}:${code}`).digest('hex');

export const orderAccounts = (
  order: { center_id: string; villager_id: string; payment: Payment },
  payment = order.payment,
) => ({
  payer:
    payment === 'float'
      ? accountId('partner_float', order.center_id)
      : accountId('villager_wallet', order.villager_id),
  commission: accountId('commission_payable', order.center_id),
  marketing: accountId('marketing_expense'),
  merchant: (id: string) => accountId('merchant_payable', id),
});

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * A partner places an order for a villager of its centre. In one transaction: stock is
 * reserved (never below zero), promotions priced, the commission computed from the fee
 * schedule in force, and the money moved — from the centre's float (the partner keeps the
 * villager's cash) or the villager's wallet — to the merchants and the partner's
 * commission. Where the county asks for it, the villager confirms with an SMS code first.
 */
export async function placeOrder(deps: Deps, trx: Trx, actor: Actor, input: PlaceOrderInput): Promise<Order> {
  const villager = await findVillager(trx, input.villagerId);
  if (!villager || villager.centerId !== actor.centerId) {
    throw validationFailed('villagerId', 'no such villager at your centre');
  }
  const center = await findCenter(trx, villager.centerId);
  if (center?.status !== 'open') throw invalidState('The centre is not open');
  const county = await findCounty(trx, center.countyId);
  const now = deps.clock.now().toISOString();
  const schedule = await feeScheduleAt(trx, now);
  const priced = await reserveAndPrice(trx, { countyId: center.countyId, at: now, lines: input.lines });

  const id = uuidv7();
  const lines: OrderLineRow[] = priced.map((p, i) => ({
    order_id: id,
    county_id: center.countyId,
    line_no: i + 1,
    product_id: p.productId,
    merchant_id: p.merchantId,
    sku: p.sku,
    title: p.title,
    kind: p.kind,
    quantity: p.quantity,
    unit_price_fen: p.unitPriceFen,
    discount_fen: p.discountFen,
    commission_fen: commissionFen(schedule, p.kind, p.unitPriceFen * p.quantity - p.discountFen),
    promotion_id: p.promotionId,
    discount_funded_by: p.discountFundedBy,
    returned_quantity: 0,
  }));
  const sum = (f: (l: OrderLineRow) => number) => lines.reduce((s, l) => s + f(l), 0);
  const subtotal = sum((l) => l.unit_price_fen * l.quantity);
  const discount = sum((l) => l.discount_fen);
  const needsCode = county?.requiresOrderConfirmation === true;
  const code = needsCode ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null;
  const order: OrderRow = {
    id,
    channel: 'assisted',
    county_id: center.countyId,
    center_id: center.id,
    villager_id: villager.id,
    placed_by: actor.id,
    status: needsCode ? 'awaiting_confirmation' : 'placed',
    payment: input.payment,
    subtotal_fen: subtotal,
    discount_fen: discount,
    total_fen: subtotal - discount,
    commission_fen: sum((l) => l.commission_fen),
    fee_schedule_version: schedule.version,
    confirmation_code_hash: code ? confirmationHash(id, code) : null,
    confirmation_attempts: 0,
    created_at: now,
    updated_at: now,
  };
  const accounts = orderAccounts(order);
  await post(trx, deps.clock, {
    kind: 'order',
    refId: id,
    countyId: order.county_id,
    entries: splitEntries(
      lines.map((l) => ({ merchantId: l.merchant_id, money: lineMoney(toSplit(l)) })),
      accounts,
      1,
    ),
    noOverdraft: [accounts.payer],
  });
  await insertOrder(trx, order, lines);
  await addEvent(trx, order, order.status, now, actor.id);
  if (code) {
    await queueSms(trx, deps.clock, {
      to: villager.phone,
      body: `【村通】${center.name}为您下单${yuan(order.total_fen)}元，确认码${code}，请告知服务站合伙人。非本人操作请忽略。`,
      countyId: order.county_id,
      kind: 'order_confirmation',
    });
  }
  // Counted from placement, confirmed or not, as `orderVolumesOfCenters` counts it.
  await addToGmvRollup(trx, { countyId: order.county_id, at: now, orders: 1, gmvFen: order.total_fen });
  return toOrder(order, lines);
}

export const toSplit = (l: OrderLineRow) => ({
  merchantId: l.merchant_id,
  quantity: l.quantity,
  unitPriceFen: Number(l.unit_price_fen),
  discountFen: Number(l.discount_fen),
  commissionFen: Number(l.commission_fen),
  discountFundedBy: l.discount_funded_by,
});
