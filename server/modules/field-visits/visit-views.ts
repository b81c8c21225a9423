import type { FieldVisitRow, FollowUpRow, VisitPurpose } from './field-visits.tables.ts';

export type FollowUp = {
  id: string;
  visitId: string;
  countyId: string;
  centerId: string;
  /** When the visit that asked for it took place. */
  visitedAt: string;
  text: string;
  /** Calendar day (China Standard Time) it is due by. */
  dueOn: string;
  assigneeId: string | null;
  assigneeName: string | null;
  done: boolean;
  doneAt: string | null;
  doneBy: string | null;
  doneByName: string | null;
  /** Not done and its due day has passed. */
  overdue: boolean;
  createdAt: string;
};

export type Visit = {
  id: string;
  countyId: string;
  centerId: string;
  visitorId: string;
  visitorName: string;
  visitedAt: string;
  purpose: VisitPurpose;
  notes: string | null;
  partnerPresent: boolean | null;
  createdAt: string;
  followUps: FollowUp[];
};

/** `today` is the calendar day (China Standard Time) against which `overdue` is judged. */
export const toFollowUp = (r: FollowUpRow, visitedAt: string, today: string): FollowUp => ({
  id: r.id,
  visitId: r.visit_id,
  countyId: r.county_id,
  centerId: r.center_id,
  visitedAt,
  text: r.text,
  dueOn: r.due_on,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  done: r.done === 1,
  doneAt: r.done_at,
  doneBy: r.done_by,
  doneByName: r.done_by_name,
  overdue: r.done === 0 && r.due_on < today,
  createdAt: r.created_at,
});

export const toVisit = (r: FieldVisitRow, followUps: FollowUp[]): Visit => ({
  id: r.id,
  countyId: r.county_id,
  centerId: r.center_id,
  visitorId: r.visitor_id,
  visitorName: r.visitor_name,
  visitedAt: r.visited_at,
  purpose: r.purpose,
  notes: r.notes,
  partnerPresent: r.partner_present === null ? null : r.partner_present === 1,
  createdAt: r.created_at,
  followUps,
});
