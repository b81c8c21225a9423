export type PerformancePeriod = 'week' | 'month';

export type Figures = {
  period: { from: string; to: string };
  orders: number;
  gmvFen: number;
  activeVillagers: number;
  upstreamSalesFen: number;
  serviceRequests: number;
  /** Null for government viewers: statements are private. */
  earningsFen: number | null;
};

export type CenterPerformance = Figures & {
  centerId: string;
  centerName: string;
  previous: Figures;
  atRisk: boolean;
  /** When county staff last logged a visit to the centre; null if never. */
  lastVisitAt: string | null;
};
