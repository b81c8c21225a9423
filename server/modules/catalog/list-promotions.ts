import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, assertFound } from '../identity/index.ts';
import type { PromotionRow } from './catalog.tables.ts';
import { type Promotion, toPromotion } from './promotion.views.ts';
import {
  endPromotionRow,
  findPromotionRow,
  findPromotionRows,
  listPromotionRows,
  type PromotionScope,
  promotionScopes,
} from './promotions.repo.ts';

/** HQ sees every promotion, a merchant its own, county roles those that reach their county. */
function canSee(actor: Actor, row: PromotionRow, scope: PromotionScope): boolean {
  if (actor.role === 'hq_admin') return true;
  if (actor.role === 'merchant') return row.merchant_id === actor.merchantId;
  return row.all_counties === 1 || scope.countyIds.includes(actor.countyId ?? '');
}

/** HQ ends any; a merchant its own; county staff the platform promotions of their county alone. */
function canManage(actor: Actor, row: PromotionRow, scope: PromotionScope): boolean {
  if (actor.role === 'hq_admin') return true;
  if (actor.role === 'merchant') return row.merchant_id === actor.merchantId;
  return (
    actor.role === 'county_staff' &&
    row.funded_by === 'platform' &&
    scope.countyIds.length > 0 &&
    scope.countyIds.every((id) => id === actor.countyId)
  );
}

export async function listPromotions(
  deps: Deps,
  actor: Actor,
  query: { countyId?: string | undefined; activeAt?: string | undefined },
): Promise<Promotion[]> {
  const countyScoped = !(actor.role === 'hq_admin' || actor.role === 'merchant');
  if (countyScoped && query.countyId && query.countyId !== actor.countyId) return [];
  const rows = await listPromotionRows(deps.db, {
    countyId: countyScoped ? (actor.countyId ?? '') : query.countyId,
    activeAt: query.activeAt ? new Date(query.activeAt).toISOString() : undefined,
    merchantId: actor.role === 'merchant' ? (actor.merchantId ?? '') : undefined,
  });
  const scopes = await promotionScopes(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPromotion(r, scopes.get(r.id)!));
}

/** Ends a promotion now; ending one that is already over changes nothing. */
export async function endPromotion(deps: Deps, actor: Actor, id: string): Promise<Promotion> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findPromotionRow(trx, id);
    const scope = (await promotionScopes(trx, [id])).get(id)!;
    assertFound(row !== undefined && canSee(actor, row, scope), 'Promotion');
    if (!canManage(actor, row!, scope)) throw new AppError('forbidden', 'You may not end this promotion');
    const now = deps.clock.now().toISOString();
    await endPromotionRow(trx, id, now);
    return toPromotion((await findPromotionRow(trx, id))!, scope);
  });
}

/**
 * Promotions running at `at` that reach the county (its own or every county's), newest first,
 * for public pages such as the village screen; no actor, so no scope beyond the county.
 */
export async function runningPromotions(
  db: Queryable,
  countyId: string,
  at: string,
  limit: number,
): Promise<Promotion[]> {
  const rows = (await listPromotionRows(db, { countyId, activeAt: at })).slice(0, limit);
  const scopes = await promotionScopes(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPromotion(r, scopes.get(r.id)!));
}

/** Promotions by id, in any state, for other modules that refer to them; unknown ids are left out. No scope check. */
export async function findPromotions(db: Queryable, ids: readonly string[]): Promise<Promotion[]> {
  if (ids.length === 0) return [];
  const rows = await findPromotionRows(db, ids);
  const scopes = await promotionScopes(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPromotion(r, scopes.get(r.id)!));
}
