import type { Migration } from 'kysely';
import * as merchants from './0001-merchants.ts';
import * as products from './0002-products.ts';
import * as promotions from './0003-promotions.ts';
import * as localSpecialties from './0004-local-specialties.ts';
import * as productPhotos from './0005-product-photos.ts';

export const migrations: Record<string, Migration> = {
  '0001-merchants': merchants,
  '0002-products': products,
  '0003-promotions': promotions,
  '0004-local-specialties': localSpecialties,
  '0005-product-photos': productPhotos,
};
