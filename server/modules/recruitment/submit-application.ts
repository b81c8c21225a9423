import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, canManageCounty } from '../identity/index.ts';
import { findCounty, findVillage } from '../network/index.ts';
import { smsApplicationReceived } from './applicant-sms.ts';
import { insertApplication, openApplicationByPhone } from './recruitment.repo.ts';
import type { ApplicationRow } from './recruitment.tables.ts';
import { type Answers, answerProblems, type Profile, scoreAnswers } from './rubric.ts';
import { currentRubric } from './rubrics.ts';

export type NewApplication = {
  countyId: string;
  villageId: string;
  name: string;
  phone: string;
  profile: Profile;
  answers: Answers;
};

export type SubmittedApplication = {
  id: string;
  status: 'submitted';
  score: number;
  maxScore: number;
  createdAt: string;
};

/**
 * Files an application to run a village's centre, scored at once by the model's current
 * rubric. `actor` is null for the public form; signed in, only the county's own staff (or HQ)
 * file applications. One open application per phone number and county. The applicant is
 * told by SMS that the application arrived.
 */
export async function submitApplication(
  deps: Deps,
  actor: Actor | null,
  input: NewApplication,
): Promise<SubmittedApplication> {
  if (actor && !canManageCounty(actor, input.countyId))
    throw new AppError('forbidden', 'Only staff of this county may file its applications');
  if (!(await findCounty(deps.db, input.countyId))) throw validationFailed('countyId', 'no such county');
  const village = await findVillage(deps.db, input.villageId);
  if (village?.countyId !== input.countyId)
    throw validationFailed('villageId', 'no such village in this county');
  const rubric = await currentRubric(deps.db, input.profile);
  const problems = answerProblems(rubric, input.answers);
  if (Object.keys(problems).length) {
    throw new AppError('validation_failed', 'Some answers do not fit the rubric', {
      fields: Object.entries(problems).map(([key, message]) => ({ field: `answers.${key}`, message })),
    });
  }
  if (await openApplicationByPhone(deps.db, input.countyId, input.phone))
    throw new AppError('conflict', 'This phone number already has an open application in this county');
  const scored = scoreAnswers(rubric, input.answers);
  const now = deps.clock.now().toISOString();
  const row: ApplicationRow = {
    id: uuidv7(),
    county_id: input.countyId,
    village_id: input.villageId,
    name: input.name,
    phone: input.phone,
    profile: input.profile,
    answers: JSON.stringify(input.answers),
    score: scored.score,
    max_score: scored.maxScore,
    rubric_version: rubric.version,
    breakdown: JSON.stringify(scored.breakdown),
    status: 'submitted',
    source: actor ? 'county_staff' : 'public_form',
    submitted_by: actor?.id ?? null,
    reject_reason: null,
    decided_by: null,
    decided_at: null,
    partner_user_id: null,
    center_id: null,
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertApplication(trx, row);
    await smsApplicationReceived(trx, deps.clock, row, village.name);
  });
  return { id: row.id, status: 'submitted', score: row.score, maxScore: row.max_score, createdAt: now };
}
