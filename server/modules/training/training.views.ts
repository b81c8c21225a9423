import type {
  AttendanceRow,
  CertificateRow,
  CourseRow,
  GatedFeature,
  TrainingSessionRow,
} from './training.tables.ts';

export type Course = {
  id: string;
  title: string;
  description: string | null;
  requiredForOpening: boolean;
  /** Partner features gated on passing this course (with every other course unlocking them). */
  unlocks: GatedFeature[];
  createdAt: string;
};

export type TrainingSession = {
  id: string;
  countyId: string;
  courseId: string;
  startsAt: string;
  trainer: string;
  location: string | null;
  createdAt: string;
};

export type Attendance = {
  id: string;
  sessionId: string;
  courseId: string;
  userId: string;
  passed: boolean;
  score: number | null;
  recordedAt: string;
  /** The certificate this attendance earned, if it was the partner's first pass of the course. */
  certificateId: string | null;
};

export type Certificate = {
  id: string;
  certificateNo: string;
  userId: string;
  courseId: string;
  courseTitle: string;
  sessionId: string;
  score: number | null;
  issuedAt: string;
};

export const toCourse = (r: CourseRow, unlocks: GatedFeature[]): Course => ({
  id: r.id,
  title: r.title,
  description: r.description,
  requiredForOpening: r.required_for_opening === 1,
  unlocks,
  createdAt: r.created_at,
});

export const toSession = (r: TrainingSessionRow): TrainingSession => ({
  id: r.id,
  countyId: r.county_id,
  courseId: r.course_id,
  startsAt: r.starts_at,
  trainer: r.trainer,
  location: r.location,
  createdAt: r.created_at,
});

export const toAttendance = (r: AttendanceRow, certificateId: string | null): Attendance => ({
  id: r.id,
  sessionId: r.session_id,
  courseId: r.course_id,
  userId: r.user_id,
  passed: r.passed === 1,
  score: r.score,
  recordedAt: r.recorded_at,
  certificateId,
});

export const toCertificate = (r: CertificateRow, courseTitle: string): Certificate => ({
  id: r.id,
  certificateNo: r.certificate_no,
  userId: r.user_id,
  courseId: r.course_id,
  courseTitle,
  sessionId: r.session_id,
  score: r.score,
  issuedAt: r.issued_at,
});
