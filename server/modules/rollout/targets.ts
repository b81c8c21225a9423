import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { isCalendarDay } from '../../shared/month.ts';
import type { Actor } from '../identity/index.ts';

export type Targets = {
  counties: number;
  centers: number;
  targetDate: string | null;
  /** When HQ last set them; null while the defaults apply. */
  setAt: string | null;
  setBy: string | null;
};

/** The 2014 plan: 1,000 county operations centres and 100,000 village service centres. */
export const DEFAULT_TARGETS: Targets = {
  counties: 1_000,
  centers: 100_000,
  targetDate: null,
  setAt: null,
  setBy: null,
};

export async function currentTargets(db: Queryable): Promise<Targets> {
  const row = await db
    .selectFrom('rollout_targets')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return DEFAULT_TARGETS;
  return {
    counties: row.counties,
    centers: row.centers,
    targetDate: row.target_date,
    setAt: row.set_at,
    setBy: row.set_by,
  };
}

export type NewTargets = { counties: number; centers: number; targetDate?: string | null | undefined };

/** Sets HQ's targets; earlier ones stay as history. */
export async function setTargets(deps: Deps, actor: Actor, input: NewTargets): Promise<Targets> {
  const targetDate = input.targetDate ?? null;
  if (targetDate !== null && !isCalendarDay(targetDate))
    throw new AppError('validation_failed', 'targetDate is not a calendar day', { field: 'targetDate' });
  const row = {
    id: uuidv7(),
    counties: input.counties,
    centers: input.centers,
    target_date: targetDate,
    set_by: actor.id,
    set_at: deps.clock.now().toISOString(),
  };
  await deps.db.insertInto('rollout_targets').values(row).execute();
  return { counties: row.counties, centers: row.centers, targetDate, setAt: row.set_at, setBy: row.set_by };
}
