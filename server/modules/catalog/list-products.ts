import type { Deps } from '../../deps.ts';
import { type Actor, assertFound } from '../identity/index.ts';
import { type CatalogueProduct, toProduct } from './product.views.ts';
import { withPromotions } from './product-promotions.ts';
import {
  browseProductIds,
  categoryCounts,
  findProductRow,
  findProductRows,
  searchProductIds,
} from './products.repo.ts';
import { cachedPage, rememberPage } from './search-cache.ts';
import { queryTokens } from './search-terms.ts';

export type ProductQuery = {
  q?: string | undefined;
  category?: string | undefined;
  kind?: string | undefined;
  /** Whose promotions to show: only HQ and merchants choose; county roles get their own. */
  countyId?: string | undefined;
  limit: number;
  offset: number;
};

/** County roles see the prices of their own county; HQ and merchants may ask for one. */
function catalogueCounty(actor: Actor, requested: string | undefined): string | null {
  if (actor.role === 'hq_admin' || actor.role === 'merchant') return requested ?? null;
  return actor.countyId;
}

/**
 * The national catalogue (active products of every merchant) or, for a merchant, its own
 * products in any status; searched and ranked when `q` has words, else newest first.
 */
export async function listProducts(
  deps: Deps,
  actor: Actor,
  query: ProductQuery,
): Promise<{ items: CatalogueProduct[]; total: number }> {
  const filter = {
    category: query.category,
    kind: query.kind,
    merchantId: actor.role === 'merchant' ? (actor.merchantId ?? '') : undefined,
    limit: query.limit,
    offset: query.offset,
  };
  const tokens = queryTokens(query.q ?? '');
  const now = deps.clock.now();
  // A merchant's own list must show its edits at once, so only the shared catalogue is cached.
  const key = filter.merchantId === undefined && tokens.length ? JSON.stringify([tokens, filter]) : null;
  let page = key ? cachedPage(deps.db, key, now.getTime()) : null;
  if (!page) {
    page = tokens.length
      ? await searchProductIds(deps.db, tokens, filter)
      : await browseProductIds(deps.db, filter);
    if (key) rememberPage(deps.db, key, page, now.getTime());
  }
  const { ids, total } = page;
  const byId = new Map((await findProductRows(deps.db, ids)).map((r) => [r.id, toProduct(r)]));
  const products = ids.flatMap((id) => {
    const product = byId.get(id);
    return product && (filter.merchantId !== undefined || product.status === 'active') ? [product] : [];
  });
  const items = await withPromotions(
    deps.db,
    products,
    catalogueCounty(actor, query.countyId),
    now.toISOString(),
  );
  return { items, total };
}

/** One product: merchants see their own, HQ any, everyone else active ones. */
export async function getProduct(
  deps: Deps,
  actor: Actor,
  id: string,
  countyId?: string | undefined,
): Promise<CatalogueProduct> {
  const row = await findProductRow(deps.db, id);
  const visible =
    row !== undefined &&
    (actor.role === 'merchant'
      ? row.merchant_id === actor.merchantId
      : actor.role === 'hq_admin' || row.status === 'active');
  assertFound(visible, 'Product');
  const at = deps.clock.now().toISOString();
  const [item] = await withPromotions(deps.db, [toProduct(row!)], catalogueCounty(actor, countyId), at);
  return item!;
}

/** Categories with product counts, over what the caller's catalogue shows. */
export async function listCategories(
  deps: Deps,
  actor: Actor,
): Promise<{ category: string; count: number }[]> {
  const rows = await categoryCounts(
    deps.db,
    actor.role === 'merchant' ? (actor.merchantId ?? '') : undefined,
  );
  return rows.map((r) => ({ category: r.category, count: Number(r.count) }));
}
