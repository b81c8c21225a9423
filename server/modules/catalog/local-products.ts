import type { Queryable, Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { LOCAL_SPECIALTY, type ProductRow, type ProductStatus } from './catalog.tables.ts';
import { type Product, toProduct } from './product.views.ts';
import { type PhotoRef, photosOf } from './product-photos.ts';
import {
  browseProductIds,
  findProductRow,
  findProductRows,
  insertProducts,
  searchProductIds,
  updateProductRow,
} from './products.repo.ts';
import { queryTokens } from './search-terms.ts';

export type NewLocalProduct = {
  /** The seller's merchant record. */
  merchantId: string;
  title: string;
  description: string;
  category: string;
  priceFen: number;
  stock: number;
  unit: string;
  weightGrams: number;
  origin: Record<string, unknown>;
};

/** A village product listed for its seller; it waits for the county's review before it sells. */
export async function createLocalProduct(trx: Trx, clock: Clock, input: NewLocalProduct): Promise<Product> {
  const now = clock.now().toISOString();
  const id = uuidv7();
  const row: ProductRow = {
    id,
    merchant_id: input.merchantId,
    sku: `LS-${id.slice(-12).toUpperCase()}`,
    title: input.title.trim(),
    description: input.description.trim(),
    category: input.category,
    kind: LOCAL_SPECIALTY,
    price_fen: input.priceFen,
    stock: input.stock,
    weight_grams: input.weightGrams,
    status: 'pending_review',
    unit: input.unit.trim(),
    origin: JSON.stringify(input.origin),
    review_note: null,
    created_at: now,
    updated_at: now,
  };
  await insertProducts(trx, [row]);
  return toProduct(row);
}

/**
 * The county's review of a village product: approved, it goes on the storefront; rejected, it
 * carries the reason. Only a product waiting for review (or rejected and fixed) is reviewed.
 */
export async function reviewLocalProduct(
  trx: Trx,
  clock: Clock,
  productId: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<Product> {
  const row = await findProductRow(trx, productId);
  if (!row || row.kind !== LOCAL_SPECIALTY) throw new AppError('not_found', 'Product not found');
  const target = decision.approve ? 'active' : 'rejected';
  if (row.status === target) return toProduct(row);
  if (row.status !== 'pending_review') {
    throw invalidState(`A ${row.status} product cannot be reviewed`, { status: row.status });
  }
  const changes = {
    status: target,
    review_note: decision.approve ? null : decision.reason,
    updated_at: clock.now().toISOString(),
  } as const;
  await updateProductRow(trx, productId, changes);
  return toProduct({ ...row, ...changes });
}

/** The storefront: active village products, searched (Chinese, pinyin) or newest first. */
export async function listStoreProducts(
  deps: Deps,
  query: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: Product[]; total: number }> {
  const filter = { shelf: 'storefront' as const, limit: query.limit, offset: query.offset };
  const tokens = queryTokens(query.q ?? '');
  const { ids, total } = tokens.length
    ? await searchProductIds(deps.db, tokens, filter)
    : await browseProductIds(deps.db, filter);
  const byId = new Map((await findProductRows(deps.db, ids)).map((r) => [r.id, r]));
  const products = ids.flatMap((id) => {
    const row = byId.get(id);
    return row?.status === 'active' && row.kind === LOCAL_SPECIALTY ? [toProduct(row)] : [];
  });
  return { items: await withPhotos(deps.db, products), total };
}

/** Village products of some merchants (sellers), newest first: in any status or in one, as many as asked. */
export async function localProductsOf(
  db: Queryable,
  merchantIds: readonly string[],
  filter: { status?: ProductStatus | undefined; limit?: number | undefined } = {},
): Promise<PhotographedProduct[]> {
  if (merchantIds.length === 0) return [];
  let q = db
    .selectFrom('products')
    .selectAll()
    .where('merchant_id', 'in', merchantIds)
    .where('kind', '=', LOCAL_SPECIALTY)
    .orderBy('id', 'desc');
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.limit) q = q.limit(filter.limit);
  return withPhotos(db, (await q.execute()).map(toProduct));
}

export type PhotographedProduct = Product & { photos: PhotoRef[] };

/** Products with their photos, for the storefront and the partner's listings. */
export async function withPhotos(db: Queryable, products: Product[]): Promise<PhotographedProduct[]> {
  const photos = await photosOf(
    db,
    products.map((p) => p.id),
  );
  return products.map((p) => ({ ...p, photos: photos.get(p.id) ?? [] }));
}
