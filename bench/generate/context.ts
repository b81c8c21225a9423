/** What every part of the generator shares while it writes one network. */
import type { UpstreamRates } from '../../server/modules/fees/index.ts';
import type { Books } from './books.ts';
import type { Catalogue } from './catalog.ts';
import type { Rng } from './rng.ts';
import type { Buyer } from './storefront.ts';

export type Options = {
  counties: number;
  centresPerCounty: number;
  months: number;
  products: number;
  merchants: number;
  villagersPerCentre: number;
  ordersPerCentreMonth: number;
  servicesPerCentreMonth: number;
  seed: number;
};

export type Ctx = {
  opts: Options;
  rng: Rng;
  books: Books;
  catalogue: Catalogue;
  /** The history runs from `startMs` (months before `endMs`) to `endMs` (now). */
  startMs: number;
  endMs: number;
  /** One argon2 hash for every generated login (hashing per user would take hours). */
  passwordHash: string;
  hqUserId: string;
  courses: { required: string; optional: string };
  /** How a storefront sale is split, from the fee schedule every generated order is placed under. */
  upstreamRates: UpstreamRates;
  /** City buyers who may order again (a bounded pool: buyers are national, memory is not). */
  buyers: Buyer[];
  /**
   * Counters that make numbers people read (phones, serials, receipts…) and names cut from ids
   * (sellers' merchant records, listings' SKUs) unique across the network.
   */
  counters: {
    phone: number;
    serial: number;
    parcel: number;
    receipt: number;
    certificate: number;
    seller: number;
    listing: number;
    buyer: number;
  };
};
