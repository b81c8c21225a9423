import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { validationFailed } from '../../shared/app-error.ts';
import { dayOf, isCalendarDay } from '../../shared/month.ts';
import type { Actor } from '../identity/index.ts';
import type { FieldVisitRow } from './field-visits.tables.ts';
import { centerReadableForVisits, supervisedCounty } from './visit-scope.ts';
import { toFollowUp, toVisit, type Visit } from './visit-views.ts';

export type Paging = { limit: number; offset: number };

/** The rows with their follow-ups, in one query for all of them. */
async function withFollowUps(db: Queryable, rows: FieldVisitRow[], today: string): Promise<Visit[]> {
  if (rows.length === 0) return [];
  const followUps = await db
    .selectFrom('field_visit_follow_ups')
    .selectAll()
    .where(
      'visit_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  return rows.map((visit) =>
    toVisit(
      visit,
      followUps.filter((f) => f.visit_id === visit.id).map((f) => toFollowUp(f, visit.visited_at, today)),
    ),
  );
}

/** Visits to one centre, newest first: for its county's staff, HQ and the centre's own partner. */
export async function visitsOfCenter(
  deps: Deps,
  actor: Actor,
  centerId: string,
  paging: Paging,
): Promise<Visit[]> {
  const center = await centerReadableForVisits(deps.db, actor, centerId);
  const rows = await deps.db
    .selectFrom('field_visits')
    .selectAll()
    .where('center_id', '=', center.id)
    .orderBy('visited_at', 'desc')
    .orderBy('id', 'desc')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute();
  return withFollowUps(deps.db, rows, dayOf(deps.clock.now()));
}

/** The instant a calendar day of China Standard Time begins. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function dayParam(field: string, day: string | undefined): string | undefined {
  if (day !== undefined && !isCalendarDay(day)) throw validationFailed(field, 'is not a calendar day');
  return day;
}

/**
 * The county's visits from the day `from` to the day `to`, both included (China Standard
 * Time; either may be left open), newest first.
 */
export async function visitsOfCounty(
  deps: Deps,
  actor: Actor,
  countyId: string,
  query: Paging & { from?: string | undefined; to?: string | undefined },
): Promise<Visit[]> {
  const from = dayParam('from', query.from);
  const to = dayParam('to', query.to);
  if (from !== undefined && to !== undefined && from > to) throw validationFailed('from', 'is after to');
  await supervisedCounty(deps.db, actor, countyId);
  let q = deps.db.selectFrom('field_visits').selectAll().where('county_id', '=', countyId);
  if (from !== undefined) q = q.where('visited_at', '>=', startOfDay(from));
  if (to !== undefined) q = q.where('visited_at', '<', startOfDay(nextDay(to)));
  const rows = await q
    .orderBy('visited_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return withFollowUps(deps.db, rows, dayOf(deps.clock.now()));
}
