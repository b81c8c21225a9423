import type { Deps } from '../../deps.ts';
import type { Range } from '../../shared/month.ts';
import type { Actor } from '../identity/index.ts';
import { type Center, findCenters, listCenters } from '../network/index.ts';
import { orderVolumesOfCenters, promotedOrderVolumesOfCenters } from '../orders/index.ts';
import { villagersRegisteredAt } from '../villagers/index.ts';
import { type CampaignStatus, campaignStatus } from './campaign.views.ts';
import { campaignParts } from './campaigns.repo.ts';
import type { CampaignRow } from './campaigns.tables.ts';
import { visibleCampaignRow } from './list-campaigns.ts';

export type ResultFigures = {
  orders: number;
  gmvFen: number;
  promotedOrders: number;
  promotedGmvFen: number;
  newVillagers: number;
  before: { orders: number; gmvFen: number; newVillagers: number };
  /** Change against `before` in percent, one decimal; null when there is nothing to compare with. */
  ordersUpliftPct: number | null;
  gmvUpliftPct: number | null;
};

export type CampaignResults = {
  campaignId: string;
  status: CampaignStatus;
  during: Range;
  before: Range;
  totals: ResultFigures;
  centers: Array<ResultFigures & { centerId: string; centerName: string; countyId: string }>;
};

/** Aggregate queries take the centres in slices, so a national campaign stays under bind limits. */
const SLICE = 500;

async function bySlices<T>(
  ids: readonly string[],
  read: (slice: readonly string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  for (let i = 0; i < ids.length; i += SLICE) {
    for (const [k, v] of await read(ids.slice(i, i + SLICE))) out.set(k, v);
  }
  return out;
}

export function upliftPct(now: number, before: number): number | null {
  if (before <= 0) return null;
  return Math.round(((now - before) / before) * 1000) / 10;
}

/**
 * The measured window: from the start to the end, the cancellation or now, whichever comes
 * first; and the window of the same length just before the start. Comparing equal lengths keeps
 * the uplift fair while a campaign is still running.
 */
export function windows(row: CampaignRow, now: string): { during: Range; before: Range } {
  const start = Date.parse(row.starts_at);
  const end = Math.max(
    start,
    Math.min(Date.parse(row.ends_at), Date.parse(row.cancelled_at ?? row.ends_at), Date.parse(now)),
  );
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    during: { from: row.starts_at, to: iso(end) },
    before: { from: iso(start - (end - start)), to: row.starts_at },
  };
}

/**
 * The target centres the caller may see: the listed ones, or every open centre of the
 * campaign's county (of the country for HQ-wide). County roles see only their own county's
 * centres of an HQ-wide campaign.
 */
async function targets(
  deps: Deps,
  actor: Actor,
  row: CampaignRow,
  listed: readonly string[],
): Promise<Center[]> {
  const countyScoped = actor.role !== 'hq_admin';
  if (row.all_centers === 1) {
    const countyId = row.county_id ?? (countyScoped ? (actor.countyId ?? '') : undefined);
    return listCenters(deps, actor, { countyId, status: 'open', limit: 1_000_000, offset: 0 });
  }
  const centers = await bySlices(
    listed,
    async (slice) => new Map((await findCenters(deps.db, slice)).map((c) => [c.id, c])),
  );
  return [...centers.values()].filter((c) => !countyScoped || c.countyId === actor.countyId);
}

/**
 * Orders and GMV at the target centres during the campaign against the same length of time
 * before it, with the same definitions as the performance figures (`orderVolumesOfCenters`);
 * the orders priced by a bundled promotion; and villagers newly registered at those centres.
 */
export async function campaignResults(deps: Deps, actor: Actor, id: string): Promise<CampaignResults> {
  const row = await visibleCampaignRow(deps, actor, id);
  const now = deps.clock.now().toISOString();
  const { during, before } = windows(row, now);
  const { promotionIds, centerIds } = (await campaignParts(deps.db, [id])).get(id)!;
  const centers = await targets(deps, actor, row, centerIds);
  const ids = centers.map((c) => c.id);
  const [inCampaign, earlier, promoted, joined, joinedBefore] = await Promise.all([
    bySlices(ids, (s) => orderVolumesOfCenters(deps.db, s, during)),
    bySlices(ids, (s) => orderVolumesOfCenters(deps.db, s, before)),
    bySlices(ids, (s) => promotedOrderVolumesOfCenters(deps.db, s, during, promotionIds)),
    bySlices(ids, (s) => villagersRegisteredAt(deps.db, s, during)),
    bySlices(ids, (s) => villagersRegisteredAt(deps.db, s, before)),
  ]);
  const rows = centers.map((c) =>
    figures(c, {
      orders: inCampaign.get(c.id)!.orders,
      gmvFen: inCampaign.get(c.id)!.gmvFen,
      promotedOrders: promoted.get(c.id)!.orders,
      promotedGmvFen: promoted.get(c.id)!.gmvFen,
      newVillagers: joined.get(c.id)!,
      before: {
        orders: earlier.get(c.id)!.orders,
        gmvFen: earlier.get(c.id)!.gmvFen,
        newVillagers: joinedBefore.get(c.id)!,
      },
    }),
  );
  rows.sort((a, b) => b.gmvFen - a.gmvFen || a.centerName.localeCompare(b.centerName, 'zh-CN'));
  const sum = (pick: (r: ResultFigures) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const totals = withUplift({
    orders: sum((r) => r.orders),
    gmvFen: sum((r) => r.gmvFen),
    promotedOrders: sum((r) => r.promotedOrders),
    promotedGmvFen: sum((r) => r.promotedGmvFen),
    newVillagers: sum((r) => r.newVillagers),
    before: {
      orders: sum((r) => r.before.orders),
      gmvFen: sum((r) => r.before.gmvFen),
      newVillagers: sum((r) => r.before.newVillagers),
    },
  });
  return { campaignId: id, status: campaignStatus(row, now), during, before, totals, centers: rows };
}

type Counts = Omit<ResultFigures, 'ordersUpliftPct' | 'gmvUpliftPct'>;

const withUplift = (c: Counts): ResultFigures => ({
  ...c,
  ordersUpliftPct: upliftPct(c.orders, c.before.orders),
  gmvUpliftPct: upliftPct(c.gmvFen, c.before.gmvFen),
});

const figures = (c: Center, counts: Counts) => ({
  centerId: c.id,
  centerName: c.name,
  countyId: c.countyId,
  ...withUplift(counts),
});
