import { sql } from 'kysely';
import type { Queryable } from '../../db/create-db.ts';
import type { PromotionRow } from './catalog.tables.ts';
import type { Offer } from './promotion-pricing.ts';

export type PromotionScope = { productIds: string[]; categories: string[]; countyIds: string[] };

export async function insertPromotion(
  db: Queryable,
  row: PromotionRow,
  scope: PromotionScope,
): Promise<void> {
  await db.insertInto('promotions').values(row).execute();
  const id = row.id;
  if (scope.productIds.length)
    await db
      .insertInto('promotion_products')
      .values(scope.productIds.map((product_id) => ({ promotion_id: id, product_id })))
      .execute();
  if (scope.categories.length)
    await db
      .insertInto('promotion_categories')
      .values(scope.categories.map((category) => ({ promotion_id: id, category })))
      .execute();
  if (scope.countyIds.length)
    await db
      .insertInto('promotion_counties')
      .values(scope.countyIds.map((county_id) => ({ promotion_id: id, county_id })))
      .execute();
}

export const findPromotionRow = (db: Queryable, id: string) =>
  db.selectFrom('promotions').selectAll().where('id', '=', id).executeTakeFirst();

export const findPromotionRows = (db: Queryable, ids: readonly string[]) =>
  db.selectFrom('promotions').selectAll().where('id', 'in', ids).execute();

/** The full scope of each promotion, keyed by id. */
export async function promotionScopes(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, PromotionScope>> {
  const scopes = new Map(
    ids.map((id) => [id, { productIds: [], categories: [], countyIds: [] } as PromotionScope]),
  );
  if (!ids.length) return scopes;
  const [products, categories, counties] = await Promise.all([
    db.selectFrom('promotion_products').selectAll().where('promotion_id', 'in', ids).execute(),
    db.selectFrom('promotion_categories').selectAll().where('promotion_id', 'in', ids).execute(),
    db.selectFrom('promotion_counties').selectAll().where('promotion_id', 'in', ids).execute(),
  ]);
  for (const r of products) scopes.get(r.promotion_id)?.productIds.push(r.product_id);
  for (const r of categories) scopes.get(r.promotion_id)?.categories.push(r.category);
  for (const r of counties) scopes.get(r.promotion_id)?.countyIds.push(r.county_id);
  return scopes;
}

export type PromotionFilter = {
  countyId?: string | undefined;
  activeAt?: string | undefined;
  merchantId?: string | undefined;
};

export function listPromotionRows(db: Queryable, f: PromotionFilter): Promise<PromotionRow[]> {
  let q = db.selectFrom('promotions as p').selectAll('p').orderBy('p.id', 'desc').limit(500);
  if (f.merchantId) q = q.where('p.merchant_id', '=', f.merchantId);
  if (f.activeAt) q = q.where('p.starts_at', '<=', f.activeAt).where('p.ends_at', '>', f.activeAt);
  const countyId = f.countyId;
  if (countyId)
    q = q.where((eb) =>
      eb.or([
        eb('p.all_counties', '=', 1),
        eb.exists(
          eb
            .selectFrom('promotion_counties as pc')
            .select('pc.promotion_id')
            .whereRef('pc.promotion_id', '=', 'p.id')
            .where('pc.county_id', '=', countyId),
        ),
      ]),
    );
  return q.execute();
}

/**
 * Promotions running at `at` in `countyId` (null: only those for every county) with budget
 * left, that may touch one of these products or categories — with just that part of their scope.
 */
export async function offersFor(
  db: Queryable,
  input: { countyId: string | null; at: string; productIds: string[]; categories: string[] },
): Promise<Offer[]> {
  const { countyId, at, productIds, categories } = input;
  if (!productIds.length) return [];
  const rows = await db
    .selectFrom('promotions as p')
    .selectAll('p')
    .where('p.starts_at', '<=', at)
    .where('p.ends_at', '>', at)
    .where((eb) => eb.or([eb('p.budget_fen', 'is', null), eb('p.spent_fen', '<', eb.ref('p.budget_fen'))]))
    .where((eb) => {
      const everywhere = eb('p.all_counties', '=', 1);
      if (!countyId) return everywhere;
      return eb.or([
        everywhere,
        eb.exists(
          eb
            .selectFrom('promotion_counties as pc')
            .select('pc.promotion_id')
            .whereRef('pc.promotion_id', '=', 'p.id')
            .where('pc.county_id', '=', countyId),
        ),
      ]);
    })
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('promotion_products as pp')
            .select('pp.promotion_id')
            .whereRef('pp.promotion_id', '=', 'p.id')
            .where('pp.product_id', 'in', productIds),
        ),
        eb.exists(
          eb
            .selectFrom('promotion_categories as pcat')
            .select('pcat.promotion_id')
            .whereRef('pcat.promotion_id', '=', 'p.id')
            .where('pcat.category', 'in', categories.length ? categories : ['']),
        ),
      ]),
    )
    .execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [products, cats] = await Promise.all([
    db
      .selectFrom('promotion_products')
      .selectAll()
      .where('promotion_id', 'in', ids)
      .where('product_id', 'in', productIds)
      .execute(),
    categories.length
      ? db
          .selectFrom('promotion_categories')
          .selectAll()
          .where('promotion_id', 'in', ids)
          .where('category', 'in', categories)
          .execute()
      : Promise.resolve([]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    value: r.value,
    merchantId: r.merchant_id,
    fundedBy: r.funded_by,
    remainingFen: r.budget_fen === null ? null : Math.max(0, r.budget_fen - r.spent_fen),
    productIds: new Set(products.filter((p) => p.promotion_id === r.id).map((p) => p.product_id)),
    categories: new Set(cats.filter((c) => c.promotion_id === r.id).map((c) => c.category)),
  }));
}

/**
 * Takes `amountFen` from the budget unless that would overdraw it; false when it would (another
 * order got there first). One conditional UPDATE, so concurrent orders cannot overspend.
 */
export async function spendBudget(db: Queryable, id: string, amountFen: number): Promise<boolean> {
  const res = await db
    .updateTable('promotions')
    .set((eb) => ({ spent_fen: eb('spent_fen', '+', amountFen) }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('budget_fen', 'is', null), eb(eb('spent_fen', '+', amountFen), '<=', eb.ref('budget_fen'))]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function refundBudget(db: Queryable, id: string, amountFen: number): Promise<void> {
  await db
    .updateTable('promotions')
    .set({
      spent_fen: sql<number>`case when spent_fen > ${amountFen} then spent_fen - ${amountFen} else 0 end`,
    })
    .where('id', '=', id)
    .execute();
}

export async function endPromotionRow(db: Queryable, id: string, at: string): Promise<void> {
  await db
    .updateTable('promotions')
    .set({ ends_at: at, ended_at: at })
    .where('id', '=', id)
    .where('ends_at', '>', at)
    .execute();
}
