import type { Queryable, Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { findProduct, releaseStock, reserveAndPrice } from '../catalog/index.ts';
import { feeScheduleAt, feeScheduleVersion, upstreamRates } from '../fees/index.ts';
import { type Actor, assertFound, canSeeCenter } from '../identity/index.ts';
import { accountId, post } from '../ledger/index.ts';
import { queueSms } from '../notifications/index.ts';
import { findVillager, maskPhone } from '../villagers/index.ts';
import { queuePayment } from './payments.ts';
import { splitSale } from './sale-split.ts';
import { addToSalesRollup } from './sales-rollups.ts';
import { sellerOfMerchant } from './sellers.ts';
import type { StoreOrderLineRow, StoreOrderRow, StoreOrderStatus } from './upstream.tables.ts';

export type ShipTo = { name: string; phone: string; address: string };
export type StoreOrder = {
  id: string;
  channel: 'storefront';
  status: StoreOrderStatus;
  buyerUserId: string;
  countyId: string;
  centerId: string;
  lines: Array<{
    productId: string;
    sellerId: string;
    title: string;
    quantity: number;
    unitPriceFen: number;
  }>;
  totalFen: number;
  weightGrams: number;
  shipTo: ShipTo;
  trackingNumber: string | null;
  createdAt: string;
  collectedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  refundedAt: string | null;
  refundReason: string | null;
};

const toOrder = (r: StoreOrderRow, lines: StoreOrderLineRow[], actor: Actor): StoreOrder => {
  const shipTo = JSON.parse(r.ship_to) as ShipTo;
  return {
    id: r.id,
    channel: 'storefront',
    status: r.status,
    buyerUserId: r.buyer_user_id,
    countyId: r.county_id,
    centerId: r.center_id,
    lines: lines.map((l) => ({
      productId: l.product_id,
      sellerId: l.seller_id,
      title: l.title,
      quantity: l.quantity,
      unitPriceFen: Number(l.unit_price_fen),
    })),
    totalFen: Number(r.total_fen),
    weightGrams: r.weight_grams,
    // The partner writes the label and the county hands it on: they see where it goes; HQ does not.
    shipTo: actor.role === 'hq_admin' ? { ...shipTo, phone: maskPhone(shipTo.phone) } : shipTo,
    trackingNumber: r.tracking_number,
    createdAt: r.created_at,
    collectedAt: r.collected_at,
    deliveredAt: r.delivered_at,
    cancelledAt: r.cancelled_at,
    refundedAt: r.refunded_at,
    refundReason: r.refund_reason,
  };
};

const buyerAccount = (r: Pick<StoreOrderRow, 'buyer_user_id'>) =>
  accountId('buyer_prepayment', r.buyer_user_id);

/**
 * A city buyer orders village products. Every line must come from sellers of one village
 * centre (its partner collects and ships the whole order at once; the storefront's cart
 * places one order per centre). Stock is reserved and the payment captured in the same
 * transaction: the ledger holds it as the buyer's prepayment until delivery, and the gateway
 * is called after commit through the outbox.
 */
export async function placeStoreOrder(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  input: { lines: Array<{ productId: string; quantity: number }>; shipTo: ShipTo },
): Promise<StoreOrder> {
  if (actor.role !== 'buyer') throw new AppError('forbidden', 'Only buyers order on the storefront');
  const sellers = [];
  for (const [i, line] of input.lines.entries()) {
    const product = await findProduct(trx, line.productId);
    const seller = product ? await sellerOfMerchant(trx, product.merchantId) : undefined;
    if (!seller) throw validationFailed(`lines[${i}].productId`, 'no such product on the storefront');
    sellers.push(seller);
  }
  const centre = sellers[0]!.center_id;
  const other = sellers.findIndex((s) => s.center_id !== centre);
  if (other >= 0)
    throw validationFailed(
      `lines[${other}].productId`,
      'comes from another village centre: order it separately',
    );

  const at = deps.clock.now().toISOString();
  await assertBatchesOpen(
    trx,
    input.lines.map((l) => l.productId),
    at,
  );
  const priced = await reserveAndPrice(trx, {
    countyId: sellers[0]!.county_id,
    at,
    lines: input.lines,
    shelf: 'storefront',
  });
  const schedule = await feeScheduleAt(trx, at);
  const sellerOf = new Map(sellers.map((s, i) => [input.lines[i]!.productId, s.id]));
  const row: StoreOrderRow = {
    id: uuidv7(),
    buyer_user_id: actor.id,
    county_id: sellers[0]!.county_id,
    center_id: centre,
    status: 'placed',
    total_fen: priced.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0),
    weight_grams: priced.reduce((s, l) => s + l.weightGrams * l.quantity, 0),
    ship_to: JSON.stringify(input.shipTo),
    fee_schedule_version: schedule.version,
    parcel_id: null,
    tracking_number: null,
    created_at: at,
    updated_at: at,
    collected_at: null,
    delivered_at: null,
    cancelled_at: null,
    refunded_at: null,
    refund_reason: null,
  };
  const lines: StoreOrderLineRow[] = priced.map((l, i) => ({
    order_id: row.id,
    county_id: row.county_id,
    line_no: i + 1,
    product_id: l.productId,
    seller_id: sellerOf.get(l.productId)!,
    title: l.title,
    quantity: l.quantity,
    unit_price_fen: l.unitPriceFen,
  }));
  await trx.insertInto('store_orders').values(row).execute();
  await trx.insertInto('store_order_lines').values(lines).execute();
  await post(trx, deps.clock, {
    kind: 'store_payment',
    refId: row.id,
    countyId: row.county_id,
    entries: [
      { account: accountId('payment_clearing'), amountFen: row.total_fen },
      { account: buyerAccount(row), amountFen: -row.total_fen },
    ],
  });
  await queuePayment(deps, trx, row, 'capture', row.total_fen);
  return toOrder(row, lines, actor);
}

