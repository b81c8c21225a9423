/** Partner features a course can unlock. */
export const gatedFeatures = ['returns', 'upstream_listings'] as const;
export type GatedFeature = (typeof gatedFeatures)[number];

export type Course = {
  id: string;
  title: string;
  description: string | null;
  requiredForOpening: boolean;
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
};

export type Attendance = {
  id: string;
  userId: string;
  passed: boolean;
  score: number | null;
  recordedAt: string;
  certificateId: string | null;
};

export type Certificate = {
  id: string;
  certificateNo: string;
  courseId: string;
  courseTitle: string;
  score: number | null;
  issuedAt: string;
};

export type Certification = {
  userId: string;
  displayName: string;
  centerId: string | null;
  certified: boolean;
  requiredCourses: Array<{ courseId: string; title: string; passed: boolean }>;
  certificates: Certificate[];
};

export type GatingCourse = { courseId: string; title: string; passed: boolean };

/** What `GET /partners/{userId}` says of the gated features. */
export type FeatureAccess = {
  features: { returns: boolean; upstreamListings: boolean };
  featureCourses: { returns: GatingCourse[]; upstreamListings: GatingCourse[] };
};
