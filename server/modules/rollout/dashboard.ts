import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { monthOf, monthRange } from '../../shared/month.ts';
import { type CenterCounts, centersOpenAt, countiesAt, networkTotals } from '../network/index.ts';
import { nationalOrderGmv } from '../orders/index.ts';
import { nationalApplications } from '../recruitment/index.ts';
import { certifiedUserCount } from '../training/index.ts';
import { nationalUpstreamSales } from '../upstream/index.ts';
import { currentTargets, type Targets } from './targets.ts';

/** A series longer than five years is a report, not a dashboard. */
export const MAX_MONTHS = 60;
const DEFAULT_MONTHS = 12;

export type MonthFigures = {
  month: string;
  /** Counties on the platform at the month's end. */
  counties: number;
  /** Centres open at the month's end (see `centersOpenAt` for what the history allows). */
  centersOpen: number;
  /** Assisted-order GMV of the month, as the centres' performance `gmvFen`. */
  gmvFen: number;
  /** Storefront sales delivered in the month, as the centres' performance `upstreamSalesFen`. */
  upstreamSalesFen: number;
};

export type Dashboard = {
  asOf: string;
  targets: Targets;
  totals: {
    counties: number;
    provincesCovered: number;
    centers: CenterCounts;
    partnersCertified: number;
  };
  progress: { countiesPercent: number; centersPercent: number };
  funnel: { submitted: number; approved: number; certified: number; open: number };
  months: MonthFigures[];
};

/** HQ's national view of the rollout: where it stands, month by month, against the targets. */
export async function rolloutDashboard(
  deps: Deps,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<Dashboard> {
  const now = deps.clock.now();
  const months = monthsBetween(query.from, query.to, monthOf(now));
  const ends = months.map((m) => monthRange(m).to);
  const [targets, totals, applications, certification, counties, centersOpen, gmv, upstream] =
    await Promise.all([
      currentTargets(deps.db),
      networkTotals(deps.db),
      nationalApplications(deps.db),
      certifiedUserCount(deps.db),
      countiesAt(deps.db, ends),
      centersOpenAt(deps.db, ends),
      nationalOrderGmv(deps.db, months),
      nationalUpstreamSales(deps.db, months),
    ]);
  // With no course required for opening, every partner is certified, as the opening rule has it.
  const certified = certification.requiredCourses === 0 ? totals.partners : certification.certified;
  return {
    asOf: now.toISOString(),
    targets,
    totals: {
      counties: totals.counties,
      provincesCovered: totals.provincesCovered,
      centers: totals.centers,
      partnersCertified: certified,
    },
    progress: {
      countiesPercent: percent(totals.counties, targets.counties),
      centersPercent: percent(totals.centers.open, targets.centers),
    },
    funnel: { ...applications, certified, open: totals.centers.open },
    months: months.map((month, i) => ({
      month,
      counties: counties[i]!,
      centersOpen: centersOpen[i]!,
      gmvFen: gmv[i]!,
      upstreamSalesFen: upstream[i]!,
    })),
  };
}

/** Two decimal places, so the first few centres of a national target still show: 8 of 100,000 is 0.01 %. */
function percent(value: number, target: number): number {
  return Math.round((value / target) * 10_000) / 100;
}

const indexOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};
const monthAt = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** `from`..`to` inclusive; by default the twelve months up to the current one. */
export function monthsBetween(from: string | undefined, to: string | undefined, current: string): string[] {
  const last = indexOf(to ?? current);
  const first = from === undefined ? last - (DEFAULT_MONTHS - 1) : indexOf(from);
  if (first > last) throw new AppError('validation_failed', 'from is after to', { field: 'from' });
  if (last - first + 1 > MAX_MONTHS)
    throw new AppError('validation_failed', `At most ${MAX_MONTHS} months at once`, { field: 'from' });
  return Array.from({ length: last - first + 1 }, (_, i) => monthAt(first + i));
}