const findOrderRow = (db: Queryable, id: string) =>
  db.selectFrom('store_orders').selectAll().where('id', '=', id).executeTakeFirst();
const linesOf = (db: Queryable, id: string) =>
  db.selectFrom('store_order_lines').selectAll().where('order_id', '=', id).orderBy('line_no').execute();

/** The buyer's own orders; the partner of the centre, the county's roles and HQ see theirs. */
function maySee(actor: Actor, r: StoreOrderRow): boolean {
  if (actor.role === 'buyer') return r.buyer_user_id === actor.id;
  if (actor.role === 'merchant') return false;
  return canSeeCenter(actor, { id: r.center_id, countyId: r.county_id });
}

export async function getStoreOrder(deps: Deps, actor: Actor, id: string): Promise<StoreOrder> {
  const row = await findOrderRow(deps.db, id);
  assertFound(row !== undefined && maySee(actor, row), 'Order');
  return toOrder(row!, await linesOf(deps.db, id), actor);
}

/** A storefront order by id when there is one (in scope, else 404); null for any other id. */
export async function storefrontOrder(deps: Deps, actor: Actor, id: string): Promise<StoreOrder | null> {
  const row = await findOrderRow(deps.db, id);
  if (!row) return null;
  assertFound(maySee(actor, row), 'Order');
  return toOrder(row, await linesOf(deps.db, id), actor);
}

export async function listStoreOrders(
  deps: Deps,
  actor: Actor,
  query: { status?: StoreOrderStatus | undefined; limit: number; offset: number },
): Promise<StoreOrder[]> {
  let q = deps.db
    .selectFrom('store_orders')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset);
  if (actor.role === 'buyer') q = q.where('buyer_user_id', '=', actor.id);
  else if (actor.role === 'partner') q = q.where('center_id', '=', actor.centerId ?? '-');
  else if (actor.role !== 'hq_admin') q = q.where('county_id', '=', actor.countyId ?? '-');
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await q.execute();
  const all = rows.length
    ? await deps.db
        .selectFrom('store_order_lines')
        .selectAll()
        .where(
          'order_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('line_no')
        .execute()
    : [];
  return rows.map((r) =>
    toOrder(
      r,
      all.filter((l) => l.order_id === r.id),
      actor,
    ),
  );
}

