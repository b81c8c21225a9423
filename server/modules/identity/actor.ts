import type { Role, UserRow } from './identity.tables.ts';

/** The signed-in user as the API shows it and as every scope check sees it. */
export type Actor = {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  countyId: string | null;
  centerId: string | null;
  merchantId: string | null;
};

export function toActor(row: UserRow): Actor {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    countyId: row.county_id,
    centerId: row.center_id,
    merchantId: row.merchant_id,
  };
}
