export const visitPurposes = ['routine', 'at_risk', 'training', 'equipment', 'complaint', 'other'] as const;
export type VisitPurpose = (typeof visitPurposes)[number];

/** A county staff member's visit to a village centre, as logged after (or during) the visit. */
export type FieldVisitRow = {
  id: string;
  county_id: string;
  center_id: string;
  /** Who visited: the user who logged it (county staff, or HQ on a tour). */
  visitor_id: string;
  visitor_name: string;
  visited_at: string;
  purpose: VisitPurpose;
  notes: string | null;
  /** 1/0 when recorded; null when the visitor did not say. */
  partner_present: number | null;
  created_at: string;
};

/** Something the visit left to do, with a calendar day (China Standard Time) it is due by. */
export type FollowUpRow = {
  id: string;
  visit_id: string;
  county_id: string;
  center_id: string;
  text: string;
  due_on: string;
  assignee_id: string | null;
  assignee_name: string | null;
  done: number;
  done_at: string | null;
  done_by: string | null;
  done_by_name: string | null;
  created_at: string;
};

export type FieldVisitTables = { field_visits: FieldVisitRow; field_visit_follow_ups: FollowUpRow };
