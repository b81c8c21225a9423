import { sql } from 'kysely';
import type { Trx } from '../../db/create-db.ts';
import { forUpdate } from '../../db/dialect.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { LOCAL_SPECIALTY, type ProductRow, type Shelf } from './catalog.tables.ts';
import { bestOffer, type Offer } from './promotion-pricing.ts';
import { offersFor, refundBudget, spendBudget } from './promotions.repo.ts';

export type PricedLine = {
  productId: string;
  merchantId: string;
  sku: string;
  title: string;
  kind: string;
  quantity: number;
  unitPriceFen: number;
  /** Total discount on the line (all units). */
  discountFen: number;
  promotionId: string | null;
  discountFundedBy: 'merchant' | 'platform' | null;
  weightGrams: number;
};

type Line = { productId: string; quantity: number };

/** Same product twice becomes one line; `index` is where it first appeared (for error fields). */
function mergeLines(lines: readonly Line[]): { productId: string; quantity: number; index: number }[] {
  const merged = new Map<string, { productId: string; quantity: number; index: number }>();
  lines.forEach((line, index) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw validationFailed(`lines[${index}].quantity`, 'must be a whole number of at least 1');
    }
    const seen = merged.get(line.productId);
    if (seen) seen.quantity += line.quantity;
    else merged.set(line.productId, { ...line, index });
  });
  return [...merged.values()];
}

/** Takes `quantity` from stock unless that would go below zero; one conditional UPDATE. */
async function takeStock(trx: Trx, productId: string, quantity: number): Promise<void> {
  const res = await trx
    .updateTable('products')
    .set({ stock: sql<number>`stock - ${quantity}` })
    .where('id', '=', productId)
    .where('stock', '>=', quantity)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 1) return;
  const now = await trx.selectFrom('products').select('stock').where('id', '=', productId).executeTakeFirst();
  throw new AppError('insufficient_stock', 'Not enough stock for this product', {
    productId,
    requested: quantity,
    available: now?.stock ?? 0,
  });
}

/**
 * Budgets of the offers, locked in id order and read fresh, so concurrent orders spend a
 * budget one after another and never beyond it. Offers without a budget take no lock.
 */
async function lockBudgets(trx: Trx, offers: Offer[]): Promise<void> {
  const budgeted = offers.filter((o) => o.remainingFen !== null).map((o) => o.id);
  if (!budgeted.length) return;
  const rows = await forUpdate(
    trx,
    trx
      .selectFrom('promotions')
      .select(['id', 'budget_fen', 'spent_fen'])
      .where('id', 'in', budgeted)
      .orderBy('id'),
  ).execute();
  for (const row of rows) {
    const offer = offers.find((o) => o.id === row.id)!;
    offer.remainingFen = Math.max(0, (row.budget_fen ?? 0) - row.spent_fen);
  }
}

/**
 * Inside the caller's transaction: checks every product exists and is active, reserves stock
 * with conditional updates (products in id order, so concurrent orders cannot deadlock), and
 * prices each line with the best promotion running for the county at `at`, taking the discount
 * from the promotion's budget (a line gets at most what is left of it).
 * Throws `validation_failed` naming `lines[i].productId` / `lines[i].quantity`, or
 * `insufficient_stock` with `{productId, requested, available}`.
 */
export async function reserveAndPrice(
  trx: Trx,
  input: { countyId: string; at: string; lines: Line[]; shelf?: Shelf | undefined },
): Promise<PricedLine[]> {
  const storefront = input.shelf === 'storefront';
  const lines = mergeLines(input.lines);
  const ids = lines.map((l) => l.productId);
  const rows = ids.length
    ? await trx.selectFrom('products').selectAll().where('id', 'in', ids).execute()
    : [];
  const byId = new Map<string, ProductRow>(rows.map((r) => [r.id, r]));
  for (const line of lines) {
    const row = byId.get(line.productId);
    // Each channel sells its own shelf: villages the catalogue, cities the village products.
    if (row?.status !== 'active' || (row.kind === LOCAL_SPECIALTY) !== storefront) {
      throw validationFailed(`lines[${line.index}].productId`, 'no such active product');
    }
  }
  for (const line of [...lines].sort((a, b) => (a.productId < b.productId ? -1 : 1))) {
    await takeStock(trx, line.productId, line.quantity);
  }

  const at = new Date(input.at).toISOString();
  // Promotions are the villages' catalogue's: a city buyer pays the seller's price.
  const offers = storefront
    ? []
    : await offersFor(trx, {
        countyId: input.countyId,
        at,
        productIds: ids,
        categories: [...new Set(rows.map((r) => r.category))],
      });
  await lockBudgets(trx, offers);
  const spend = new Map<string, number>();
  const priced = lines.map((line): PricedLine => {
    const p = byId.get(line.productId)!;
    const best = bestOffer(
      offers,
      { id: p.id, merchantId: p.merchant_id, category: p.category, priceFen: p.price_fen },
      line.quantity,
    );
    if (best && best.offer.remainingFen !== null) {
      best.offer.remainingFen -= best.discountFen;
      spend.set(best.offer.id, (spend.get(best.offer.id) ?? 0) + best.discountFen);
    }
    return {
      productId: p.id,
      merchantId: p.merchant_id,
      sku: p.sku,
      title: p.title,
      kind: p.kind,
      quantity: line.quantity,
      unitPriceFen: p.price_fen,
      discountFen: best?.discountFen ?? 0,
      promotionId: best?.offer.id ?? null,
      discountFundedBy: best?.offer.fundedBy ?? null,
      weightGrams: p.weight_grams,
    };
  });
  for (const [id, amount] of [...spend].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!(await spendBudget(trx, id, amount))) throw new Error(`promotion ${id} budget moved while locked`);
  }
  return priced;
}

/** Puts reserved stock back (cancellation, return). */
export async function releaseStock(trx: Trx, lines: Line[]): Promise<void> {
  for (const line of mergeLines(lines).sort((a, b) => (a.productId < b.productId ? -1 : 1))) {
    await trx
      .updateTable('products')
      .set({ stock: sql<number>`stock + ${line.quantity}` })
      .where('id', '=', line.productId)
      .execute();
  }
}

/**
 * Gives discount back to a promotion's budget (cancellation, return); the spent amount never
 * goes below zero. Promotions without a budget keep no account, so this changes nothing there.
 */
export async function returnPromotionBudget(trx: Trx, promotionId: string, amountFen: number): Promise<void> {
  if (!Number.isInteger(amountFen) || amountFen < 0) throw new Error('amountFen must be a whole number ≥ 0');
  if (amountFen > 0) await refundBudget(trx, promotionId, amountFen);
}
