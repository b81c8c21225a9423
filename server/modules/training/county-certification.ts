import type { Deps } from '../../deps.ts';
import { type Actor, listUsers } from '../identity/index.ts';
import { type Certification, certificationOf } from './certification.ts';

export type PartnerCertification = Certification & { displayName: string; centerId: string | null };

/** Every partner of a county with its certification: the county's training board. */
export async function countyCertification(
  deps: Deps,
  actor: Actor,
  countyId: string,
): Promise<PartnerCertification[]> {
  const partners = await listUsers(deps, actor, { role: 'partner', countyId });
  const certification = await certificationOf(
    deps.db,
    partners.map((p) => p.id),
  );
  return partners.map((p) => ({
    ...certification.get(p.id)!,
    displayName: p.displayName,
    centerId: p.centerId,
  }));
}
