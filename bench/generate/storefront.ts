/**
 * City buyers and their storefront orders, as `upstream/store-orders.ts` and logistics write
 * them along an order's life: the buyer signs up and pays through the sandbox gateway (the
 * ledger holds the money as the buyer's prepayment), the partner collects the goods into an
 * outbound parcel (a harvest batch's pre-orders all at once), the van brings it to the hub, a
 * carrier delivers it and the payment is split in one transaction. A few orders are cancelled
 * before collection, lost or damaged on the way (refunded), or sent back after delivery (the
 * split reversed). Each step happens only if its time has come.
 */
import { splitSale } from '../../server/modules/upstream/sale-split.ts';
import type {
  StoreOrderLineRow,
  StoreOrderStatus,
  StorePaymentRow,
} from '../../server/modules/upstream/upstream.tables.ts';
import type { Entry } from './books.ts';
import type { Ctx } from './context.ts';
import { personName, phoneNumber } from './geo.ts';
import type { CentrePlan, CountyPlan } from './network.ts';
import { type OutboundFate, writeOutboundParcel } from './outbound.ts';
import { DAY, HOUR, iso, MINUTE } from './rng.ts';
import type { Runs } from './runs.ts';
import type { Listing, SellerAccount } from './sellers.ts';
import type { Sink } from './sink.ts';

/** Orders a month of one listing on the storefront, on average. */
export const STORE_ORDERS_PER_LISTING_MONTH = 5;
/** Buyers remembered for repeat orders: enough for a realistic mix, few enough to keep memory flat. */
const BUYER_POOL = 5_000;

export type Buyer = { id: string; name: string; phone: string; address: string; joinedMs: number };

/** What a county's storefront leaves for its end: the listings to write, the sellers to pay. */
export type CountyShop = {
  listings: Listing[];
  sellers: SellerAccount[];
};

const cities = [
  '上海市浦东新区张杨路',
  '北京市朝阳区建国路',
  '杭州市西湖区文三路',
  '广州市天河区体育西路',
  '深圳市南山区科技园南路',
  '成都市武侯区天府大道',
  '南京市鼓楼区中山北路',
  '武汉市洪山区珞喻路',
  '西安市雁塔区小寨东路',
  '苏州市工业园区星湖街',
];

const sentBack = ['买家收到商品破损', '商品与描述不符，买家退回', '买家拒收'];

/** A buyer who has an account by `at`: one from the pool, or someone signing up just before. */
function buyerAt(ctx: Ctx, sink: Sink, at: number): Buyer {
  const { rng, buyers } = ctx;
  if (buyers.length > 0 && rng.chance(0.65)) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const b = rng.pick(buyers);
      if (b.joinedMs < at) return b;
    }
  }
  const joinedMs = at - rng.int(5, 180) * MINUTE;
  const n = ++ctx.counters.buyer;
  const buyer: Buyer = {
    id: rng.idAt(joinedMs),
    name: personName(rng),
    phone: phoneNumber(ctx.counters.phone++),
    address: `${rng.pick(cities)}${rng.int(1, 999)}号${rng.int(1, 30)}栋${rng.int(1, 28)}0${rng.int(1, 6)}室`,
    joinedMs,
  };
  sink.add('users', {
    id: buyer.id,
    login: `buyer${n}`,
    password_hash: ctx.passwordHash,
    display_name: buyer.name,
    role: 'buyer',
    county_id: null,
    center_id: null,
    merchant_id: null,
    status: 'active',
    created_at: iso(joinedMs),
    updated_at: iso(joinedMs),
  });
  if (buyers.length < BUYER_POOL) buyers.push(buyer);
  else buyers[rng.int(0, buyers.length - 1)] = buyer;
  return buyer;
}

/** A sandbox gateway call: it answers within seconds, unless the history ends first. */
function payment(
  ctx: Ctx,
  order: { id: string; countyId: string },
  kind: 'capture' | 'refund',
  amountFen: number,
  at: number,
): StorePaymentRow {
  const id = ctx.rng.idAt(at);
  const settled = at + ctx.rng.int(2, 20) * 1_000;
  const done = settled <= ctx.endMs;
  return {
    id,
    order_id: order.id,
    county_id: order.countyId,
    kind,
    amount_fen: amountFen,
    status: done ? 'succeeded' : 'pending',
    provider_ref: done ? `SBX-${kind === 'capture' ? 'CAP' : 'REF'}-${id}` : null,
    created_at: iso(at),
    settled_at: done ? iso(settled) : null,
  };
}

