import type { Profile } from './rubric.ts';

export const applicationStatuses = ['submitted', 'interviewed', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export type ApplicationRow = {
  id: string;
  county_id: string;
  village_id: string;
  name: string;
  phone: string;
  profile: Profile;
  /** JSON object of the applicant's answers, as submitted. */
  answers: string;
  score: number;
  max_score: number;
  /** The rubric version that scored it (0 = the built-in one); later rubric changes do not rescore. */
  rubric_version: number;
  /** JSON array of {key, points}. */
  breakdown: string;
  status: ApplicationStatus;
  source: 'public_form' | 'county_staff';
  submitted_by: string | null;
  reject_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  partner_user_id: string | null;
  center_id: string | null;
  created_at: string;
  updated_at: string;
};

export type InterviewNoteRow = {
  id: string;
  application_id: string;
  county_id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: string;
};

/** HQ's current rubric per recruitment model; a model without a row uses the built-in one. */
export type RubricRow = {
  profile: Profile;
  version: number;
  /** JSON array of criteria. */
  criteria: string;
  updated_by: string;
  updated_at: string;
};

/** Applications per county and status (see `application-counts.ts`). */
export type ApplicationCountRow = {
  county_id: string;
  status: ApplicationStatus;
  applications: number;
};

export type RecruitmentTables = {
  recruitment_applications: ApplicationRow;
  interview_notes: InterviewNoteRow;
  recruitment_rubrics: RubricRow;
  application_counts: ApplicationCountRow;
};
