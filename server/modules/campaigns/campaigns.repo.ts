import type { Queryable, Trx } from '../../db/create-db.ts';
import type { CampaignRow } from './campaigns.tables.ts';

export async function insertCampaign(
  trx: Trx,
  row: CampaignRow,
  promotionIds: readonly string[],
  centers: ReadonlyArray<{ id: string; countyId: string }>,
): Promise<void> {
  await trx.insertInto('campaigns').values(row).execute();
  await trx
    .insertInto('campaign_promotions')
    .values(promotionIds.map((promotion_id) => ({ campaign_id: row.id, promotion_id })))
    .execute();
  if (centers.length)
    await trx
      .insertInto('campaign_centers')
      .values(centers.map((c) => ({ campaign_id: row.id, center_id: c.id, county_id: c.countyId })))
      .execute();
}

export const findCampaignRow = (db: Queryable, id: string) =>
  db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();

export type CampaignFilter = {
  /** County campaigns of this county and the HQ-wide ones; undefined: every campaign. */
  countyId?: string | undefined;
  /** Only campaigns running at this instant (started, not ended, not cancelled). */
  runningAt?: string | undefined;
  /** Only campaigns that target this centre, by list or by targeting every open centre. */
  centerId?: string | undefined;
};

export function listCampaignRows(db: Queryable, f: CampaignFilter): Promise<CampaignRow[]> {
  let q = db
    .selectFrom('campaigns as c')
    .selectAll('c')
    .orderBy('c.starts_at', 'desc')
    .orderBy('c.id', 'desc');
  const { countyId, runningAt, centerId } = f;
  if (countyId !== undefined)
    q = q.where((eb) => eb.or([eb('c.county_id', '=', countyId), eb('c.county_id', 'is', null)]));
  if (runningAt !== undefined)
    q = q
      .where('c.starts_at', '<=', runningAt)
      .where('c.ends_at', '>', runningAt)
      .where('c.cancelled_at', 'is', null);
  if (centerId !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb('c.all_centers', '=', 1),
        eb.exists(
          eb
            .selectFrom('campaign_centers as cc')
            .select('cc.campaign_id')
            .whereRef('cc.campaign_id', '=', 'c.id')
            .where('cc.center_id', '=', centerId),
        ),
      ]),
    );
  return q.limit(500).execute();
}

/** The bundled promotions and listed centres of each campaign, keyed by campaign id. */
export async function campaignParts(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, { promotionIds: string[]; centerIds: string[] }>> {
  const parts = new Map(ids.map((id) => [id, { promotionIds: [] as string[], centerIds: [] as string[] }]));
  if (!ids.length) return parts;
  const [promotions, centers] = await Promise.all([
    db.selectFrom('campaign_promotions').selectAll().where('campaign_id', 'in', ids).execute(),
    db.selectFrom('campaign_centers').selectAll().where('campaign_id', 'in', ids).execute(),
  ]);
  for (const r of promotions) parts.get(r.campaign_id)?.promotionIds.push(r.promotion_id);
  for (const r of centers) parts.get(r.campaign_id)?.centerIds.push(r.center_id);
  return parts;
}

/** Cancels a campaign not cancelled yet; false when it already was. */
export async function cancelCampaignRow(db: Queryable, id: string, at: string, by: string): Promise<boolean> {
  const res = await db
    .updateTable('campaigns')
    .set({ cancelled_at: at, cancelled_by: by })
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
