import type { ApplicationRow, ApplicationStatus, InterviewNoteRow } from './recruitment.tables.ts';
import type { Answers, Profile } from './rubric.ts';

export type Application = {
  id: string;
  countyId: string;
  villageId: string;
  name: string;
  phone: string;
  profile: Profile;
  answers: Answers;
  score: number;
  maxScore: number;
  rubricVersion: number;
  breakdown: Array<{ key: string; points: number }>;
  status: ApplicationStatus;
  source: ApplicationRow['source'];
  rejectReason: string | null;
  decidedAt: string | null;
  partnerUserId: string | null;
  centerId: string | null;
  createdAt: string;
};

export type InterviewNote = {
  id: string;
  applicationId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
};

export const toApplication = (r: ApplicationRow): Application => ({
  id: r.id,
  countyId: r.county_id,
  villageId: r.village_id,
  name: r.name,
  phone: r.phone,
  profile: r.profile,
  answers: JSON.parse(r.answers) as Answers,
  score: r.score,
  maxScore: r.max_score,
  rubricVersion: r.rubric_version,
  breakdown: JSON.parse(r.breakdown) as Application['breakdown'],
  status: r.status,
  source: r.source,
  rejectReason: r.reject_reason,
  decidedAt: r.decided_at,
  partnerUserId: r.partner_user_id,
  centerId: r.center_id,
  createdAt: r.created_at,
});

export const toNote = (r: InterviewNoteRow): InterviewNote => ({
  id: r.id,
  applicationId: r.application_id,
  authorId: r.author_id,
  authorName: r.author_name,
  body: r.body,
  createdAt: r.created_at,
});
