import type { Queryable } from '../../db/create-db.ts';
import { certificatesOf, listCourseRows } from './training.repo.ts';
import { type Certificate, toCertificate } from './training.views.ts';

export type Certification = {
  userId: string;
  /** Passed every course required for opening; true for everyone while no course is required. */
  certified: boolean;
  requiredCourses: Array<{ courseId: string; title: string; passed: boolean }>;
  certificates: Certificate[];
};

/**
 * Certification of several partners at once, from their certificates and the courses HQ
 * marks as required for opening. Reads only this module's tables, so the network module
 * can ask it inside its own transaction without importing anything back.
 */
export async function certificationOf(db: Queryable, userIds: string[]): Promise<Map<string, Certification>> {
  const courses = await listCourseRows(db);
  const titles = new Map(courses.map((c) => [c.id, c.title]));
  const required = courses.filter((c) => c.required_for_opening === 1);
  const byUser = new Map<string, Certificate[]>(userIds.map((id) => [id, []]));
  for (const row of await certificatesOf(db, userIds)) {
    byUser.get(row.user_id)?.push(toCertificate(row, titles.get(row.course_id) ?? ''));
  }
  const result = new Map<string, Certification>();
  for (const [userId, certificates] of byUser) {
    const passed = new Set(certificates.map((c) => c.courseId));
    const requiredCourses = required.map((c) => ({
      courseId: c.id,
      title: c.title,
      passed: passed.has(c.id),
    }));
    result.set(userId, {
      userId,
      certified: requiredCourses.every((c) => c.passed),
      requiredCourses,
      certificates,
    });
  }
  return result;
}

export async function partnerCertification(db: Queryable, userId: string): Promise<Certification> {
  return (await certificationOf(db, [userId])).get(userId)!;
}
