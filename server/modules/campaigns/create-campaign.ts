import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { findPromotions } from '../catalog/index.ts';
import type { Actor } from '../identity/index.ts';
import { type Center, findCenters, findCounty } from '../network/index.ts';
import type { Campaign } from './campaign.views.ts';
import { insertCampaign } from './campaigns.repo.ts';
import type { CampaignRow } from './campaigns.tables.ts';
import { toCampaigns } from './list-campaigns.ts';

export type NewCampaign = {
  name: string;
  description?: string | undefined;
  /** Null or absent from HQ: an HQ-wide campaign. County staff: their own county. */
  countyId?: string | null | undefined;
  startsAt: string;
  endsAt: string;
  promotionIds: string[];
  /** Empty or absent: every open centre of the county (or of the country). */
  centerIds?: string[] | undefined;
};

const MAX_DAYS = 366;

/** County staff run campaigns in their own county only; HQ anywhere, or everywhere at once. */
async function campaignCounty(deps: Deps, actor: Actor, requested: string | null | undefined) {
  if (actor.role === 'county_staff') {
    if (requested === null || (requested !== undefined && requested !== actor.countyId))
      throw new AppError('forbidden', 'County staff run campaigns in their own county only');
    return actor.countyId!;
  }
  if (requested == null) return null;
  if (!(await findCounty(deps.db, requested))) throw validationFailed('countyId', 'no such county');
  return requested;
}

/**
 * Bundled promotions must exist, run in the campaign's county (for a county campaign), and
 * overlap the campaign's period: a campaign cannot promise discounts that are never given.
 */
async function checkPromotions(deps: Deps, countyId: string | null, ids: string[], from: string, to: string) {
  const found = new Map((await findPromotions(deps.db, ids)).map((p) => [p.id, p]));
  for (const id of ids) {
    const p = found.get(id);
    const inCounty = p && (countyId === null || p.countyIds.length === 0 || p.countyIds.includes(countyId));
    if (!p || !inCounty) throw validationFailed('promotionIds', `no such promotion in this county: ${id}`);
    if (!(p.startsAt < to && p.endsAt > from))
      throw validationFailed('promotionIds', `promotion ${id} does not run during the campaign`);
  }
}

/** Listed target centres must exist, not be closed, and lie in the campaign's county. */
async function targetCenters(deps: Deps, countyId: string | null, ids: string[]): Promise<Center[]> {
  const found = new Map((await findCenters(deps.db, ids)).map((c) => [c.id, c]));
  return ids.map((id) => {
    const c = found.get(id);
    if (!c || (countyId !== null && c.countyId !== countyId))
      throw validationFailed('centerIds', `no such centre in this county: ${id}`);
    if (c.status === 'closed') throw validationFailed('centerIds', `centre ${id} is closed`);
    return c;
  });
}

/**
 * A campaign of county staff for their county, or of HQ for a county or the whole country:
 * promotions bundled for some centres (or all open ones) over `[startsAt, endsAt)`.
 */
export async function createCampaign(deps: Deps, actor: Actor, input: NewCampaign): Promise<Campaign> {
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  const now = deps.clock.now().toISOString();
  if (endsAt <= startsAt) throw validationFailed('endsAt', 'must be after startsAt');
  if (endsAt <= now) throw validationFailed('endsAt', 'must be in the future');
  if (Date.parse(endsAt) - Date.parse(startsAt) > MAX_DAYS * 86_400_000)
    throw validationFailed('endsAt', `a campaign lasts at most ${MAX_DAYS} days`);
  const countyId = await campaignCounty(deps, actor, input.countyId);
  const promotionIds = [...new Set(input.promotionIds)];
  await checkPromotions(deps, countyId, promotionIds, startsAt, endsAt);
  const centers = await targetCenters(deps, countyId, [...new Set(input.centerIds ?? [])]);
  const row: CampaignRow = {
    id: uuidv7(),
    county_id: countyId,
    name: input.name.trim(),
    description: input.description?.trim() || null,
    starts_at: startsAt,
    ends_at: endsAt,
    all_centers: centers.length ? 0 : 1,
    created_by: actor.id,
    created_at: now,
    cancelled_at: null,
    cancelled_by: null,
  };
  await deps.db.transaction().execute((trx) => insertCampaign(trx, row, promotionIds, centers));
  const [campaign] = await toCampaigns(deps.db, [row], now);
  return campaign!;
}
