import type { Deps } from '../../deps.ts';
import { dayOf } from '../../shared/month.ts';
import { type Actor, assertFound, canManageCounty } from '../identity/index.ts';
import { supervisedCounty } from './visit-scope.ts';
import { type FollowUp, toFollowUp } from './visit-views.ts';

export const followUpStatuses = ['open', 'done', 'overdue'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** At most this many follow-ups in one answer; a county with more open ones has other problems. */
const LIST_CAP = 500;

/**
 * The county's follow-ups: `open` (not done, overdue ones included) and `overdue` soonest due
 * first, `done` most recently done first.
 */
export async function followUpsOfCounty(
  deps: Deps,
  actor: Actor,
  countyId: string,
  status: FollowUpStatus,
): Promise<FollowUp[]> {
  await supervisedCounty(deps.db, actor, countyId);
  const today = dayOf(deps.clock.now());
  let q = deps.db
    .selectFrom('field_visit_follow_ups as f')
    .innerJoin('field_visits as v', 'v.id', 'f.visit_id')
    .selectAll('f')
    .select('v.visited_at')
    .where('f.county_id', '=', countyId)
    .where('f.done', '=', status === 'done' ? 1 : 0);
  if (status === 'overdue') q = q.where('f.due_on', '<', today);
  q =
    status === 'done'
      ? q.orderBy('f.done_at', 'desc').orderBy('f.id', 'desc')
      : q.orderBy('f.due_on').orderBy('f.id');
  const rows = await q.limit(LIST_CAP).execute();
  return rows.map(({ visited_at, ...row }) => toFollowUp(row, visited_at, today));
}

/**
 * Marks a follow-up done by the caller. Marking it again changes nothing and answers the same,
 * so a retry over a village link is harmless: the first `doneAt` and `doneBy` stand.
 */
export async function markFollowUpDone(deps: Deps, actor: Actor, id: string): Promise<FollowUp> {
  const now = deps.clock.now();
  const find = () =>
    deps.db
      .selectFrom('field_visit_follow_ups as f')
      .innerJoin('field_visits as v', 'v.id', 'f.visit_id')
      .selectAll('f')
      .select('v.visited_at')
      .where('f.id', '=', id)
      .executeTakeFirst();
  const found = await find();
  assertFound(found !== undefined && canManageCounty(actor, found.county_id), 'Follow-up');
  if (found!.done === 0) {
    // The `done = 0` guard makes the first of two concurrent calls the one that counts.
    await deps.db
      .updateTable('field_visit_follow_ups')
      .set({ done: 1, done_at: now.toISOString(), done_by: actor.id, done_by_name: actor.displayName })
      .where('id', '=', id)
      .where('done', '=', 0)
      .execute();
  }
  const { visited_at, ...row } = (await find())!;
  return toFollowUp(row, visited_at, dayOf(now));
}