/**
 * One storefront order of `listing` (and perhaps another product of the same centre) placed
 * at `at`, played to the end of the history.
 */
export function writeStoreOrder(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  centre: CentrePlan,
  transport: { runs: Runs; vehicles: string[] },
  centreListings: readonly Listing[],
  listing: Listing,
  at: number,
): void {
  const { rng, books, endMs } = ctx;
  const wanted = [{ listing, quantity: rng.chance(0.7) ? 1 : rng.int(2, 3) }];
  // A harvest batch is collected on its own day, so its pre-orders carry nothing else.
  if (listing.batchCollectMs === null && rng.chance(0.2)) {
    const other = rng.pick(centreListings);
    const open = other.activeFrom !== null && other.activeFrom <= at && at < other.until;
    if (other !== listing && open && other.batchCollectMs === null)
      wanted.push({ listing: other, quantity: 1 });
  }
  const picked = wanted.filter((w) => w.listing.row.stock >= w.quantity);
  if (picked.length === 0) return;
  const buyer = buyerAt(ctx, sink, at);
  const id = rng.idAt(at);
  const lines: StoreOrderLineRow[] = picked.map((w, n) => ({
    order_id: id,
    county_id: county.id,
    line_no: n + 1,
    product_id: w.listing.row.id,
    seller_id: w.listing.seller.id,
    title: w.listing.row.title,
    quantity: w.quantity,
    unit_price_fen: w.listing.row.price_fen,
  }));
  const total = lines.reduce((s, l) => s + l.unit_price_fen * l.quantity, 0);
  const weight = picked.reduce((s, w) => s + w.listing.row.weight_grams * w.quantity, 0);
  for (const w of picked) w.listing.row.stock -= w.quantity;
  const order = { id, countyId: county.id };
  const buyerAccount = `buyer_prepayment:${buyer.id}`;
  const payments = [payment(ctx, order, 'capture', total, at)];
  books.post(sink, {
    kind: 'store_payment',
    refId: id,
    countyId: county.id,
    at,
    entries: [
      { account: 'payment_clearing', amountFen: total },
      { account: buyerAccount, amountFen: -total },
    ],
  });

  const collectMs = listing.batchCollectMs ?? at + rng.int(3, 30) * HOUR;
  const cancelMs = at + rng.int(10, 180) * MINUTE;
  const shipTo = {
    name: rng.chance(0.8) ? buyer.name : personName(rng),
    phone: buyer.phone,
    address: buyer.address,
  };
  let status: StoreOrderStatus = 'placed';
  let updatedMs = at;
  let parcel: { id: string; trackingNumber: string } | null = null;
  let collectedMs: number | null = null;
  let deliveredMs: number | null = null;
  let cancelledMs: number | null = null;
  let refundedMs: number | null = null;
  let refundReason: string | null = null;
  let sales: ReturnType<typeof splitSale> = [];
  // The prepayment goes back to the buyer: a cancellation, or goods that never arrived.
  const giveBack = (ms: number) => {
    books.post(sink, {
      kind: 'store_refund',
      refId: id,
      countyId: county.id,
      at: ms,
      entries: [
        { account: buyerAccount, amountFen: total },
        { account: 'payment_clearing', amountFen: -total },
      ],
    });
    payments.push(payment(ctx, order, 'refund', total, ms));
  };
  if (rng.chance(0.03) && cancelMs < collectMs && cancelMs <= endMs) {
    for (const w of picked) w.listing.row.stock += w.quantity;
    status = 'cancelled';
    cancelledMs = updatedMs = cancelMs;
    giveBack(cancelMs);
  } else if (collectMs <= endMs) {
    const roll = rng.next();
    const fate: OutboundFate = roll < 0.01 ? 'damaged' : roll < 0.015 ? 'missing' : 'delivered';
    const sent = writeOutboundParcel(ctx, sink, county, centre, transport, {
      orderId: id,
      returnId: null,
      recipientPhone: buyer.phone,
      weight,
      sender: '村通特产',
      createdMs: collectMs,
      fate,
    });
    parcel = sent;
    status = 'collected';
    collectedMs = updatedMs = collectMs;
    if (sent.times.exceptionMs !== undefined) {
      status = 'refunded';
      refundedMs = updatedMs = sent.times.exceptionMs;
      refundReason = `hub exception: ${fate}`;
      giveBack(refundedMs);
    } else if (sent.times.deliveredMs !== undefined) {
      const delivered = sent.times.deliveredMs;
      sales = splitSale(
        lines.map((l) => ({ sellerId: l.seller_id, grossFen: l.unit_price_fen * l.quantity })),
        weight,
        ctx.upstreamRates,
      );
      const sum = (k: 'partnerFeeFen' | 'platformFeeFen' | 'logisticsFen') =>
        sales.reduce((s, p) => s + p[k], 0);
      const split: Entry[] = [
        ...sales.map((p) => ({ account: `seller_payable:${p.sellerId}`, amountFen: -p.sellerShareFen })),
        { account: `commission_payable:${centre.id}`, amountFen: -sum('partnerFeeFen') },
        { account: 'platform_revenue', amountFen: -sum('platformFeeFen') },
        { account: `logistics_revenue:${county.id}`, amountFen: -sum('logisticsFen') },
      ];
      books.post(sink, {
        kind: 'store_sale',
        refId: id,
        countyId: county.id,
        at: delivered,
        entries: [{ account: buyerAccount, amountFen: total }, ...split],
      });
      status = 'delivered';
      deliveredMs = updatedMs = delivered;
      const accountOf = new Map(picked.map((w) => [w.listing.seller.id, w.listing.seller]));
      for (const p of sales) accountOf.get(p.sellerId)!.moves.push({ at: delivered, fen: p.sellerShareFen });
      const backMs = delivered + rng.int(1, 7) * DAY + rng.int(0, 600) * MINUTE;
      if (rng.chance(0.02) && backMs <= endMs) {
        books.post(sink, {
          kind: 'store_sale_refund',
          refId: id,
          countyId: county.id,
          at: backMs,
          entries: [
            ...split.map((e) => ({ account: e.account, amountFen: -e.amountFen })),
            { account: 'payment_clearing', amountFen: -total },
          ],
        });
        payments.push(payment(ctx, order, 'refund', total, backMs));
        for (const p of sales) accountOf.get(p.sellerId)!.moves.push({ at: backMs, fen: -p.sellerShareFen });
        status = 'refunded';
        refundedMs = updatedMs = backMs;
        refundReason = rng.pick(sentBack);
      }
    }
  }
  const opt = (ms: number | null) => (ms === null ? null : iso(ms));
  sink.add('store_orders', {
    id,
    buyer_user_id: buyer.id,
    county_id: county.id,
    center_id: centre.id,
    status,
    total_fen: total,
    weight_grams: weight,
    ship_to: JSON.stringify(shipTo),
    fee_schedule_version: 1,
    parcel_id: parcel?.id ?? null,
    tracking_number: parcel?.trackingNumber ?? null,
    created_at: iso(at),
    updated_at: iso(updatedMs),
    collected_at: opt(collectedMs),
    delivered_at: opt(deliveredMs),
    cancelled_at: opt(cancelledMs),
    refunded_at: opt(refundedMs),
    refund_reason: refundReason,
  });
  for (const l of lines) sink.add('store_order_lines', l);
  for (const p of payments) sink.add('store_payments', p);
  const saleRow = (p: (typeof sales)[number], ms: number) => ({
    order_id: id,
    seller_id: p.sellerId,
    county_id: county.id,
    gross_fen: p.grossFen,
    seller_share_fen: p.sellerShareFen,
    partner_fee_fen: p.partnerFeeFen,
    platform_fee_fen: p.platformFeeFen,
    logistics_fen: p.logisticsFen,
    at: iso(ms),
  });
  if (deliveredMs !== null) for (const p of sales) sink.add('store_sales', saleRow(p, deliveredMs));
  if (status === 'refunded' && deliveredMs !== null)
    for (const p of sales) sink.add('store_sale_refunds', saleRow(p, refundedMs!));
}
