import type { ServiceDetails } from './catalogue.ts';
import type { ServiceKind, ServicePayment, ServiceRequestRow, ServiceStatus } from './services.tables.ts';

export type ServiceRequest = {
  id: string;
  status: ServiceStatus;
  kind: ServiceKind;
  amountFen: number;
  feeFen: number;
  /** What the villager hands over: the amount plus the partner's fee. */
  totalFen: number;
  receiptNo: string;
  payment: ServicePayment;
  details: ServiceDetails;
  villagerId: string;
  centerId: string;
  countyId: string;
  provider: string;
  providerRef: string | null;
  failureReason: string | null;
  feeScheduleVersion: number;
  createdAt: string;
  resolvedAt: string | null;
};

export function toServiceRequest(r: ServiceRequestRow): ServiceRequest {
  const amountFen = Number(r.amount_fen);
  const feeFen = Number(r.fee_fen);
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    amountFen,
    feeFen,
    totalFen: amountFen + feeFen,
    receiptNo: r.receipt_no,
    payment: r.payment,
    details: JSON.parse(r.details) as ServiceDetails,
    villagerId: r.villager_id,
    centerId: r.center_id,
    countyId: r.county_id,
    provider: r.provider,
    providerRef: r.provider_ref,
    failureReason: r.failure_reason,
    feeScheduleVersion: r.fee_schedule_version,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  };
}
