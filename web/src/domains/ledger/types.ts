export type FloatDeposit = {
  id: string;
  centerId: string;
  amountFen: number;
  reference: string;
  recordedBy: string;
  createdAt: string;
};

export type LedgerItem = { type: string; refId: string | null; amountFen: number; at: string };

export type Statement = {
  userId: string;
  centerId: string | null;
  month: string;
  commissionsFen: number;
  clawbacksFen: number;
  serviceFeesFen: number;
  netFen: number;
  items: LedgerItem[];
};

export type Payable = { merchantId: string; month: string; balanceFen: number; items: LedgerItem[] };
