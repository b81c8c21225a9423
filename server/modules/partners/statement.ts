import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { monthRange } from '../../shared/month.ts';
import { type Actor, assertFound, canSeeCounty, getUser } from '../identity/index.ts';
import { accountEntries, accountId, naturalBalance, sumsByKind } from '../ledger/index.ts';

export type StatementItem = {
  type: 'commission' | 'clawback' | 'service_fee';
  refId: string | null;
  amountFen: number;
  at: string;
};
export type Statement = {
  userId: string;
  centerId: string | null;
  month: string;
  commissionsFen: number;
  clawbacksFen: number;
  serviceFeesFen: number;
  netFen: number;
  items: StatementItem[];
};

const itemType: Record<string, StatementItem['type']> = {
  order: 'commission',
  order_cancel: 'clawback',
  return: 'clawback',
  store_sale: 'commission',
  // A storefront order sent back after delivery takes the partner's fee back with the split.
  store_sale_refund: 'clawback',
  service_fee: 'service_fee',
  service_refund: 'service_fee',
};

/**
 * A partner's month from the ledger: what its centre's commission account earned
 * (commissions, service fees) and gave back (claw-backs on returns and cancellations).
 * `netFen = commissionsFen − clawbacksFen + serviceFeesFen`.
 */
export async function partnerStatement(
  deps: Deps,
  actor: Actor,
  userId: string,
  month: string,
): Promise<Statement> {
  const partner = await getUser(deps.db, userId);
  const visible =
    partner?.role === 'partner' &&
    (actor.id === userId ||
      (actor.role !== 'partner' && partner.countyId !== null && canSeeCounty(actor, partner.countyId)));
  assertFound(visible, 'Partner');
  if (actor.role === 'merchant' || actor.role === 'gov_viewer')
    throw new AppError('forbidden', 'Statements are private');
  // A partner runs a centre of its own county, so the centre's accounts are in that county.
  const earnings =
    partner!.centerId && partner!.countyId
      ? await centerEarnings(
          deps.db,
          { id: partner!.centerId, countyId: partner!.countyId },
          monthRange(month),
        )
      : { commissionsFen: 0, clawbacksFen: 0, serviceFeesFen: 0, netFen: 0, items: [] };
  return {
    userId,
    centerId: partner!.centerId,
    month,
    ...earnings,
  };
}

export type Earnings = Omit<Statement, 'userId' | 'centerId' | 'month'>;

/** A centre and its county, where its ledger accounts are. */
export type CenterRef = { id: string; countyId: string };

/**
 * What a centre's commission account earned and gave back over `[from, to)`, from the
 * ledger: the partner statement's figures, shared with dashboards so that they agree.
 * `netFen = commissionsFen − clawbacksFen + serviceFeesFen`.
 */
export async function centerEarnings(
  db: Queryable,
  center: CenterRef,
  range: { from: string; to: string },
): Promise<Earnings> {
  const items: StatementItem[] = [];
  const account = accountId('commission_payable', center.id);
  for (const line of await accountEntries(db, account, range, center.countyId)) {
    const type = itemType[line.kind];
    if (type)
      items.push({
        type,
        refId: line.refId,
        amountFen: naturalBalance(account, line.amountFen),
        at: line.at,
      });
  }
  const sum = (type: StatementItem['type']) =>
    items.filter((i) => i.type === type).reduce((s, i) => s + i.amountFen, 0);
  const commissionsFen = sum('commission');
  const clawbacksFen = -sum('clawback');
  const serviceFeesFen = sum('service_fee');
  return {
    commissionsFen,
    clawbacksFen,
    serviceFeesFen,
    netFen: commissionsFen - clawbacksFen + serviceFeesFen,
    items,
  };
}

/**
 * `centerEarnings` without the items, for many centres in one query per county over whole
 * China Standard Time days (a week, a month), from the ledger's day sums: what a county
 * leaderboard shows per centre, equal to each statement's totals.
 */
export async function earningsOfCenters(
  db: Queryable,
  centers: readonly CenterRef[],
  range: { from: string; to: string },
): Promise<Map<string, Omit<Earnings, 'items'>>> {
  const account = (centerId: string) => accountId('commission_payable', centerId);
  const sums = new Map<string, Map<string, number>>();
  for (const countyId of new Set(centers.map((c) => c.countyId))) {
    const inCounty = centers.filter((c) => c.countyId === countyId).map((c) => account(c.id));
    for (const [a, kinds] of await sumsByKind(db, countyId, inCounty, range)) sums.set(a, kinds);
  }
  const out = new Map<string, Omit<Earnings, 'items'>>();
  for (const { id: centerId } of centers) {
    const totals = { commission: 0, clawback: 0, service_fee: 0 };
    for (const [kind, signed] of sums.get(account(centerId)) ?? []) {
      const type = itemType[kind];
      if (type) totals[type] += naturalBalance(account(centerId), signed);
    }
    out.set(centerId, {
      commissionsFen: totals.commission,
      clawbacksFen: -totals.clawback,
      serviceFeesFen: totals.service_fee,
      netFen: totals.commission + totals.clawback + totals.service_fee,
    });
  }
  return out;
}