export type Collection = {
  countyId: string;
  centerId: string;
  weightGrams: number;
  recipientPhone: string;
  sender: string;
};

/**
 * What the partner needs to send a placed order: the centre, the weight, the buyer's phone.
 * Only the partner of the order's centre collects; anything but `placed` is 409.
 */
export async function orderToCollect(trx: Trx, actor: Actor, orderId: string): Promise<Collection> {
  const row = await findOrderRow(trx, orderId);
  if (!row || actor.role !== 'partner' || row.center_id !== actor.centerId) {
    throw new AppError('not_found', 'Order not found');
  }
  if (row.status !== 'placed')
    throw invalidState(`A ${row.status} order cannot be collected`, { status: row.status });
  const shipTo = JSON.parse(row.ship_to) as ShipTo;
  return {
    countyId: row.county_id,
    centerId: row.center_id,
    weightGrams: row.weight_grams,
    recipientPhone: shipTo.phone,
    sender: '村通特产',
  };
}

/** The goods left with the parcel that carries them. */
export async function markCollected(
  deps: Deps,
  trx: Trx,
  orderId: string,
  parcel: { parcelId: string; trackingNumber: string },
): Promise<void> {
  const at = deps.clock.now().toISOString();
  const res = await trx
    .updateTable('store_orders')
    .set({
      status: 'collected',
      parcel_id: parcel.parcelId,
      tracking_number: parcel.trackingNumber,
      collected_at: at,
      updated_at: at,
    })
    .where('id', '=', orderId)
    .where('status', '=', 'placed')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw invalidState('The order changed meanwhile');
}

/**
 * The buyer has the goods: the prepayment is split in one ledger transaction into each
 * seller's share, the partner's fee, the platform's fee and logistics, by the fee schedule
 * the order was placed under; each seller gets an SMS. A second delivery report changes nothing.
 */
export async function settleDelivery(deps: Deps, trx: Trx, orderId: string): Promise<void> {
  const row = await findOrderRow(trx, orderId);
  if (!row || row.status === 'delivered') return;
  if (row.status !== 'collected') throw invalidState(`A ${row.status} order cannot be delivered`);
  const lines = await linesOf(trx, orderId);
  const rates = upstreamRates(await feeScheduleVersion(trx, row.fee_schedule_version));
  const parts = splitSale(
    lines.map((l) => ({ sellerId: l.seller_id, grossFen: Number(l.unit_price_fen) * l.quantity })),
    row.weight_grams,
    rates,
  );
  const at = deps.clock.now().toISOString();
  const sum = (k: 'partnerFeeFen' | 'platformFeeFen' | 'logisticsFen') => parts.reduce((s, p) => s + p[k], 0);
  await post(trx, deps.clock, {
    kind: 'store_sale',
    refId: row.id,
    countyId: row.county_id,
    entries: [
      { account: buyerAccount(row), amountFen: Number(row.total_fen) },
      ...parts.map((p) => ({
        account: accountId('seller_payable', p.sellerId),
        amountFen: -p.sellerShareFen,
      })),
      { account: accountId('commission_payable', row.center_id), amountFen: -sum('partnerFeeFen') },
      { account: accountId('platform_revenue'), amountFen: -sum('platformFeeFen') },
      { account: accountId('logistics_revenue', row.county_id), amountFen: -sum('logisticsFen') },
    ].filter((e) => e.amountFen !== 0),
  });
  await trx
    .insertInto('store_sales')
    .values(
      parts.map((p) => ({
        order_id: row.id,
        seller_id: p.sellerId,
        county_id: row.county_id,
        gross_fen: p.grossFen,
        seller_share_fen: p.sellerShareFen,
        partner_fee_fen: p.partnerFeeFen,
        platform_fee_fen: p.platformFeeFen,
        logistics_fen: p.logisticsFen,
        at,
      })),
    )
    .execute();
  await trx
    .updateTable('store_orders')
    .set({ status: 'delivered', delivered_at: at, updated_at: at })
    .where('id', '=', row.id)
    .execute();
  await addToSalesRollup(trx, row.county_id, at, Number(row.total_fen));
  for (const p of parts) {
    const seller = await trx
      .selectFrom('sellers')
      .select('villager_id')
      .where('id', '=', p.sellerId)
      .executeTakeFirst();
    const villager = seller ? await findVillager(trx, seller.villager_id) : null;
    if (villager) {
      await queueSms(trx, deps.clock, {
        to: villager.phone,
        body: `【村通】您的商品已送达买家，本单货款${(p.sellerShareFen / 100).toFixed(2)}元已入账，将随下次结算打款。`,
        countyId: row.county_id,
        kind: 'sale',
      });
    }
  }
}

