/** What every part of the generator shares while it writes one network. */
import type { Books } from './books.ts';
import type { Catalogue } from './catalog.ts';
import type { Rng } from './rng.ts';

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
  /** Counters that make numbers people read (phones, serials, receipts…) unique across the network. */
  counters: { phone: number; serial: number; parcel: number; receipt: number; certificate: number };
};
