export type CenterStatus = 'planned' | 'open' | 'suspended' | 'closed';
export type CenterCounts = Record<CenterStatus, number>;

export type RolloutTargets = {
  counties: number;
  centers: number;
  targetDate: string | null;
  setAt: string | null;
  setBy: string | null;
};

export type RolloutMonth = {
  month: string;
  counties: number;
  centersOpen: number;
  gmvFen: number;
  upstreamSalesFen: number;
};

export type RolloutDashboard = {
  asOf: string;
  targets: RolloutTargets;
  totals: { counties: number; provincesCovered: number; centers: CenterCounts; partnersCertified: number };
  progress: { countiesPercent: number; centersPercent: number };
  funnel: { submitted: number; approved: number; certified: number; open: number };
  months: RolloutMonth[];
};

export type CountyPoint = {
  id: string;
  code: string;
  name: string;
  province: string;
  lat: number;
  lon: number;
  centers: CenterCounts;
};

export type CenterPoint = {
  id: string;
  name: string;
  villageName: string;
  lat: number;
  lon: number;
  status: CenterStatus;
};

export type RolloutMap = { counties: CountyPoint[]; centers?: CenterPoint[] };