/**
 * Before the partner collects it, the buyer (or the centre's partner, or county staff) may
 * cancel: the stock comes back and the prepayment is refunded in full through the gateway.
 */
export async function cancelStoreOrder(deps: Deps, actor: Actor, orderId: string): Promise<StoreOrder> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findOrderRow(trx, orderId);
    assertFound(
      row !== undefined && maySee(actor, row) && actor.role !== 'gov_viewer' && actor.role !== 'hq_admin',
      'Order',
    );
    if (row!.status === 'cancelled') return toOrder(row!, await linesOf(trx, orderId), actor);
    if (row!.status !== 'placed')
      throw invalidState(`A ${row!.status} order cannot be cancelled`, { status: row!.status });
    const lines = await linesOf(trx, orderId);
    const at = deps.clock.now().toISOString();
    const res = await trx
      .updateTable('store_orders')
      .set({ status: 'cancelled', cancelled_at: at, updated_at: at })
      .where('id', '=', orderId)
      .where('status', '=', 'placed')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw invalidState('The order changed meanwhile');
    await releaseStock(
      trx,
      lines.map((l) => ({ productId: l.product_id, quantity: l.quantity })),
    );
    await post(trx, deps.clock, {
      kind: 'store_refund',
      refId: orderId,
      countyId: row!.county_id,
      entries: [
        { account: buyerAccount(row!), amountFen: Number(row!.total_fen) },
        { account: accountId('payment_clearing'), amountFen: -Number(row!.total_fen) },
      ],
    });
    await queuePayment(deps, trx, row!, 'refund', Number(row!.total_fen));
    return toOrder({ ...row!, status: 'cancelled', cancelled_at: at, updated_at: at }, lines, actor);
  });
}

/**
 * The buyer gets the money back for goods that never arrived (lost or damaged on the way:
 * the prepayment goes back) or that came back after delivery (the split is reversed line by
 * line: the sellers, the partner, the platform and logistics each give back their part; a
 * seller already paid out then owes it, netted in the next payout). The gateway refund goes
 * through the outbox. Refunding again changes nothing.
 */
