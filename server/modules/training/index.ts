/**
 * Training: courses, sessions with attendance and exam results, certificates, and whether a
 * partner is certified to open its centre. Only functions over this module's own tables are
 * exported, so the network module can ask about certification without an import cycle.
 */
export { type Certification, certificationOf, partnerCertification } from './certification.ts';
export { certifiedUserCount } from './certified-count.ts';
export { createCourse, type NewCourse } from './courses.ts';
export { CertificationFields } from './training.schemas.ts';
export type { Certificate, Course } from './training.views.ts';
