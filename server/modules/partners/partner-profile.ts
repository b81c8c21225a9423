import type { Deps } from '../../deps.ts';
import { type Actor, assertFound, canSeeCounty, getUser } from '../identity/index.ts';
import { findCenter } from '../network/index.ts';
import {
  type Certification,
  type FeatureAccess,
  featuresOf,
  partnerCertification,
} from '../training/index.ts';

export type PartnerProfile = Certification &
  FeatureAccess & {
    displayName: string;
    countyId: string | null;
    centerId: string | null;
    centerName: string | null;
    centerStatus: string | null;
  };

/**
 * A partner with its centre, certification (courses required for opening, certificates
 * earned) and the gated features its courses have unlocked. Seen by the partner itself, and
 * by HQ and the county's staff and government viewers.
 */
export async function partnerProfile(deps: Deps, actor: Actor, userId: string): Promise<PartnerProfile> {
  const partner = await getUser(deps.db, userId);
  const visible =
    partner?.role === 'partner' &&
    (actor.id === userId ||
      (actor.role !== 'partner' && partner.countyId !== null && canSeeCounty(actor, partner.countyId)));
  assertFound(visible, 'Partner');
  const center = partner!.centerId ? await findCenter(deps.db, partner!.centerId) : null;
  return {
    ...(await partnerCertification(deps.db, userId)),
    ...(await featuresOf(deps.db, userId)),
    displayName: partner!.displayName,
    countyId: partner!.countyId,
    centerId: partner!.centerId,
    centerName: center?.name ?? null,
    centerStatus: center?.status ?? null,
  };
}
