export type MerchantKind = 'brand' | 'retailer';

export type MerchantRow = {
  id: string;
  name: string;
  kind: MerchantKind;
  created_at: string;
};

export type CatalogTables = {
  merchants: MerchantRow;
};
