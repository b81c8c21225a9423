/**
 * Goods brought back to the counter after pickup, as `orders/record-return.ts` records them:
 * the villager's refund, the partner's claw-back and the merchants' shares reversed pro rata
 * in one ledger transaction, stock back on the shelf, the order's event (and `returned` once
 * every unit is back), and the goods on their way back to the merchants in an outbound parcel.
 */
import { returnedMoney, splitEntries } from '../../server/modules/orders/money-split.ts';
import type { OrderLineRow } from '../../server/modules/orders/orders.tables.ts';
import type { Ctx } from './context.ts';
import type { CentrePlan, CountyPlan } from './network.ts';
import { writeOutboundParcel } from './outbound.ts';
import { HOUR, iso } from './rng.ts';
import type { Runs } from './runs.ts';
import type { Sink } from './sink.ts';

/** Of the orders picked up, the share that comes back, whole or in part. */
export const RETURN_SHARE = 0.02;

const reasons = ['质量问题', '规格与描述不符', '村民不需要了', '包装破损'];

export type ReturnPlan = { id: string; at: number; reason: string; quantities: number[]; whole: boolean };

/**
 * Whether the villager brings goods of a picked-up order back before the end of the history,
 * and which: the whole order, or some units of one line. Null when nothing comes back.
 */
export function planReturn(ctx: Ctx, lines: readonly OrderLineRow[], pickedUpMs: number): ReturnPlan | null {
  const { rng } = ctx;
  if (!rng.chance(RETURN_SHARE)) return null;
  const at = pickedUpMs + rng.int(2, 240) * HOUR;
  if (at > ctx.endMs) return null;
  const quantities = lines.map((l) => l.quantity);
  if (rng.chance(0.4)) {
    const one = rng.int(0, lines.length - 1);
    for (let i = 0; i < lines.length; i++) quantities[i] = i === one ? rng.int(1, lines[i]!.quantity) : 0;
  }
  const whole = quantities.every((q, i) => q === lines[i]!.quantity);
  return { id: rng.idAt(at), at, reason: rng.pick(reasons), quantities, whole };
}

/**
 * The return's rows and money (the order's lines already carry `returned_quantity`, its
 * status and event the return), then the parcel that takes the goods back.
 */
export function writeReturn(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  centre: CentrePlan,
  transport: { runs: Runs; vehicles: string[] },
  order: {
    id: string;
    payerAccount: string;
    lines: readonly OrderLineRow[];
    /** The catalogue index of each line's product. */
    products: readonly number[];
  },
  plan: ReturnPlan,
): void {
  const { rng, catalogue: c } = ctx;
  const parts = order.lines.flatMap((line, i) => {
    const n = plan.quantities[i]!;
    if (n === 0) return [];
    const money = returnedMoney(
      {
        merchantId: line.merchant_id,
        quantity: line.quantity,
        unitPriceFen: line.unit_price_fen,
        discountFen: line.discount_fen,
        commissionFen: line.commission_fen,
        discountFundedBy: line.discount_funded_by,
      },
      0,
      n,
    );
    return [{ line, product: order.products[i]!, merchantId: line.merchant_id, money, quantity: n }];
  });
  const refundFen = parts.reduce((s, p) => s + p.money.paidFen, 0);
  sink.add('order_returns', {
    id: plan.id,
    order_id: order.id,
    county_id: county.id,
    center_id: centre.id,
    reason: plan.reason,
    refund_fen: refundFen,
    clawback_fen: parts.reduce((s, p) => s + p.money.commissionFen, 0),
    refund_to: 'float',
    paid_from: 'merchant',
    created_by: centre.partnerId!,
    created_at: iso(plan.at),
  });
  for (const p of parts) {
    sink.add('order_return_lines', {
      return_id: plan.id,
      county_id: county.id,
      product_id: p.line.product_id,
      quantity: p.quantity,
      refund_fen: p.money.paidFen,
      merchant_id: p.merchantId,
      merchant_share_fen: p.money.merchantShareFen,
      settled_at: iso(plan.at),
    });
  }
  ctx.books.post(sink, {
    kind: 'return',
    refId: plan.id,
    countyId: county.id,
    memo: order.id,
    at: plan.at,
    entries: splitEntries(
      parts,
      {
        payer: order.payerAccount,
        commission: `commission_payable:${centre.id}`,
        marketing: 'marketing_expense',
        merchant: (id) => `merchant_payable:${id}`,
      },
      -1,
    ),
  });
  let grams = 0;
  for (const p of parts) {
    c.stock[p.product]! += p.quantity;
    grams += c.weightGrams[p.product]! * p.quantity;
  }
  // The outbox answers the return with the parcel a few seconds after it commits.
  writeOutboundParcel(ctx, sink, county, centre, transport, {
    orderId: order.id,
    returnId: plan.id,
    recipientPhone: '',
    weight: grams,
    sender: '退货',
    createdMs: plan.at + rng.int(2, 30) * 1_000,
    fate: 'delivered',
  });
}
