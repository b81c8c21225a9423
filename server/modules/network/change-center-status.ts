import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import { type Actor, assertFound, canManageCounty, canSeeCounty } from '../identity/index.ts';
import { partnerCertification } from '../training/index.ts';
import { type CenterAction, nextCenterStatus } from './center-status.ts';
import { findCenterRow, updateCenter } from './network.repo.ts';
import { type Center, toCenter } from './network.views.ts';

/**
 * open / suspend / close a centre. Opening (also reopening after a suspension) needs a
 * partner who has passed every course required for opening.
 */
export async function changeCenterStatus(
  deps: Deps,
  actor: Actor,
  centerId: string,
  action: CenterAction,
): Promise<Center> {
  return deps.db.transaction().execute(async (trx) => {
    const center = await findCenterRow(trx, centerId);
    assertFound(center !== undefined && canSeeCounty(actor, center.county_id), 'Centre');
    if (!canManageCounty(actor, center!.county_id)) {
      throw new AppError('forbidden', 'Only staff of this county may change a centre');
    }
    const next = nextCenterStatus(center!.status, action);
    if (next === null)
      throw invalidState(`A ${center!.status} centre cannot ${action}`, { status: center!.status });
    if (action === 'open' && !center!.partner_user_id) {
      throw invalidState('The centre has no partner yet', { reason: 'no_partner' });
    }
    if (action === 'open') {
      const certification = await partnerCertification(trx, center!.partner_user_id!);
      if (!certification.certified) {
        throw invalidState('The partner has not passed every course required for opening', {
          reason: 'partner_not_certified',
          missingCourses: certification.requiredCourses.filter((c) => !c.passed),
        });
      }
    }
    const now = deps.clock.now().toISOString();
    const patch = { status: next, status_changed_at: now, ...(next === 'open' ? { opened_at: now } : {}) };
    await updateCenter(trx, centerId, patch);
    return toCenter({ ...center!, ...patch });
  });
}
