import type { Queryable } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import {
  addProductPhoto,
  createLocalProduct,
  createMerchant,
  findProduct,
  LOCAL_SPECIALTY,
  localProductsOf,
  type PhotoRef,
  type Product,
} from '../catalog/index.ts';
import { type Actor, assertFound, canSeeCenter } from '../identity/index.ts';
import { findCenter, findVillage } from '../network/index.ts';
import { assertFeatureUnlocked } from '../training/index.ts';
import { findVillager } from '../villagers/index.ts';
import type { PayoutMethod, SellerRow } from './upstream.tables.ts';

export type Seller = {
  id: string;
  villagerId: string;
  countyId: string;
  centerId: string;
  displayName: string;
  story: string;
  payoutMethod: PayoutMethod | null;
  /** Masked: only the payout file carries the full account. */
  payoutAccount: string | null;
  consentAt: string;
  createdAt: string;
};

export type NewSeller = {
  villagerId: string;
  story?: string | undefined;
  payout?: { method: PayoutMethod; account: string } | undefined;
};

/** A payout account as answered: its last four characters only. */
export const maskAccount = (account: string) => (account.length <= 4 ? '****' : `****${account.slice(-4)}`);

const toSeller = (r: SellerRow): Seller => ({
  id: r.id,
  villagerId: r.villager_id,
  countyId: r.county_id,
  centerId: r.center_id,
  displayName: r.display_name,
  story: r.story,
  payoutMethod: r.payout_method,
  payoutAccount: r.payout_account ? maskAccount(r.payout_account) : null,
  consentAt: r.consent_at,
  createdAt: r.created_at,
});

/**
 * The partner turns a registered villager of its centre into a seller: the villager's consent
 * is recorded with the time, and a merchant record is opened to own the seller's products.
 * A villager is a seller once; asking again answers 409 with the seller's id.
 */
export async function createSeller(deps: Deps, actor: Actor, input: NewSeller): Promise<Seller> {
  const villager = await findVillager(deps.db, input.villagerId);
  if (!villager || actor.role !== 'partner' || villager.centerId !== actor.centerId) {
    throw validationFailed('villagerId', 'no such villager at your centre');
  }
  const existing = await sellerOfVillager(deps.db, villager.id);
  if (existing) throw new AppError('conflict', 'The villager already sells', { sellerId: existing.id });
  const at = deps.clock.now().toISOString();
  const id = uuidv7();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const merchant = await createMerchant(
        deps,
        { name: `${villager.name} · ${id.slice(-6)}`, kind: 'village_seller' },
        trx,
      );
      const row: SellerRow = {
        id,
        villager_id: villager.id,
        county_id: villager.countyId,
        center_id: villager.centerId,
        merchant_id: merchant.id,
        display_name: villager.name,
        story: input.story?.trim() ?? '',
        payout_method: input.payout?.method ?? null,
        payout_account: input.payout?.account ?? null,
        consent_at: at,
        created_by: actor.id,
        created_at: at,
      };
      await trx.insertInto('sellers').values(row).execute();
      return toSeller(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'The villager already sells');
    throw error;
  }
}

const sellerOfVillager = (db: Queryable, villagerId: string) =>
  db.selectFrom('sellers').selectAll().where('villager_id', '=', villagerId).executeTakeFirst();

export const findSellerRow = (db: Queryable, id: string) =>
  db.selectFrom('sellers').selectAll().where('id', '=', id).executeTakeFirst();

/** Who may see a seller: HQ, the county's roles, the partner of its centre. Others: 404. */
export async function visibleSeller(db: Queryable, actor: Actor, id: string): Promise<SellerRow> {
  const row = await findSellerRow(db, id);
  assertFound(
    row !== undefined && canSeeCenter(actor, { id: row.center_id, countyId: row.county_id }),
    'Seller',
  );
  return row!;
}

export async function getSeller(deps: Deps, actor: Actor, id: string): Promise<Seller> {
  return toSeller(await visibleSeller(deps.db, actor, id));
}

/** Sellers of the partner's centre, or of the county for its staff (HQ names a county). */
export async function listSellers(
  deps: Deps,
  actor: Actor,
  query: { countyId?: string | undefined; centerId?: string | undefined },
): Promise<Seller[]> {
  let q = deps.db.selectFrom('sellers').selectAll().orderBy('id', 'desc').limit(500);
  if (actor.role === 'partner') q = q.where('center_id', '=', actor.centerId ?? '-');
  else if (actor.role !== 'hq_admin') q = q.where('county_id', '=', actor.countyId ?? '-');
  if (query.countyId) q = q.where('county_id', '=', query.countyId);
  if (query.centerId) q = q.where('center_id', '=', query.centerId);
  return (await q.execute()).map(toSeller);
}

