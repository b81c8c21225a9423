/** Catalog: merchants (brands and retailers); products, stock and search arrive with assisted buying. */
export type { MerchantKind } from './catalog.tables.ts';
export { createMerchant, findMerchant, listMerchants, type Merchant } from './merchants.ts';
