import type { Queryable } from '../../db/create-db.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { gatingCourseRows, passedCourseIds } from './training.repo.ts';
import { type GatedFeature, gatedFeatures } from './training.tables.ts';

export type GatingCourse = { courseId: string; title: string; passed: boolean };

export type FeatureAccess = {
  /** Per feature: true once the partner has passed every course that unlocks it (or none does). */
  features: { returns: boolean; upstreamListings: boolean };
  featureCourses: { returns: GatingCourse[]; upstreamListings: GatingCourse[] };
};

async function gatingCourses(
  db: Queryable,
  userId: string,
  features: readonly GatedFeature[],
): Promise<Map<GatedFeature, GatingCourse[]>> {
  const rows = await gatingCourseRows(db, features);
  const passed = await passedCourseIds(db, userId, [...new Set(rows.map((r) => r.id))]);
  const result = new Map<GatedFeature, GatingCourse[]>(features.map((f) => [f, []]));
  for (const r of rows) {
    result.get(r.feature)?.push({ courseId: r.id, title: r.title, passed: passed.has(r.id) });
  }
  return result;
}

/**
 * Which gated features a partner may use. A feature no course unlocks is open to everyone;
 * otherwise it waits until the partner has passed (holds the certificate of) every course
 * that unlocks it. Reads only this module's tables.
 */
export async function featuresOf(db: Queryable, userId: string): Promise<FeatureAccess> {
  const courses = await gatingCourses(db, userId, gatedFeatures);
  const returns = courses.get('returns') ?? [];
  const upstreamListings = courses.get('upstream_listings') ?? [];
  return {
    features: {
      returns: returns.every((c) => c.passed),
      upstreamListings: upstreamListings.every((c) => c.passed),
    },
    featureCourses: { returns, upstreamListings },
  };
}

/**
 * Refuses a partner a gated feature it has not yet earned: `403 training_required` with the
 * courses still to pass. Only partners are gated; county staff and HQ act on their own
 * authority. Call it before writing anything, inside the caller's transaction where there is one.
 */
export async function assertFeatureUnlocked(
  db: Queryable,
  actor: Pick<Actor, 'id' | 'role'>,
  feature: GatedFeature,
): Promise<void> {
  if (actor.role !== 'partner') return;
  const missing = ((await gatingCourses(db, actor.id, [feature])).get(feature) ?? []).filter(
    (c) => !c.passed,
  );
  if (missing.length === 0) return;
  throw new AppError(
    'training_required',
    `Pass ${missing.map((c) => `“${c.title}”`).join(', ')} before using ${feature.replace('_', ' ')}`,
    { feature, missingCourses: missing.map(({ courseId, title }) => ({ courseId, title })) },
  );
}
