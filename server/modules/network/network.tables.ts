export const centerStatuses = ['planned', 'open', 'suspended', 'closed'] as const;
export type CenterStatus = (typeof centerStatuses)[number];

export type CountyRow = {
  id: string;
  code: string;
  name: string;
  province: string;
  hub_lat: number;
  hub_lon: number;
  hub_address: string;
  /** 0/1: assisted orders wait for the villager's SMS confirmation code. */
  requires_order_confirmation: number;
  created_at: string;
};

export type VillageRow = {
  id: string;
  county_id: string;
  name: string;
  lat: number;
  lon: number;
  population: number | null;
  created_at: string;
};

export type CenterRow = {
  id: string;
  county_id: string;
  village_id: string;
  name: string;
  address: string;
  status: CenterStatus;
  partner_user_id: string | null;
  created_at: string;
  opened_at: string | null;
  status_changed_at: string;
};

/** Centres per county and status (see `center-counts.ts`). */
export type CenterCountRow = {
  county_id: string;
  status: CenterStatus;
  centers: number;
  /** Of those centres, how many have a partner assigned. */
  partners: number;
};

export type NetworkTables = {
  counties: CountyRow;
  villages: VillageRow;
  centers: CenterRow;
  center_counts: CenterCountRow;
};
