import type { Role } from '../api/types';

/** Where each role starts after signing in. */
export const landingPath: Record<Role, string> = {
  hq_admin: '/hq',
  county_staff: '/county/centers',
  partner: '/partner',
  merchant: '/merchant',
  gov_viewer: '/gov',
  buyer: '/store',
};
