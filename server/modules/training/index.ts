/**
 * Training: courses, sessions with attendance and exam results, certificates, whether a
 * partner is certified to open its centre, and which gated features its courses unlock.
 * Only functions over this module's own tables are exported, so the network, orders and
 * upstream modules can ask about them without an import cycle.
 */
export { type Certification, certificationOf, partnerCertification } from './certification.ts';
export { certifiedUserCount, rebuildCertifiedPartners } from './certified-count.ts';
export { createCourse, type NewCourse } from './courses.ts';
export { assertFeatureUnlocked, type FeatureAccess, featuresOf, type GatingCourse } from './feature-gates.ts';
export { CertificationFields, FeatureFields } from './training.schemas.ts';
export { type GatedFeature, gatedFeatures } from './training.tables.ts';
export type { Certificate, Course } from './training.views.ts';
