export const profiles = ['store_owner', 'returning_youth', 'other'] as const;
export type Profile = (typeof profiles)[number];
export const applicationStatuses = ['submitted', 'interviewed', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export type AnswerValue = string | number | boolean;

export type Criterion =
  | { key: string; label: string; kind: 'yes_no'; points: number }
  | { key: string; label: string; kind: 'number'; bands: Array<{ atLeast: number; points: number }> }
  | {
      key: string;
      label: string;
      kind: 'choice';
      options: Array<{ value: string; label: string; points: number }>;
    };

export type Rubric = { profile: Profile; version: number; criteria: Criterion[]; maxScore: number };

export type NewApplication = {
  countyId: string;
  villageId: string;
  name: string;
  phone: string;
  profile: Profile;
  answers: Record<string, AnswerValue>;
};

export type Submitted = { id: string; status: 'submitted'; score: number; maxScore: number };

export type Application = Omit<NewApplication, 'countyId'> & {
  id: string;
  countyId: string;
  score: number;
  maxScore: number;
  rubricVersion: number;
  breakdown: Array<{ key: string; points: number }>;
  status: ApplicationStatus;
  source: 'public_form' | 'county_staff';
  rejectReason: string | null;
  decidedAt: string | null;
  partnerUserId: string | null;
  centerId: string | null;
  createdAt: string;
};

export type InterviewNote = { id: string; authorName: string; body: string; createdAt: string };

export type Approved = {
  application: Application;
  partner: { id: string; login: string; displayName: string };
  center: { id: string; name: string; status: string; villageId: string };
  initialPassword: string | null;
};

export type Pipeline = {
  countyId: string;
  stages: Record<ApplicationStatus, number>;
  certified: number;
  open: number;
};

export type Place = { id: string; name: string; province?: string };
