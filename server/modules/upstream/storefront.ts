import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import {
  findProduct,
  LOCAL_SPECIALTY,
  localProductsOf,
  type PhotographedProduct,
  type Product,
  withPhotos,
} from '../catalog/index.ts';
import type { Actor } from '../identity/index.ts';
import { findCenter, findCounty, findVillage } from '../network/index.ts';
import { sellerOfMerchant } from './sellers.ts';

export type StoreProductPage = {
  product: PhotographedProduct;
  seller: { id: string; displayName: string; story: string };
  origin: {
    province: string;
    county: string;
    village: string | null;
    centerId: string;
    grade: string | null;
    harvestDate: string | null;
  };
};

/**
 * A product's public page and its origin, as its traceability QR code opens it: who grew it,
 * in which village and county, graded and harvested when. Only what is on the storefront.
 */
export async function storeProductPage(deps: Deps, productId: string): Promise<StoreProductPage> {
  const product = await findProduct(deps.db, productId);
  const seller =
    product?.kind === LOCAL_SPECIALTY && product.status === 'active'
      ? await sellerOfMerchant(deps.db, product.merchantId)
      : undefined;
  if (!product || !seller) throw new AppError('not_found', 'Product not found');
  const county = await findCounty(deps.db, seller.county_id);
  const center = await findCenter(deps.db, seller.center_id);
  const village = center ? await findVillage(deps.db, center.villageId) : null;
  const origin = product.origin ?? {};
  const [photographed] = await withPhotos(deps.db, [product]);
  return {
    product: photographed!,
    seller: { id: seller.id, displayName: seller.display_name, story: seller.story },
    origin: {
      province: county?.province ?? '',
      county: county?.name ?? '',
      village: village?.name ?? null,
      centerId: seller.center_id,
      grade: typeof origin.grade === 'string' ? origin.grade : null,
      harvestDate: typeof origin.harvestDate === 'string' ? origin.harvestDate : null,
    },
  };
}

/**
 * Village products of the sellers in scope (the partner's centre, the county for its staff,
 * all for HQ), in any status or one: the county's review queue is `pending_review`.
 */
export async function listListings(
  deps: Deps,
  actor: Actor,
  query: { status?: Product['status'] | undefined },
): Promise<Product[]> {
  let q = deps.db.selectFrom('sellers').select('merchant_id');
  if (actor.role === 'partner') q = q.where('center_id', '=', actor.centerId ?? '-');
  else if (actor.role !== 'hq_admin') q = q.where('county_id', '=', actor.countyId ?? '-');
  const merchants = (await q.execute()).map((r) => r.merchant_id);
  return localProductsOf(deps.db, merchants, { status: query.status });
}

/**
 * The county's village products on the storefront, newest first, for public pages such as the
 * village screen; no scope check.
 */
export async function countyStoreProducts(
  db: Queryable,
  countyId: string,
  limit: number,
): Promise<Product[]> {
  const sellers = await db
    .selectFrom('sellers')
    .select('merchant_id')
    .where('county_id', '=', countyId)
    .execute();
  return localProductsOf(
    db,
    sellers.map((s) => s.merchant_id),
    { status: 'active', limit },
  );
}
