import type { Deps } from '../../deps.ts';
import { type Actor, assertFound, canSeeCounty } from '../identity/index.ts';
import { type CenterStatus, centerStatuses, findCounty, listCenters, villagesOf } from '../network/index.ts';
import { type Pipeline, pipelineFigures } from '../recruitment/index.ts';
import { certificationOf } from '../training/index.ts';
import { agreementTotals } from './agreements.ts';

export type GovDashboard = {
  countyId: string;
  villages: number;
  villagesCovered: number;
  centers: Record<CenterStatus, number>;
  partners: { total: number; certified: number };
  recruitment: Pipeline;
  agreements: { count: number; inForce: boolean; subsidyFen: number };
};

/**
 * What the county government follows, read-only: coverage of its villages, the centres and
 * their partners, the recruitment funnel, and its agreements with the platform.
 */
export async function govDashboard(deps: Deps, actor: Actor, countyId: string): Promise<GovDashboard> {
  assertFound(
    canSeeCounty(actor, countyId) &&
      actor.role !== 'partner' &&
      (await findCounty(deps.db, countyId)) !== null,
    'County',
  );
  const centers = await listCenters(deps, actor, { countyId, limit: 100_000, offset: 0 });
  const byStatus = Object.fromEntries(centerStatuses.map((s) => [s, 0])) as Record<CenterStatus, number>;
  for (const c of centers) byStatus[c.status]++;
  const covered = new Set(centers.filter((c) => c.status === 'open').map((c) => c.villageId));
  // Government viewers may not list users; the partners are those the centres name.
  const partnerIds = centers.flatMap((c) =>
    c.partnerUserId && c.status !== 'closed' ? [c.partnerUserId] : [],
  );
  const certification = await certificationOf(deps.db, partnerIds);
  const today = deps.clock.now().toISOString().slice(0, 10);
  return {
    countyId,
    villages: (await villagesOf(deps.db, countyId)).length,
    villagesCovered: covered.size,
    centers: byStatus,
    partners: {
      total: partnerIds.length,
      certified: partnerIds.filter((id) => certification.get(id)?.certified).length,
    },
    recruitment: await pipelineFigures(deps.db, countyId),
    agreements: await agreementTotals(deps.db, countyId, today),
  };
}