export type NewListing = {
  title: string;
  description: string;
  priceFen: number;
  stock: number;
  unit: string;
  weightGrams: number;
  category?: string | undefined;
  origin:
    | { village?: string | undefined; grade?: string | undefined; harvestDate?: string | undefined }
    | string;
  /** A harvest sold in advance: orders until `closesAt`, collected as one batch from `shipsFrom`. */
  batch?: { closesAt: string; shipsFrom: string } | undefined;
};

/**
 * The partner lists a product on the seller's behalf. Its origin always names the seller's
 * county and village (so the public origin page is true); grade and harvest date come from
 * the partner. It waits for the county's review. A partner who has not passed the courses
 * that unlock upstream listings is refused (`training_required`).
 */
export async function listForSeller(
  deps: Deps,
  actor: Actor,
  sellerId: string,
  input: NewListing,
): Promise<Product> {
  const seller = await visibleSeller(deps.db, actor, sellerId);
  if (actor.role !== 'partner')
    throw new AppError('forbidden', 'Only the partner of the seller’s centre lists');
  await assertFeatureUnlocked(deps.db, actor, 'upstream_listings');
  const center = await findCenter(deps.db, seller.center_id);
  const village = center ? await findVillage(deps.db, center.villageId) : null;
  const batch = input.batch;
  const origin = typeof input.origin === 'string' ? { note: input.origin } : input.origin;
  if (batch) {
    if (new Date(batch.closesAt) <= deps.clock.now())
      throw validationFailed('batch.closesAt', 'must be in the future');
    if (batch.shipsFrom < batch.closesAt.slice(0, 10))
      throw validationFailed('batch.shipsFrom', 'must not be before the orders close');
  }
  return deps.db.transaction().execute(async (trx) => {
    const product = await createLocalProduct(trx, deps.clock, {
      merchantId: seller.merchant_id,
      title: input.title,
      description: input.description,
      category: input.category ?? '土特产',
      priceFen: input.priceFen,
      stock: input.stock,
      unit: input.unit,
      weightGrams: input.weightGrams,
      origin: {
        countyId: seller.county_id,
        centerId: seller.center_id,
        village: village?.name ?? ('village' in origin ? origin.village : null) ?? null,
        grade: ('grade' in origin ? origin.grade : null) ?? null,
        harvestDate: ('harvestDate' in origin ? origin.harvestDate : null) ?? null,
        ...('note' in origin ? { note: origin.note } : {}),
        sellerId: seller.id,
        ...(batch
          ? { preorder: { closesAt: new Date(batch.closesAt).toISOString(), shipsFrom: batch.shipsFrom } }
          : {}),
      },
    });
    if (batch) {
      await trx
        .insertInto('harvest_batches')
        .values({
          product_id: product.id,
          county_id: seller.county_id,
          closes_at: new Date(batch.closesAt).toISOString(),
          ships_from: batch.shipsFrom,
          collected_at: null,
        })
        .execute();
    }
    return product;
  });
}

/** The seller's listings in every status. */
export async function sellerProducts(deps: Deps, actor: Actor, sellerId: string): Promise<Product[]> {
  const seller = await visibleSeller(deps.db, actor, sellerId);
  return localProductsOf(deps.db, [seller.merchant_id]);
}

/**
 * The partner of the seller's centre adds a photo to one of the seller's products, at any
 * status (a rejected listing is often fixed with a better photo).
 */
export async function addListingPhoto(
  deps: Deps,
  actor: Actor,
  productId: string,
  image: Buffer,
): Promise<PhotoRef> {
  return deps.db.transaction().execute(async (trx) => {
    const product = await findProduct(trx, productId);
    const seller =
      product?.kind === LOCAL_SPECIALTY ? await sellerOfMerchant(trx, product.merchantId) : undefined;
    if (!seller || actor.role !== 'partner' || actor.centerId !== seller.center_id) {
      throw new AppError('not_found', 'Product not found');
    }
    return addProductPhoto(trx, deps.clock, productId, image);
  });
}

/** The seller behind a product's merchant record, for the review and the sale. */
export const sellerOfMerchant = (db: Queryable, merchantId: string) =>
  db.selectFrom('sellers').selectAll().where('merchant_id', '=', merchantId).executeTakeFirst();
