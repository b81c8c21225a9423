import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { findPromotions } from '../catalog/index.ts';
import { type Actor, assertFound } from '../identity/index.ts';
import { type BundledPromotion, type Campaign, type CampaignStatus, toCampaign } from './campaign.views.ts';
import { campaignParts, findCampaignRow, listCampaignRows } from './campaigns.repo.ts';
import type { CampaignRow } from './campaigns.tables.ts';

/**
 * HQ sees every campaign; county staff and government viewers their county's and the HQ-wide
 * ones; a partner those that target its centre. Anything else reads as missing.
 */
export function canSeeCampaign(actor: Actor, row: CampaignRow, centerIds: readonly string[]): boolean {
  if (actor.role === 'hq_admin') return true;
  const reachesCounty = row.county_id === null || row.county_id === actor.countyId;
  if (actor.role === 'county_staff' || actor.role === 'gov_viewer') return reachesCounty;
  if (actor.role === 'partner')
    return (
      reachesCounty &&
      actor.centerId !== null &&
      (row.all_centers === 1 || centerIds.includes(actor.centerId))
    );
  return false;
}

/** Campaign rows as the API shows them, with their bundled promotions; a few queries for any number of rows. */
export async function toCampaigns(db: Queryable, rows: CampaignRow[], now: string): Promise<Campaign[]> {
  const parts = await campaignParts(
    db,
    rows.map((r) => r.id),
  );
  const promotionIds = [...new Set([...parts.values()].flatMap((p) => p.promotionIds))];
  const promotions = new Map<string, BundledPromotion>(
    (await findPromotions(db, promotionIds)).map((p) => [
      p.id,
      { id: p.id, name: p.name, type: p.type, value: p.value, startsAt: p.startsAt, endsAt: p.endsAt },
    ]),
  );
  return rows.map((r) => {
    const { promotionIds: ids, centerIds } = parts.get(r.id)!;
    const bundled = ids.flatMap((id) => promotions.get(id) ?? []).sort((a, b) => a.id.localeCompare(b.id));
    return toCampaign(r, { promotions: bundled, centerIds }, now);
  });
}

/**
 * Campaigns in the caller's scope, latest start first. A partner sees only those running now
 * for its centre: what its console shows; the others are the staff's business.
 */
export async function listCampaigns(
  deps: Deps,
  actor: Actor,
  query: { countyId?: string | undefined; status?: CampaignStatus | undefined },
): Promise<Campaign[]> {
  const now = deps.clock.now().toISOString();
  let rows: CampaignRow[];
  if (actor.role === 'hq_admin') {
    rows = await listCampaignRows(deps.db, { countyId: query.countyId });
  } else if (actor.role === 'partner') {
    if (!actor.centerId || !actor.countyId) return [];
    rows = await listCampaignRows(deps.db, {
      countyId: actor.countyId,
      centerId: actor.centerId,
      runningAt: now,
    });
  } else {
    if (!actor.countyId || (query.countyId && query.countyId !== actor.countyId)) return [];
    rows = await listCampaignRows(deps.db, { countyId: actor.countyId });
  }
  const campaigns = await toCampaigns(deps.db, rows, now);
  return query.status ? campaigns.filter((c) => c.status === query.status) : campaigns;
}

/** A campaign row the caller may see, or 404. */
export async function visibleCampaignRow(deps: Deps, actor: Actor, id: string): Promise<CampaignRow> {
  const row = await findCampaignRow(deps.db, id);
  const centerIds =
    row && actor.role === 'partner' ? (await campaignParts(deps.db, [id])).get(id)!.centerIds : [];
  assertFound(row !== undefined && canSeeCampaign(actor, row, centerIds), 'Campaign');
  return row!;
}

export async function getCampaign(deps: Deps, actor: Actor, id: string): Promise<Campaign> {
  const row = await visibleCampaignRow(deps, actor, id);
  const [campaign] = await toCampaigns(deps.db, [row], deps.clock.now().toISOString());
  return campaign!;
}
