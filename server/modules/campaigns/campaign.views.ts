import type { PromotionType } from '../catalog/index.ts';
import type { CampaignRow } from './campaigns.tables.ts';

/** Derived from the dates and cancellation at the moment of reading, never stored. */
export type CampaignStatus = 'scheduled' | 'running' | 'ended' | 'cancelled';
export const campaignStatuses = ['scheduled', 'running', 'ended', 'cancelled'] as const;

export type BundledPromotion = {
  id: string;
  name: string;
  type: PromotionType;
  value: number;
  startsAt: string;
  endsAt: string;
};

export type Campaign = {
  id: string;
  /** Null for an HQ-wide campaign. */
  countyId: string | null;
  name: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  status: CampaignStatus;
  promotions: BundledPromotion[];
  /** Empty: every open centre of the county, or of the country for an HQ-wide campaign. */
  centerIds: string[];
  createdBy: string;
  createdAt: string;
  cancelledAt: string | null;
};

export function campaignStatus(
  r: Pick<CampaignRow, 'starts_at' | 'ends_at' | 'cancelled_at'>,
  now: string,
): CampaignStatus {
  if (r.cancelled_at !== null) return 'cancelled';
  if (now < r.starts_at) return 'scheduled';
  return now < r.ends_at ? 'running' : 'ended';
}

export const toCampaign = (
  r: CampaignRow,
  parts: { promotions: BundledPromotion[]; centerIds: string[] },
  now: string,
): Campaign => ({
  id: r.id,
  countyId: r.county_id,
  name: r.name,
  description: r.description,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: campaignStatus(r, now),
  promotions: parts.promotions,
  centerIds: [...parts.centerIds].sort(),
  createdBy: r.created_by,
  createdAt: r.created_at,
  cancelledAt: r.cancelled_at,
});
