import type { Queryable } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { FeeScheduleRow } from './fees.tables.ts';

/** Rates in basis points (1/100 of a percent) so fees are integer arithmetic on fen. */
export type FeeRates = {
  /** Partner commission on an assisted order line, by product kind. */
  commissionBps: Record<string, number>;
  /** The split of a storefront sale of village products; schedules before it read as the defaults. */
  upstream: UpstreamRates;
  /**
   * The partner's service fee on an everyday service (phone top-up, utility bill, travel
   * ticket), by service kind, on the amount paid. The villager pays it on top, in cash.
   */
  serviceFeeBps: Record<string, number>;
};

/**
 * Service fee rates for schedules published before services existed: 1 % on top-ups and
 * bills, 3 % on tickets (booking them takes the partner longest).
 */
export const defaultServiceFeeBps: Readonly<Record<string, number>> = {
  mobile_topup: 100,
  utility_bill: 100,
  travel_ticket: 300,
};

/** How a delivered storefront sale is shared out of what the buyer paid. */
export type UpstreamRates = {
  /** The partner who listed, collected and shipped it. */
  partnerBps: number;
  /** The platform. */
  platformBps: number;
  /** The county's vans and hub: per started kilogram, and at least the minimum per order. */
  logisticsFenPerKg: number;
  logisticsMinFen: number;
};

export const DEFAULT_UPSTREAM_RATES: UpstreamRates = {
  partnerBps: 500,
  platformBps: 300,
  logisticsFenPerKg: 200,
  logisticsMinFen: 600,
};

export const upstreamRates = (schedule: FeeSchedule): UpstreamRates => schedule.rates.upstream;

export type FeeSchedule = {
  id: string;
  version: number;
  effectiveFrom: string;
  rates: FeeRates;
  createdAt: string;
};

/** Older versions carry no service fee or storefront rates; they read as the defaults. */
function parseRates(json: string): FeeRates {
  const stored = JSON.parse(json) as Partial<FeeRates>;
  return {
    commissionBps: stored.commissionBps ?? {},
    upstream: { ...DEFAULT_UPSTREAM_RATES, ...stored.upstream },
    serviceFeeBps: { ...defaultServiceFeeBps, ...stored.serviceFeeBps },
  };
}

const toSchedule = (r: FeeScheduleRow): FeeSchedule => ({
  id: r.id,
  version: r.version,
  effectiveFrom: r.effective_from,
  rates: parseRates(r.rates),
  createdAt: r.created_at,
});

/** The schedule in force at `at`: the highest version whose `effectiveFrom` has passed. */
export async function feeScheduleAt(db: Queryable, at: string): Promise<FeeSchedule> {
  const row = await db
    .selectFrom('fee_schedules')
    .selectAll()
    .where('effective_from', '<=', at)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new Error(`no fee schedule in force at ${at}`);
  return toSchedule(row);
}

/** A schedule by version: a sale is settled under the schedule it was placed under. */
export async function feeScheduleVersion(db: Queryable, version: number): Promise<FeeSchedule> {
  const row = await db
    .selectFrom('fee_schedules')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new Error(`no fee schedule version ${version}`);
  return toSchedule(row);
}

export async function listFeeSchedules(db: Queryable): Promise<FeeSchedule[]> {
  return (await db.selectFrom('fee_schedules').selectAll().orderBy('version', 'desc').execute()).map(
    toSchedule,
  );
}

/**
 * HQ publishes a new version; earlier versions stay, so every past order can be explained
 * by the schedule it was priced under. Kinds not mentioned keep their current rate.
 */
export async function publishFeeSchedule(
  deps: Deps,
  userId: string,
  input: {
    effectiveFrom?: string | undefined;
    commissionBps?: Record<string, number> | undefined;
    serviceFeeBps?: Record<string, number> | undefined;
    upstream?: Partial<UpstreamRates> | undefined;
  },
): Promise<FeeSchedule> {
  if (!input.commissionBps && !input.serviceFeeBps && !input.upstream) {
    throw validationFailed(
      'commissionBps',
      'a new schedule must change commission, service fee or storefront rates',
    );
  }
  const now = deps.clock.now().toISOString();
  const effectiveFrom = input.effectiveFrom ?? now;
  if (effectiveFrom < now.slice(0, 10)) {
    throw new AppError('validation_failed', 'effectiveFrom: a new schedule cannot start in the past', {
      fields: [{ field: 'effectiveFrom', message: 'must not be in the past' }],
    });
  }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const latest = await trx
        .selectFrom('fee_schedules')
        .selectAll()
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const base = parseRates(latest.rates);
      const row: FeeScheduleRow = {
        id: uuidv7(),
        version: latest.version + 1,
        effective_from: new Date(effectiveFrom).toISOString(),
        rates: JSON.stringify({
          commissionBps: { ...base.commissionBps, ...input.commissionBps },
          upstream: { ...base.upstream, ...input.upstream },
          serviceFeeBps: { ...base.serviceFeeBps, ...input.serviceFeeBps },
        } satisfies FeeRates),
        created_by: userId,
        created_at: now,
      };
      await trx.insertInto('fee_schedules').values(row).execute();
      return toSchedule(row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'Another schedule was published at the same time; retry');
    throw error;
  }
}

/** Commission on what the villager paid for a line, rounded down to the fen. */
export function commissionFen(schedule: FeeSchedule, kind: string, paidFen: number): number {
  const bps = schedule.rates.commissionBps[kind] ?? 0;
  return Math.floor((paidFen * bps) / 10_000);
}

/** The partner's service fee on an everyday service of `amountFen`, rounded down to the fen. */
export function serviceFeeFen(schedule: FeeSchedule, kind: string, amountFen: number): number {
  const bps = schedule.rates.serviceFeeBps[kind] ?? 0;
  return Math.floor((amountFen * bps) / 10_000);
}
