export const serviceKinds = ['mobile_topup', 'utility_bill', 'travel_ticket'] as const;
export type ServiceKind = (typeof serviceKinds)[number];
export type ServiceStatus = 'pending' | 'succeeded' | 'failed';

export type ServiceRequest = {
  id: string;
  status: ServiceStatus;
  kind: ServiceKind;
  amountFen: number;
  feeFen: number;
  totalFen: number;
  receiptNo: string;
  payment: 'float' | 'wallet';
  details: Record<string, string>;
  villagerId: string;
  centerId: string;
  countyId: string;
  provider: string;
  providerRef: string | null;
  failureReason: string | null;
  createdAt: string;
  resolvedAt: string | null;
};

export type ServiceRequestDetail = ServiceRequest & {
  receipt: { centerName: string; centerAddress: string; villagerName: string; villagerPhone: string };
};

export type ServiceQuote = {
  kind: ServiceKind;
  provider: string;
  details: Record<string, string>;
  quote: Record<string, unknown>;
  amountFen: number | null;
  feeFen: number | null;
  feeBps: number;
};

export type ServiceSummaryRow = {
  kind: ServiceKind;
  status: ServiceStatus;
  count: number;
  amountFen: number;
  feeFen: number;
};

/** Top-up denominations the carriers sell, in fen (the server checks the same list). */
export const topupDenominationsFen = [1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 30_000, 50_000];

/** The fee shown before the provider's quote arrives: the schedule's rate on the amount. */
export const feeOf = (amountFen: number, feeBps: number) => Math.floor((amountFen * feeBps) / 10_000);
