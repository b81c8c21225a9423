import { sql } from 'kysely';
import type { Queryable } from '../../db/create-db.ts';
import { LOCAL_SPECIALTY, type ProductRow, SHELF, type Shelf } from './catalog.tables.ts';
import { forgetSearchPages } from './search-cache.ts';
import { prefixUpperBound, productTerms } from './search-terms.ts';

export const findProductRow = (db: Queryable, id: string) =>
  db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();

export const findProductRows = (db: Queryable, ids: readonly string[]): Promise<ProductRow[]> =>
  ids.length ? db.selectFrom('products').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

/** Inserts products with their search terms; the caller supplies the transaction. */
export async function insertProducts(db: Queryable, rows: readonly ProductRow[]): Promise<void> {
  if (!rows.length) return;
  forgetSearchPages();
  await db.insertInto('products').values(rows).execute();
  const terms = rows.flatMap((r) =>
    [...productTerms(r)].map(([term, weight]) => ({
      term,
      product_id: r.id,
      weight,
      active: shelfOf(r),
    })),
  );
  // Both drivers cap bound parameters per statement (SQLite 32766, PostgreSQL 65535).
  for (let i = 0; i < terms.length; i += 2000) {
    await db
      .insertInto('product_search_terms')
      .values(terms.slice(i, i + 2000))
      .execute();
  }
}

/** Active products are on a shelf: local specialties on the storefront, the rest in the catalogue. */
const shelfOf = (r: Pick<ProductRow, 'status' | 'kind'>) =>
  r.status !== 'active' ? SHELF.none : r.kind === LOCAL_SPECIALTY ? SHELF.storefront : SHELF.catalogue;

export async function updateProductRow(
  db: Queryable,
  id: string,
  patch: Partial<Pick<ProductRow, 'price_fen' | 'stock' | 'status' | 'review_note' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('products').set(patch).where('id', '=', id).execute();
  if (patch.status) {
    forgetSearchPages();
    const { kind } = await db
      .selectFrom('products')
      .select('kind')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('product_search_terms')
      .set({ active: shelfOf({ status: patch.status, kind }) })
      .where('product_id', '=', id)
      .execute();
  }
}

export type ProductFilter = {
  category?: string | undefined;
  kind?: string | undefined;
  /** Set: that merchant's products in any status; unset: active products of every merchant. */
  merchantId?: string | undefined;
  /** Without a merchant: which shelf's active products (the catalogue by default). */
  shelf?: Shelf | undefined;
  limit: number;
  offset: number;
};

const needsJoin = (f: ProductFilter) => Boolean(f.category || f.kind || f.merchantId);

/** Newest first, without a query text. */
export async function browseProductIds(db: Queryable, f: ProductFilter) {
  let q = db.selectFrom('products');
  if (f.merchantId) q = q.where('merchant_id', '=', f.merchantId);
  else {
    q = q.where('status', '=', 'active');
    q =
      f.shelf === 'storefront'
        ? q.where('kind', '=', LOCAL_SPECIALTY)
        : q.where('kind', '!=', LOCAL_SPECIALTY);
  }
  if (f.category) q = q.where('category', '=', f.category);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const [rows, count] = await Promise.all([
    q.select('id').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

/**
 * Ranked search: each token is a range scan of the term index (`term >= t and term < t'`);
 * a product matches when every token does. Score = Σ weight, doubled where the term equals
 * the token (exact beats prefix); ties go to the newest product (ids are UUIDv7).
 */
export async function searchProductIds(db: Queryable, tokens: readonly string[], f: ProductFilter) {
  const publicOnly = !f.merchantId;
  const hits = tokens
    .map((token, i) => {
      let q = db
        .selectFrom('product_search_terms')
        .select([
          'product_id',
          sql<number>`${sql.lit(i)}`.as('tok'),
          sql<number>`case when term = ${token} then weight * 2 else weight end`.as('score'),
        ])
        .where('term', '>=', token)
        .where('term', '<', prefixUpperBound(token));
      if (publicOnly) q = q.where('active', '=', SHELF[f.shelf ?? 'catalogue']);
      return q;
    })
    .reduce((all, next) => all.unionAll(next));

  let grouped = db
    .selectFrom(hits.as('h'))
    .select(['h.product_id', sql<number>`sum(h.score)`.as('score')])
    .groupBy('h.product_id');
  if (tokens.length > 1) grouped = grouped.having(sql`count(distinct h.tok)`, '=', tokens.length);

  let page = db
    .selectFrom(grouped.as('m'))
    .select(['m.product_id', 'm.score', sql<number>`count(*) over ()`.as('total')])
    .orderBy('m.score', 'desc')
    .orderBy('m.product_id', 'desc')
    .limit(f.limit)
    .offset(f.offset);
  if (needsJoin(f)) {
    page = page.where(({ exists, selectFrom }) => {
      let p = selectFrom('products as p').select('p.id').whereRef('p.id', '=', 'm.product_id');
      if (f.merchantId) p = p.where('p.merchant_id', '=', f.merchantId);
      if (f.category) p = p.where('p.category', '=', f.category);
      if (f.kind) p = p.where('p.kind', '=', f.kind);
      return exists(p);
    });
  }
  const rows = await page.execute();
  if (rows.length || f.offset === 0)
    return { ids: rows.map((r) => r.product_id), total: Number(rows[0]?.total ?? 0) };
  // Past the last page the window count has no row to ride on.
  const counted = await db
    .selectFrom(page.clearLimit().clearOffset().clearOrderBy().as('all'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { ids: [], total: Number(counted.n) };
}

/** Distinct categories with their product counts, for the catalogue filter. */
export function categoryCounts(db: Queryable, merchantId: string | undefined) {
  let q = db
    .selectFrom('products')
    .select(['category', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('category')
    .orderBy('category');
  q = merchantId
    ? q.where('merchant_id', '=', merchantId)
    : q.where('status', '=', 'active').where('kind', '!=', LOCAL_SPECIALTY);
  return q.execute();
}
