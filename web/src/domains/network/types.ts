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

export const centerStatuses = ['planned', 'open', 'suspended', 'closed'] as const;
export type CenterStatus = (typeof centerStatuses)[number];
export type CenterAction = 'open' | 'suspend' | 'close';

export type Center = {
  id: string;
  countyId: string;
  villageId: string;
  villageName: string | null;
  name: string;
  address: string;
  status: CenterStatus;
  partnerUserId: string | null;
  createdAt: string;
  openedAt: string | null;
};

export type PublicCenter = {
  id: string;
  name: string;
  address: string;
  village: { id: string; name: string };
  county: { id: string; name: string; province: string };
  status: CenterStatus;
  official: boolean;
};

/** Which actions the server accepts from each status (mirrors the server's lifecycle). */
export const allowedActions: Record<CenterStatus, CenterAction[]> = {
  planned: ['open', 'close'],
  open: ['suspend', 'close'],
  suspended: ['open', 'close'],
  closed: [],
};

/** The address anyone can open to check that a centre is an official one. */
export const verifyPath = (centerId: string) => `/verify/${encodeURIComponent(centerId)}`;
