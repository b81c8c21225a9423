export const serviceKinds = ['mobile_topup', 'utility_bill', 'travel_ticket'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

export const serviceStatuses = ['pending', 'succeeded', 'failed'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];
export type ServicePayment = 'float' | 'wallet';

/** One everyday-service request made at a centre for a villager. `details` is JSON. */
export type ServiceRequestRow = {
  id: string;
  county_id: string;
  center_id: string;
  villager_id: string;
  requested_by: string;
  kind: ServiceKind;
  provider: string;
  payment: ServicePayment;
  amount_fen: number;
  fee_fen: number;
  fee_schedule_version: number;
  details: string;
  receipt_no: string;
  status: ServiceStatus;
  provider_ref: string | null;
  failure_reason: string | null;
  /** How many times the outbox handler has asked the provider about this request. */
  attempts: number;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
};

export type ServiceTables = { service_requests: ServiceRequestRow };
