export type CourseRow = {
  id: string;
  title: string;
  description: string | null;
  /** 0/1: a partner must pass it before its centre may open. */
  required_for_opening: number;
  created_by: string;
  created_at: string;
};

/** Partner features a course can unlock: a gated feature waits for every course unlocking it. */
export const gatedFeatures = ['returns', 'upstream_listings'] as const;
export type GatedFeature = (typeof gatedFeatures)[number];

/** One per course and feature the course unlocks. */
export type CourseUnlockRow = {
  course_id: string;
  feature: GatedFeature;
};

export type TrainingSessionRow = {
  id: string;
  county_id: string;
  course_id: string;
  starts_at: string;
  trainer: string;
  location: string | null;
  created_by: string;
  created_at: string;
};

export type AttendanceRow = {
  id: string;
  session_id: string;
  county_id: string;
  course_id: string;
  user_id: string;
  /** 0/1 */
  passed: number;
  score: number | null;
  recorded_by: string;
  recorded_at: string;
};

/** One per partner and course, issued by the first attendance that passed. */
export type CertificateRow = {
  id: string;
  certificate_no: string;
  user_id: string;
  course_id: string;
  county_id: string;
  session_id: string;
  score: number | null;
  issued_at: string;
};

/** A partner holding a certificate of every course required for opening (see `certified-count.ts`). */
export type CertifiedPartnerRow = {
  user_id: string;
  county_id: string;
  /** When the last required certificate was issued. */
  certified_at: string;
};

export type TrainingTables = {
  courses: CourseRow;
  course_unlocks: CourseUnlockRow;
  training_sessions: TrainingSessionRow;
  training_attendance: AttendanceRow;
  certificates: CertificateRow;
  certified_partners: CertifiedPartnerRow;
};
