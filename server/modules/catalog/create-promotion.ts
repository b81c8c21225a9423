import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Actor } from '../identity/index.ts';
import { findCounty } from '../network/index.ts';
import type { PromotionRow, PromotionType } from './catalog.tables.ts';
import { findProductRows } from './products.repo.ts';
import { type Promotion, toPromotion } from './promotion.views.ts';
import { insertPromotion, type PromotionScope } from './promotions.repo.ts';

export type NewPromotion = {
  name: string;
  type: PromotionType;
  value: number;
  productIds?: string[] | undefined;
  categories?: string[] | undefined;
  countyIds?: string[] | undefined;
  startsAt: string;
  endsAt: string;
  budgetFen?: number | undefined;
};

const unique = (xs: string[] | undefined) => [...new Set(xs ?? [])];

/** County staff promote in their own county only; anything else they name is refused. */
async function targetCounties(deps: Deps, actor: Actor, requested: string[]): Promise<string[]> {
  if (actor.role === 'county_staff') {
    if (requested.some((id) => id !== actor.countyId)) {
      throw new AppError('forbidden', 'County staff may only promote in their own county');
    }
    return [actor.countyId!];
  }
  for (const id of requested) {
    if (!(await findCounty(deps.db, id))) throw validationFailed('countyIds', `no such county: ${id}`);
  }
  return requested;
}

/**
 * A percent or fixed discount on products and/or categories, for some counties (or all), in
 * [startsAt, endsAt), with an optional budget. A merchant's promotion covers only its own
 * products and is funded by the merchant; county staff and HQ promotions by the platform.
 */
export async function createPromotion(deps: Deps, actor: Actor, input: NewPromotion): Promise<Promotion> {
  if (input.type === 'percent' && input.value > 90)
    throw validationFailed('value', 'a percent is at most 90');
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  if (endsAt <= startsAt) throw validationFailed('endsAt', 'must be after startsAt');
  const scope: PromotionScope = {
    productIds: unique(input.productIds),
    categories: unique(input.categories),
    countyIds: [],
  };
  if (!scope.productIds.length && !scope.categories.length) {
    throw validationFailed('productIds', 'give productIds or categories (or both)');
  }
  const merchantId = actor.role === 'merchant' ? actor.merchantId : null;
  if (actor.role === 'merchant' && !merchantId) throw new AppError('forbidden', 'This user has no merchant');
  const products = await findProductRows(deps.db, scope.productIds);
  for (const id of scope.productIds) {
    const product = products.find((p) => p.id === id);
    if (!product || (merchantId && product.merchant_id !== merchantId)) {
      throw validationFailed('productIds', `no such product: ${id}`);
    }
  }
  scope.countyIds = await targetCounties(deps, actor, unique(input.countyIds));
  const row: PromotionRow = {
    id: uuidv7(),
    name: input.name,
    type: input.type,
    value: input.value,
    merchant_id: merchantId,
    funded_by: merchantId ? 'merchant' : 'platform',
    all_counties: scope.countyIds.length ? 0 : 1,
    starts_at: startsAt,
    ends_at: endsAt,
    budget_fen: input.budgetFen ?? null,
    spent_fen: 0,
    created_by: actor.id,
    created_at: deps.clock.now().toISOString(),
    ended_at: null,
  };
  await deps.db.transaction().execute((trx) => insertPromotion(trx, row, scope));
  return toPromotion(row, scope);
}
