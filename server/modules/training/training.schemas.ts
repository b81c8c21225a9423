import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/schemas.ts';
import { gatedFeatures } from './training.tables.ts';

export const GatedFeatureSchema = Type.Union(gatedFeatures.map((f) => Type.Literal(f)));
/** A set of features: an unknown name or a repeat is a 400. */
export const UnlocksSchema = Type.Array(GatedFeatureSchema, { uniqueItems: true });

export const CourseSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  requiredForOpening: Type.Boolean(),
  unlocks: Type.Array(GatedFeatureSchema),
  createdAt: Timestamp,
});

export const SessionSchema = Type.Object({
  id: Type.String(),
  countyId: Type.String(),
  courseId: Type.String(),
  startsAt: Timestamp,
  trainer: Type.String(),
  location: Nullable(Type.String()),
  createdAt: Timestamp,
});

export const AttendanceSchema = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  courseId: Type.String(),
  userId: Type.String(),
  passed: Type.Boolean(),
  score: Nullable(Type.Integer()),
  recordedAt: Timestamp,
  certificateId: Nullable(Type.String()),
});

export const CertificateSchema = Type.Object({
  id: Type.String(),
  certificateNo: Type.String(),
  userId: Type.String(),
  courseId: Type.String(),
  courseTitle: Type.String(),
  sessionId: Type.String(),
  score: Nullable(Type.Integer()),
  issuedAt: Timestamp,
});

export const CertificationFields = {
  userId: Type.String(),
  certified: Type.Boolean(),
  requiredCourses: Type.Array(
    Type.Object({ courseId: Type.String(), title: Type.String(), passed: Type.Boolean() }),
  ),
  certificates: Type.Array(CertificateSchema),
};

const GatingCourses = Type.Array(
  Type.Object({ courseId: Type.String(), title: Type.String(), passed: Type.Boolean() }),
);

/** What a partner may use of the gated features, and the courses that gate each. */
export const FeatureFields = {
  features: Type.Object({ returns: Type.Boolean(), upstreamListings: Type.Boolean() }),
  featureCourses: Type.Object({ returns: GatingCourses, upstreamListings: GatingCourses }),
};
