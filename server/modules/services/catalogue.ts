import { validationFailed } from '../../shared/app-error.ts';
import type { ServiceKind } from './services.tables.ts';

/**
 * The service catalogue: what each kind of everyday service needs in `details`, checked and
 * normalised before any money moves. Pure functions; the providers see only normalised details.
 */

export const MOBILE = /^1[3-9][0-9]{9}$/;

/** Top-up denominations carriers sell, in fen (¥10 … ¥500). */
export const topupDenominationsFen = [1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 30_000, 50_000] as const;

export const carriers = ['china_mobile', 'china_unicom', 'china_telecom', 'china_broadnet'] as const;
export type Carrier = (typeof carriers)[number];

const blocks = (...groups: string[]) => groups.join(' ').split(' ');

/** Number blocks (first three digits) as the carriers were allotted them. */
const carrierPrefixes: Record<Carrier, readonly string[]> = {
  china_mobile: blocks(
    '134 135 136 137 138 139 147 148 150 151 152 157 158 159',
    '165 172 178 182 183 184 187 188 195 197 198',
  ),
  china_unicom: blocks('130 131 132 145 146 155 156 166 167 171 175 176 185 186 196'),
  china_telecom: blocks('133 149 153 162 173 174 177 180 181 189 190 191 193 199'),
  china_broadnet: blocks('192'),
};

const carrierByPrefix = new Map(
  Object.entries(carrierPrefixes).flatMap(([carrier, prefixes]) =>
    prefixes.map((p) => [p, carrier as Carrier] as const),
  ),
);

/** 170 is shared by the virtual operators; the fourth digit names the network they resell. */
const virtual170: Record<string, Carrier> = {
  ...Object.fromEntries(['0', '1', '2'].map((d) => [d, 'china_telecom' as const])),
  ...Object.fromEntries(['3', '5', '6'].map((d) => [d, 'china_mobile' as const])),
  ...Object.fromEntries(['4', '7', '8', '9'].map((d) => [d, 'china_unicom' as const])),
};

/** The carrier a mainland mobile number belongs to, from its prefix; null when unallotted. */
export function carrierOf(phone: string): Carrier | null {
  if (!MOBILE.test(phone)) return null;
  if (phone.startsWith('170')) return virtual170[phone[3]!] ?? null;
  return carrierByPrefix.get(phone.slice(0, 3)) ?? null;
}

export const utilities = ['electricity', 'water', 'gas'] as const;
export type Utility = (typeof utilities)[number];
/** The biller used when the partner names none: the usual one for the utility in the county. */
export const defaultBiller: Record<Utility, string> = {
  electricity: 'state_grid',
  water: 'county_water',
  gas: 'county_gas',
};

export const travelModes = ['train', 'coach'] as const;
export const seatClasses = {
  train: ['second', 'first', 'business', 'hard_seat', 'hard_sleeper', 'soft_sleeper', 'no_seat'],
  coach: ['standard'],
} as const;

export type TopupDetails = { phone: string; carrier: Carrier };
export type BillDetails = { utility: Utility; biller: string; accountNo: string };
export type TicketDetails = {
  mode: (typeof travelModes)[number];
  from: string;
  to: string;
  date: string;
  passenger: string;
  seatClass: string;
  trainNo?: string;
};
export type ServiceDetails = TopupDetails | BillDetails | TicketDetails;

const CST_MS = 8 * 3_600_000;
const DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
const ACCOUNT_NO = /^[0-9A-Za-z-]{4,30}$/;

function text(details: Record<string, unknown>, field: string, max = 50): string {
  const value = details[field];
  if (typeof value !== 'string' || value.trim() === '' || value.length > max)
    throw validationFailed(`details.${field}`, `required, 1–${max} characters`);
  return value.trim();
}

function optionalText(details: Record<string, unknown>, field: string, max = 50): string | undefined {
  return details[field] === undefined ? undefined : text(details, field, max);
}

function oneOf<T extends string>(
  details: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  dflt: T,
) {
  const value = details[field] ?? dflt;
  if (!allowed.includes(value as T))
    throw validationFailed(`details.${field}`, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

export type CatalogueInput = {
  kind: ServiceKind;
  amountFen: number;
  details: Record<string, unknown>;
  /** The villager's own phone: a top-up without `details.phone` goes to it. */
  villagerPhone: string;
  now: Date;
};

/** Checks and normalises a request's details; throws `validation_failed` naming the field. */
export function normaliseDetails(input: CatalogueInput): ServiceDetails {
  const { details } = input;
  switch (input.kind) {
    case 'mobile_topup': {
      const phone = details.phone === undefined ? input.villagerPhone : details.phone;
      if (typeof phone !== 'string' || !MOBILE.test(phone))
        throw validationFailed('details.phone', 'an 11-digit mainland mobile number');
      const carrier = carrierOf(phone);
      if (!carrier) throw validationFailed('details.phone', 'no carrier serves this number block');
      if (!(topupDenominationsFen as readonly number[]).includes(input.amountFen))
        throw validationFailed('amountFen', `a top-up is one of ${topupDenominationsFen.join(', ')} fen`);
      return { phone, carrier };
    }
    case 'utility_bill': {
      const utility = oneOf(details, 'utility', utilities, 'electricity');
      const accountNo = text(details, 'accountNo', 30);
      if (!ACCOUNT_NO.test(accountNo))
        throw validationFailed('details.accountNo', '4–30 letters, digits or dashes');
      return { utility, biller: optionalText(details, 'biller') ?? defaultBiller[utility], accountNo };
    }
    case 'travel_ticket': {
      const mode = oneOf(details, 'mode', travelModes, 'train');
      const from = text(details, 'from');
      const to = text(details, 'to');
      if (from === to) throw validationFailed('details.to', 'must differ from details.from');
      const date = text(details, 'date', 10);
      const today = new Date(input.now.getTime() + CST_MS).toISOString().slice(0, 10);
      if (!DATE.test(date) || Number.isNaN(Date.parse(date)))
        throw validationFailed('details.date', 'a date YYYY-MM-DD');
      if (date < today) throw validationFailed('details.date', 'must not be in the past');
      const seatClass = oneOf(details, 'seatClass', seatClasses[mode], seatClasses[mode][0]);
      const trainNo = optionalText(details, 'trainNo', 10);
      return {
        mode,
        from,
        to,
        date,
        passenger: text(details, 'passenger'),
        seatClass,
        ...(trainNo ? { trainNo } : {}),
      };
    }
  }
}

/** How a service reads on a receipt and in an SMS. */
export const serviceLabel: Record<ServiceKind, string> = {
  mobile_topup: '话费充值',
  utility_bill: '生活缴费',
  travel_ticket: '车票代购',
};
