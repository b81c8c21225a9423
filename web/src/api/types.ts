export type Role = 'hq_admin' | 'county_staff' | 'partner' | 'merchant' | 'gov_viewer' | 'buyer';

export type User = {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  countyId: string | null;
  centerId: string | null;
  merchantId: string | null;
};

export type Items<T> = { items: T[] };
