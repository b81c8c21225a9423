import { AppError } from '../../shared/app-error.ts';
import type { Actor } from './actor.ts';

/**
 * Scope rules in one place. Roles are checked per route by the access guard; these answer
 * the second question — is this particular county or centre inside the caller's scope?
 */

/** May read county-level data (villages, centres, registry lists). */
export function canSeeCounty(actor: Actor, countyId: string): boolean {
  switch (actor.role) {
    case 'hq_admin':
    case 'merchant':
      return true;
    case 'county_staff':
    case 'gov_viewer':
    case 'partner':
      return actor.countyId === countyId;
    default:
      return false;
  }
}

/** May change the county's network: villages, centres, partners, users of the county. */
export function canManageCounty(actor: Actor, countyId: string): boolean {
  return actor.role === 'hq_admin' || (actor.role === 'county_staff' && actor.countyId === countyId);
}

/** May see one centre's records. */
export function canSeeCenter(actor: Actor, center: { id: string; countyId: string }): boolean {
  if (actor.role === 'partner') return actor.centerId === center.id;
  if (actor.role === 'merchant') return false;
  return canSeeCounty(actor, center.countyId);
}

/**
 * Out-of-scope resources answer 404, the same as missing ones, so ids from another county
 * reveal nothing.
 */
export function assertFound(visible: boolean, what: string): void {
  if (!visible) throw new AppError('not_found', `${what} not found`);
}
