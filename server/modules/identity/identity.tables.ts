export const roles = ['hq_admin', 'county_staff', 'partner', 'merchant', 'gov_viewer', 'buyer'] as const;
export type Role = (typeof roles)[number];

export type UserRow = {
  id: string;
  login: string;
  password_hash: string;
  display_name: string;
  role: Role;
  county_id: string | null;
  center_id: string | null;
  merchant_id: string | null;
  status: 'active' | 'disabled';
  created_at: string;
  updated_at: string;
};

export type SessionRow = {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
};

export type AuditRow = {
  id: string;
  at: string;
  user_id: string | null;
  role: string | null;
  county_id: string | null;
  method: string;
  route: string;
  entity_id: string | null;
  status_code: number;
  request_id: string;
};

export type IdentityTables = {
  users: UserRow;
  sessions: SessionRow;
  audit_log: AuditRow;
};
