import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { runningPromotions } from '../catalog/index.ts';
import { readyForPickup } from '../logistics/index.ts';
import { findCenter } from '../network/index.ts';
import { countyStoreProducts } from '../upstream/index.ts';
import { maskPhone, villagerNamesByPhone } from '../villagers/index.ts';
import { centerOfToken } from './screen-tokens.ts';

/** Small enough for a TV to redraw every 30 seconds and for a room to read. */
export const MAX_PARCELS = 50;
export const MAX_PROMOTIONS = 10;
export const MAX_PRODUCTS = 12;

export type ScreenFeed = {
  center: { id: string; name: string };
  parcels: Array<{ recipient: string; trackingLast4: string; arrivedAt: string | null }>;
  promotions: Array<{ id: string; name: string; type: string; value: number; endsAt: string }>;
  products: Array<{ id: string; title: string; priceFen: number; unit: string; storeUrl: string }>;
  generatedAt: string;
};

/** 张大山 → 张*: the family name is enough to find one's parcel, not to learn who ordered what. */
export function maskName(name: string): string {
  const [first] = Array.from(name.trim());
  return first ? `${first}*` : '*';
}

/**
 * What the centre's TV shows, for anyone holding its screen token: parcels to pick up (names
 * and phones masked), the county's running promotions and its village products.
 */
export async function screenFeed(deps: Deps, token: string): Promise<ScreenFeed> {
  const centerId = await centerOfToken(deps, token);
  const center = centerId ? await findCenter(deps.db, centerId) : null;
  if (!center) throw new AppError('not_found', 'Screen not found');
  const now = deps.clock.now().toISOString();
  const [parcels, promotions, products] = await Promise.all([
    readyForPickup(deps.db, center.id, MAX_PARCELS),
    runningPromotions(deps.db, center.countyId, now, MAX_PROMOTIONS),
    countyStoreProducts(deps.db, center.countyId, MAX_PRODUCTS),
  ]);
  const names = await villagerNamesByPhone(
    deps.db,
    center.countyId,
    parcels.map((p) => p.recipientPhone),
  );
  return {
    center: { id: center.id, name: center.name },
    parcels: parcels.map((p) => {
      const name = names.get(p.recipientPhone);
      return {
        recipient: name ? maskName(name) : maskPhone(p.recipientPhone),
        trackingLast4: p.trackingNumber.slice(-4),
        arrivedAt: p.arrivedAt,
      };
    }),
    promotions: promotions.map((p) => ({
      id: p.id,
      name: p.name,
      type: p.type,
      value: p.value,
      endsAt: p.endsAt,
    })),
    products: products.map((p) => ({
      id: p.id,
      title: p.title,
      priceFen: p.priceFen,
      unit: p.unit ?? '',
      storeUrl: `/store/p/${p.id}`,
    })),
    generatedAt: now,
  };
}
