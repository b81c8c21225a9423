/** Campaigns: marketing activities that bundle promotions for target centres, and their results. */

export type { Campaign, CampaignStatus } from './campaign.views.ts';
export { type CampaignResults, campaignResults } from './campaign-results.ts';
export { cancelCampaign } from './cancel-campaign.ts';
export { createCampaign, type NewCampaign } from './create-campaign.ts';
export { getCampaign, listCampaigns } from './list-campaigns.ts';
