/**
 * A marketing campaign: promotions bundled for some centres over a period. `county_id` is null
 * for an HQ-wide campaign; `all_centers` = 1 targets every open centre of the county (or of the
 * country) instead of the listed ones.
 */
export type CampaignRow = {
  id: string;
  county_id: string | null;
  name: string;
  description: string | null;
  starts_at: string;
  ends_at: string;
  all_centers: number;
  created_by: string;
  created_at: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
};

export type CampaignPromotionRow = { campaign_id: string; promotion_id: string };

/** A listed target centre; its county is kept so the rows can live beside the centre's county. */
export type CampaignCenterRow = { campaign_id: string; center_id: string; county_id: string };

export type CampaignTables = {
  campaigns: CampaignRow;
  campaign_promotions: CampaignPromotionRow;
  campaign_centers: CampaignCenterRow;
};
