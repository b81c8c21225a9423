import sharp from 'sharp';
import type { Queryable, Trx } from '../../db/create-db.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { uuidv7 } from '../../shared/ids.ts';

/** Photos a product may have, as on the large marketplaces' listing pages. */
export const MAX_PHOTOS = 9;
/** What an upload may weigh: a phone photo, not a raw camera file. */
export const MAX_PHOTO_BYTES = 8 * 1_048_576;
const FORMATS = new Set(['jpeg', 'png', 'webp']);

export type PhotoRef = { id: string; url: string; thumbUrl: string; width: number; height: number };

const ref = (r: { id: string; width: number; height: number }): PhotoRef => ({
  id: r.id,
  url: `/api/v1/media/photos/${r.id}/web`,
  thumbUrl: `/api/v1/media/photos/${r.id}/thumb`,
  width: r.width,
  height: r.height,
});

/**
 * Adds a photo to a product: the upload must really be a JPEG, PNG or WebP picture (decoded,
 * not trusted by its content type) of at least 200 px; it is turned upright from its EXIF
 * orientation, stripped of its metadata (a phone's GPS position included) and stored as a
 * web size and a square thumbnail.
 */
export async function addProductPhoto(
  trx: Trx,
  clock: Clock,
  productId: string,
  image: Buffer,
): Promise<PhotoRef> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(image).metadata();
  } catch {
    throw validationFailed('body', 'is not a picture');
  }
  if (!meta.format || !FORMATS.has(meta.format))
    throw validationFailed('body', 'must be a JPEG, PNG or WebP picture');
  if ((meta.width ?? 0) < 200 || (meta.height ?? 0) < 200)
    throw validationFailed('body', 'must be at least 200 px each way');
  const taken = await trx
    .selectFrom('product_photos')
    .select('position')
    .where('product_id', '=', productId)
    .execute();
  if (taken.length >= MAX_PHOTOS)
    throw new AppError('conflict', `A product has at most ${MAX_PHOTOS} photos`);
  const upright = sharp(image, { limitInputPixels: 50_000_000 }).rotate();
  const web = await upright
    .clone()
    .resize({ width: 1200, withoutEnlargement: true })
    .jpeg({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  const thumb = await upright.clone().resize(400, 400, { fit: 'cover' }).jpeg({ quality: 78 }).toBuffer();
  const row = {
    id: uuidv7(),
    product_id: productId,
    position: Math.max(0, ...taken.map((t) => t.position + 1)),
    width: web.info.width,
    height: web.info.height,
    web: web.data,
    thumb,
    created_at: clock.now().toISOString(),
  };
  await trx.insertInto('product_photos').values(row).execute();
  return ref(row);
}

/** The photos of some products, in their order. */
export async function photosOf(
  db: Queryable,
  productIds: readonly string[],
): Promise<Map<string, PhotoRef[]>> {
  const byProduct = new Map<string, PhotoRef[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return byProduct;
  const rows = await db
    .selectFrom('product_photos')
    .select(['id', 'product_id', 'width', 'height'])
    .where('product_id', 'in', productIds)
    .orderBy('position')
    .execute();
  for (const r of rows) byProduct.get(r.product_id)?.push(ref(r));
  return byProduct;
}

/** A photo's bytes in one size, for the public media route. */
export async function photoBytes(db: Queryable, id: string, size: 'web' | 'thumb'): Promise<Buffer | null> {
  const row = await db.selectFrom('product_photos').select(size).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const data = row[size] as Buffer | Uint8Array;
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
