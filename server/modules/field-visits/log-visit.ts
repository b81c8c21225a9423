import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { dayOf, isCalendarDay } from '../../shared/month.ts';
import { type Actor, getUser } from '../identity/index.ts';
import type { FieldVisitRow, FollowUpRow, VisitPurpose } from './field-visits.tables.ts';
import { supervisedCenter } from './visit-scope.ts';
import { toFollowUp, toVisit, type Visit } from './visit-views.ts';

/** A phone whose clock runs a little ahead still logs "now"; anything later is a typo. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type NewFollowUp = { text: string; dueOn: string; assigneeId?: string | undefined };
export type NewVisit = {
  visitedAt: string;
  purpose: VisitPurpose;
  notes?: string | undefined;
  partnerPresent?: boolean | undefined;
  followUps?: NewFollowUp[] | undefined;
};

/**
 * Logs a visit to a centre of the caller's county with what it left to do. The visit cannot
 * lie in the future and no follow-up may be due before the day of the visit; an assignee is a
 * staff member of the centre's county. Runs inside the caller's transaction.
 */
export async function logVisit(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  centerId: string,
  input: NewVisit,
): Promise<Visit> {
  const center = await supervisedCenter(trx, actor, centerId);
  const now = deps.clock.now();
  const visitedMs = Date.parse(input.visitedAt);
  if (Number.isNaN(visitedMs)) throw validationFailed('visitedAt', 'is not a date-time');
  if (visitedMs > now.getTime() + CLOCK_SKEW_MS) throw validationFailed('visitedAt', 'is in the future');
  const visitedAt = new Date(visitedMs).toISOString();
  const visitDay = dayOf(new Date(visitedMs));

  const followUps = input.followUps ?? [];
  const assignees = new Map<string, string>();
  for (const [i, f] of followUps.entries()) {
    if (!isCalendarDay(f.dueOn)) throw validationFailed(`followUps.${i}.dueOn`, 'is not a calendar day');
    if (f.dueOn < visitDay) throw validationFailed(`followUps.${i}.dueOn`, 'is before the visit');
    if (f.assigneeId === undefined || assignees.has(f.assigneeId)) continue;
    const assignee = await getUser(trx, f.assigneeId);
    if (assignee?.role !== 'county_staff' || assignee.countyId !== center.countyId)
      throw validationFailed(`followUps.${i}.assigneeId`, 'is not a staff member of this county');
    assignees.set(assignee.id, assignee.displayName);
  }

  const createdAt = now.toISOString();
  const visit: FieldVisitRow = {
    id: uuidv7(),
    county_id: center.countyId,
    center_id: center.id,
    visitor_id: actor.id,
    visitor_name: actor.displayName,
    visited_at: visitedAt,
    purpose: input.purpose,
    notes: input.notes?.trim() || null,
    partner_present: input.partnerPresent === undefined ? null : input.partnerPresent ? 1 : 0,
    created_at: createdAt,
  };
  const rows: FollowUpRow[] = followUps.map((f) => ({
    id: uuidv7(),
    visit_id: visit.id,
    county_id: center.countyId,
    center_id: center.id,
    text: f.text.trim(),
    due_on: f.dueOn,
    assignee_id: f.assigneeId ?? null,
    assignee_name: f.assigneeId === undefined ? null : assignees.get(f.assigneeId)!,
    done: 0,
    done_at: null,
    done_by: null,
    done_by_name: null,
    created_at: createdAt,
  }));
  await trx.insertInto('field_visits').values(visit).execute();
  if (rows.length > 0) await trx.insertInto('field_visit_follow_ups').values(rows).execute();
  const today = dayOf(now);
  // In the order every list shows them: soonest due first.
  const ordered = [...rows].sort((x, y) => x.due_on.localeCompare(y.due_on) || x.id.localeCompare(y.id));
  return toVisit(
    visit,
    ordered.map((r) => toFollowUp(r, visitedAt, today)),
  );
}
