import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertFound, canManageCounty } from '../identity/index.ts';
import { findCenter } from '../network/index.ts';
import { certificationOf } from '../training/index.ts';
import {
  approvedApplications,
  countByStatus,
  findApplicationRow,
  insertNote,
  listApplicationRows,
  notesOf,
  updateApplication,
} from './recruitment.repo.ts';
import { type ApplicationStatus, applicationStatuses, type InterviewNoteRow } from './recruitment.tables.ts';
import { type Application, type InterviewNote, toApplication, toNote } from './recruitment.views.ts';

export type ApplicationQuery = {
  countyId: string;
  status?: ApplicationStatus | undefined;
  limit: number;
  offset: number;
};

/** A county's applications, newest first: what its staff and HQ work through. */
export async function listApplications(
  deps: Deps,
  actor: Actor,
  query: ApplicationQuery,
): Promise<Application[]> {
  if (!canManageCounty(actor, query.countyId))
    throw new AppError('forbidden', 'You may list the applications of your own county only');
  return (await listApplicationRows(deps.db, query)).map(toApplication);
}

async function visibleApplication(deps: Deps, actor: Actor, id: string) {
  const row = await findApplicationRow(deps.db, id);
  assertFound(row !== undefined && canManageCounty(actor, row.county_id), 'Application');
  return row!;
}

export async function getApplication(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Application & { notes: InterviewNote[] }> {
  const row = await visibleApplication(deps, actor, id);
  return { ...toApplication(row), notes: (await notesOf(deps.db, id)).map(toNote) };
}

/**
 * Records an interview note. The first note moves a submitted application to `interviewed`;
 * notes may still be added after the decision (follow-ups), without changing it.
 */
export async function addInterviewNote(
  deps: Deps,
  actor: Actor,
  id: string,
  body: string,
): Promise<InterviewNote> {
  const application = await visibleApplication(deps, actor, id);
  const now = deps.clock.now().toISOString();
  const row: InterviewNoteRow = {
    id: uuidv7(),
    application_id: id,
    county_id: application.county_id,
    author_id: actor.id,
    author_name: actor.displayName,
    body,
    created_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertNote(trx, row);
    if (application.status === 'submitted')
      await updateApplication(trx, id, { status: 'interviewed', updated_at: now });
  });
  return toNote(row);
}

export type Pipeline = {
  countyId: string;
  stages: Record<ApplicationStatus, number>;
  /** Of the approved: partners certified so far, and centres open. */
  certified: number;
  open: number;
};

/** The recruitment funnel of a county: application → interview → approval → certified → open. */
export async function countyPipeline(deps: Deps, actor: Actor, countyId: string): Promise<Pipeline> {
  if (!canManageCounty(actor, countyId))
    throw new AppError('forbidden', 'You may see the pipeline of your own county only');
  return pipelineFigures(deps.db, countyId);
}

/** The funnel's figures without a scope check, for dashboards that apply their own. */
export async function pipelineFigures(db: Queryable, countyId: string): Promise<Pipeline> {
  const stages = Object.fromEntries(applicationStatuses.map((s) => [s, 0])) as Record<
    ApplicationStatus,
    number
  >;
  for (const { status, n } of await countByStatus(db, countyId)) stages[status] = Number(n);
  const approved = await approvedApplications(db, countyId);
  const partners = approved.flatMap((a) => (a.partner_user_id ? [a.partner_user_id] : []));
  const certification = await certificationOf(db, partners);
  const centers = await Promise.all(approved.map((a) => (a.center_id ? findCenter(db, a.center_id) : null)));
  return {
    countyId,
    stages,
    certified: partners.filter((p) => certification.get(p)?.certified).length,
    open: centers.filter((c) => c?.status === 'open').length,
  };
}
