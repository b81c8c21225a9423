import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { findRubricRow, saveRubricRow } from './recruitment.repo.ts';
import {
  type Criterion,
  defaultRubrics,
  maxScore,
  type Profile,
  profiles,
  type Rubric,
  rubricProblems,
} from './rubric.ts';

export type RubricView = Rubric & { maxScore: number; updatedAt: string | null };

/** The rubric that scores new applications of a model: HQ's latest, else the built-in one. */
export async function currentRubric(db: Queryable, profile: Profile): Promise<RubricView> {
  const row = await findRubricRow(db, profile);
  const rubric: Rubric = row
    ? { profile, version: row.version, criteria: JSON.parse(row.criteria) as Criterion[] }
    : defaultRubrics[profile];
  return { ...rubric, maxScore: maxScore(rubric), updatedAt: row?.updated_at ?? null };
}

export async function listRubrics(deps: Deps): Promise<RubricView[]> {
  return Promise.all(profiles.map((p) => currentRubric(deps.db, p)));
}

/**
 * Replaces a model's rubric with a new version. Applications already scored keep their score
 * and the version that gave it; only new applications use the new rubric.
 */
export async function saveRubric(
  deps: Deps,
  actor: Actor,
  profile: Profile,
  criteria: Criterion[],
): Promise<RubricView> {
  const problems = rubricProblems(criteria);
  if (problems.length)
    throw new AppError('validation_failed', `criteria: ${problems.join('; ')}`, {
      fields: problems.map((message) => ({ field: 'criteria', message })),
    });
  return deps.db.transaction().execute(async (trx) => {
    const existing = await findRubricRow(trx, profile);
    const version = (existing?.version ?? 0) + 1;
    const now = deps.clock.now().toISOString();
    await saveRubricRow(
      trx,
      { profile, version, criteria: JSON.stringify(criteria), updated_by: actor.id, updated_at: now },
      existing === undefined,
    );
    return { profile, version, criteria, maxScore: maxScore({ criteria }), updatedAt: now };
  });
}
