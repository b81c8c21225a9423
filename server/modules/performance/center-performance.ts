import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { dayOf, isCalendarDay, type Period, periodRanges, type Range } from '../../shared/month.ts';
import { lastVisitOfCenters } from '../field-visits/index.ts';
import { type Actor, assertFound, canSeeCenter, canSeeCounty } from '../identity/index.ts';
import { type Center, findCenter, findCounty, listCenters } from '../network/index.ts';
import { orderingVillagers, orderVolumesOfCenters } from '../orders/index.ts';
import { earningsOfCenters } from '../partners/index.ts';
import { servedVillagers, serviceVolumesOfCenters } from '../services/index.ts';
import { upstreamSalesOfCenters } from '../upstream/index.ts';

export type Figures = {
  period: Range;
  orders: number;
  gmvFen: number;
  activeVillagers: number;
  upstreamSalesFen: number;
  serviceRequests: number;
  /** The partner statement's `netFen` over the period; null for viewers statements are private to. */
  earningsFen: number | null;
};

export type CenterPerformance = Figures & {
  centerId: string;
  centerName: string;
  previous: Figures;
  atRisk: boolean;
  /** When county staff last logged a visit to the centre, whatever the period; null if never. */
  lastVisitAt: string | null;
};

/** A fall in activity (orders + service requests) of at least this share flags the centre. */
const RISK_DROP = 0.5;

/**
 * One centre's figures for the week or month (China Standard Time) containing `at`, with the
 * previous period's and whether the partner is at risk.
 */
export async function centerPerformance(
  deps: Deps,
  actor: Actor,
  centerId: string,
  period: Period,
  at: string | undefined,
): Promise<CenterPerformance> {
  const ranges = periodRangesFor(deps, period, at);
  const center = await findCenter(deps.db, centerId);
  assertFound(center !== null && canSeeCenter(actor, center), 'Centre');
  const [one] = await performanceOf(deps, actor, [center!], ranges);
  return one!;
}

/** The county's open centres, best GMV first, with the same figures as `centerPerformance`. */
export async function countyLeaderboard(
  deps: Deps,
  actor: Actor,
  countyId: string,
  period: Period,
  at: string | undefined,
): Promise<CenterPerformance[]> {
  const ranges = periodRangesFor(deps, period, at);
  assertFound(canSeeCounty(actor, countyId) && (await findCounty(deps.db, countyId)) !== null, 'County');
  const centers = await listCenters(deps, actor, { countyId, status: 'open', limit: 100_000, offset: 0 });
  const rows = await performanceOf(deps, actor, centers, ranges);
  return rows.sort((a, b) => b.gmvFen - a.gmvFen || a.centerName.localeCompare(b.centerName, 'zh-CN'));
}

function periodRangesFor(deps: Deps, period: Period, at: string | undefined) {
  const day = at ?? dayOf(deps.clock.now());
  if (!isCalendarDay(day))
    throw new AppError('validation_failed', 'at is not a calendar day', { field: 'at' });
  return periodRanges(period, day);
}

async function performanceOf(
  deps: Deps,
  actor: Actor,
  centers: readonly Center[],
  ranges: { current: Range; previous: Range },
): Promise<CenterPerformance[]> {
  // Statements are private to the partner, its county staff and HQ; government viewers see the rest.
  const seesEarnings = actor.role !== 'gov_viewer';
  const ids = centers.map((c) => c.id);
  const figuresOf = async (range: Range) => {
    const [orders, active, services, upstream, earnings] = await Promise.all([
      orderVolumesOfCenters(deps.db, ids, range),
      activeVillagersOf(deps.db, ids, range),
      serviceVolumesOfCenters(deps.db, ids, range),
      upstreamSalesOfCenters(deps.db, ids, range),
      seesEarnings ? earningsOfCenters(deps.db, centers, range) : null,
    ]);
    const out = new Map<string, Figures>();
    for (const id of ids) {
      const o = orders.get(id)!;
      const s = services.get(id)!;
      out.set(id, {
        period: range,
        orders: o.orders,
        gmvFen: o.gmvFen,
        activeVillagers: active.get(id) ?? 0,
        upstreamSalesFen: upstream.get(id)!,
        serviceRequests: s.succeeded,
        earningsFen: earnings ? earnings.get(id)!.netFen : null,
      });
    }
    return out;
  };
  // Both periods at once: PostgreSQL runs them on separate pool connections.
  const [current, previous] = await Promise.all([figuresOf(ranges.current), figuresOf(ranges.previous)]);
  const visits = await lastVisitOfCenters(deps.db, ids);
  return centers.map((c) => {
    const now = current.get(c.id)!;
    const before = previous.get(c.id)!;
    return {
      centerId: c.id,
      centerName: c.name,
      ...now,
      previous: before,
      atRisk: atRisk(c, now, before),
      lastVisitAt: visits.get(c.id) ?? null,
    };
  });
}

/**
 * Distinct villagers with a counted order or a service request at each centre in the range:
 * the two modules' queries united and counted in SQL, so no villager id leaves the database.
 */
async function activeVillagersOf(db: Queryable, centerIds: readonly string[], range: Range) {
  if (centerIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom(
      orderingVillagers(db, centerIds, range)
        .union(servedVillagers(db, centerIds, range))
        .as('active'),
    )
    .select((eb) => ['active.center_id', eb.fn.countAll().as('n')])
    .groupBy('active.center_id')
    .execute();
  return new Map(rows.map((r) => [r.center_id, Number(r.n)]));
}

/**
 * At risk: activity (orders + succeeded service requests) fell by half or more against the
 * previous period, or no orders at all in a period the centre was open for from its start.
 */
export function atRisk(center: Pick<Center, 'openedAt'>, now: Figures, before: Figures): boolean {
  const [activity, earlier] = [now.orders + now.serviceRequests, before.orders + before.serviceRequests];
  const fell = earlier > 0 && activity <= earlier * (1 - RISK_DROP);
  const idle = now.orders === 0 && center.openedAt !== null && center.openedAt < now.period.from;
  return fell || idle;
}