export async function refundStoreOrder(deps: Deps, trx: Trx, orderId: string, reason: string): Promise<void> {
  const row = await findOrderRow(trx, orderId);
  if (!row) throw new AppError('not_found', 'Order not found');
  if (row.status === 'refunded') return;
  if (row.status !== 'collected' && row.status !== 'delivered') {
    throw invalidState(`A ${row.status} order cannot be refunded`, { status: row.status });
  }
  const total = Number(row.total_fen);
  const at = deps.clock.now().toISOString();
  if (row.status === 'collected') {
    await post(trx, deps.clock, {
      kind: 'store_refund',
      refId: row.id,
      countyId: row.county_id,
      entries: [
        { account: buyerAccount(row), amountFen: total },
        { account: accountId('payment_clearing'), amountFen: -total },
      ],
    });
  } else {
    const sales = await trx.selectFrom('store_sales').selectAll().where('order_id', '=', row.id).execute();
    const sum = (k: 'partner_fee_fen' | 'platform_fee_fen' | 'logistics_fen') =>
      sales.reduce((s, x) => s + Number(x[k]), 0);
    await post(trx, deps.clock, {
      kind: 'store_sale_refund',
      refId: row.id,
      countyId: row.county_id,
      entries: [
        ...sales.map((x) => ({
          account: accountId('seller_payable', x.seller_id),
          amountFen: Number(x.seller_share_fen),
        })),
        { account: accountId('commission_payable', row.center_id), amountFen: sum('partner_fee_fen') },
        { account: accountId('platform_revenue'), amountFen: sum('platform_fee_fen') },
        { account: accountId('logistics_revenue', row.county_id), amountFen: sum('logistics_fen') },
        { account: accountId('payment_clearing'), amountFen: -total },
      ].filter((e) => e.amountFen !== 0),
    });
    await trx
      .insertInto('store_sale_refunds')
      .values(sales.map((x) => ({ ...x, at })))
      .execute();
  }
  await trx
    .updateTable('store_orders')
    .set({ status: 'refunded', refunded_at: at, refund_reason: reason, updated_at: at })
    .where('id', '=', row.id)
    .execute();
  await queuePayment(deps, trx, row, 'refund', total);
}

/** County staff (or HQ) refund a storefront order of their county. */
export async function refundStoreOrderAs(
  deps: Deps,
  actor: Actor,
  orderId: string,
  reason: string,
): Promise<StoreOrder> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findOrderRow(trx, orderId);
    const allowed =
      row !== undefined &&
      (actor.role === 'hq_admin' || (actor.role === 'county_staff' && actor.countyId === row.county_id));
    if (!allowed) throw new AppError('not_found', 'Order not found');
    await refundStoreOrder(deps, trx, orderId, reason);
    return toOrder((await findOrderRow(trx, orderId))!, await linesOf(trx, orderId), actor);
  });
}

/** A harvest batch takes orders until it closes, and none once collected. */
async function assertBatchesOpen(trx: Trx, productIds: string[], at: string): Promise<void> {
  const batches = await trx
    .selectFrom('harvest_batches')
    .selectAll()
    .where('product_id', 'in', productIds)
    .execute();
  for (const b of batches) {
    if (b.closes_at <= at || b.collected_at) {
      throw invalidState('Pre-orders for this harvest are closed', {
        productId: b.product_id,
        closesAt: b.closes_at,
      });
    }
  }
}

/**
 * The partner collects a closed harvest batch at once: every order of it still to collect,
 * in order. Only the partner of the seller's centre, only once the orders have closed.
 */
export async function ordersOfBatch(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  productId: string,
): Promise<string[]> {
  const batch = await trx
    .selectFrom('harvest_batches')
    .selectAll()
    .where('product_id', '=', productId)
    .executeTakeFirst();
  const product = batch ? await findProduct(trx, productId) : null;
  const seller = product ? await sellerOfMerchant(trx, product.merchantId) : undefined;
  if (!batch || !seller || actor.role !== 'partner' || actor.centerId !== seller.center_id) {
    throw new AppError('not_found', 'Harvest batch not found');
  }
  const at = deps.clock.now().toISOString();
  if (batch.closes_at > at) throw invalidState('The batch still takes orders', { closesAt: batch.closes_at });
  await trx
    .updateTable('harvest_batches')
    .set({ collected_at: at })
    .where('product_id', '=', productId)
    .execute();
  const rows = await trx
    .selectFrom('store_orders')
    .select('store_orders.id')
    .where('store_orders.status', '=', 'placed')
    .where('store_orders.center_id', '=', seller.center_id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('store_order_lines')
          .select('store_order_lines.order_id')
          .whereRef('store_order_lines.order_id', '=', 'store_orders.id')
          .where('store_order_lines.product_id', '=', productId),
      ),
    )
    .orderBy('store_orders.id')
    .execute();
  return rows.map((r) => r.id);
}
