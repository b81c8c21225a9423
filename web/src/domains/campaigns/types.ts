import type { PromotionType } from '../catalog/types';

export type CampaignStatus = 'scheduled' | 'running' | 'ended' | 'cancelled';

export type Campaign = {
  id: string;
  /** Null for an HQ-wide campaign. */
  countyId: string | null;
  name: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  status: CampaignStatus;
  promotions: Array<{ id: string; name: string; type: PromotionType; value: number }>;
  /** Empty: every open centre. */
  centerIds: string[];
  createdAt: string;
  cancelledAt: string | null;
};

export type ResultFigures = {
  orders: number;
  gmvFen: number;
  promotedOrders: number;
  promotedGmvFen: number;
  newVillagers: number;
  before: { orders: number; gmvFen: number; newVillagers: number };
  ordersUpliftPct: number | null;
  gmvUpliftPct: number | null;
};

export type CenterResult = ResultFigures & { centerId: string; centerName: string; countyId: string };

export type CampaignResults = {
  campaignId: string;
  status: CampaignStatus;
  during: { from: string; to: string };
  before: { from: string; to: string };
  totals: ResultFigures;
  centers: CenterResult[];
};

export type NewCampaign = {
  name: string;
  description?: string;
  countyId?: string | null;
  startsAt: string;
  endsAt: string;
  promotionIds: string[];
  centerIds?: string[];
};
