import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { type Campaign, campaignStatus } from './campaign.views.ts';
import { cancelCampaignRow } from './campaigns.repo.ts';
import { getCampaign, visibleCampaignRow } from './list-campaigns.ts';

/**
 * Stops a scheduled or running campaign now: its results end at the cancellation. The bundled
 * promotions are catalogue promotions in their own right (other campaigns may bundle them) and
 * keep running; end them on the promotions page. Cancelling twice changes nothing; an ended
 * campaign cannot be cancelled (409).
 */
export async function cancelCampaign(deps: Deps, actor: Actor, id: string): Promise<Campaign> {
  const row = await visibleCampaignRow(deps, actor, id);
  const mayCancel = actor.role === 'hq_admin' || (row.county_id !== null && row.county_id === actor.countyId);
  if (!mayCancel) throw new AppError('forbidden', 'Only HQ cancels an HQ-wide campaign');
  const now = deps.clock.now().toISOString();
  const status = campaignStatus(row, now);
  if (status === 'ended') throw invalidState('The campaign has ended');
  if (status !== 'cancelled') await cancelCampaignRow(deps.db, id, now, actor.id);
  return getCampaign(deps, actor, id);
}
