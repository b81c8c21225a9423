import type { CenterRow, CountyRow, VillageRow } from './network.tables.ts';

export type County = {
  id: string;
  code: string;
  name: string;
  province: string;
  hub: { lat: number; lon: number; address: string };
  requiresOrderConfirmation: boolean;
  createdAt: string;
};

export type Village = {
  id: string;
  countyId: string;
  name: string;
  lat: number;
  lon: number;
  population: number | null;
  createdAt: string;
};

export type Center = {
  id: string;
  countyId: string;
  villageId: string;
  villageName: string | null;
  name: string;
  address: string;
  status: CenterRow['status'];
  partnerUserId: string | null;
  createdAt: string;
  openedAt: string | null;
};

export const toCounty = (r: CountyRow): County => ({
  id: r.id,
  code: r.code,
  name: r.name,
  province: r.province,
  hub: { lat: r.hub_lat, lon: r.hub_lon, address: r.hub_address },
  requiresOrderConfirmation: r.requires_order_confirmation === 1,
  createdAt: r.created_at,
});

export const toVillage = (r: VillageRow): Village => ({
  id: r.id,
  countyId: r.county_id,
  name: r.name,
  lat: r.lat,
  lon: r.lon,
  population: r.population,
  createdAt: r.created_at,
});

export const toCenter = (r: CenterRow & { village_name?: string | null }): Center => ({
  id: r.id,
  countyId: r.county_id,
  villageId: r.village_id,
  villageName: r.village_name ?? null,
  name: r.name,
  address: r.address,
  status: r.status,
  partnerUserId: r.partner_user_id,
  createdAt: r.created_at,
  openedAt: r.opened_at,
});
