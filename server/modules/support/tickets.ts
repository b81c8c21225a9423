import type { Trx } from '../../db/create-db.ts';
import { forUpdate } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertFound, canManageCounty, canSeeCenter, getUser } from '../identity/index.ts';
import type {
  TicketCategory,
  TicketMessageRow,
  TicketPriority,
  TicketRow,
  TicketStatus,
} from './support.tables.ts';

export type Ticket = {
  id: string;
  countyId: string;
  centerId: string;
  openedBy: string;
  category: TicketCategory;
  priority: TicketPriority;
  subject: string;
  status: TicketStatus;
  assigneeId: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  createdAt: string;
};
export type TicketMessage = {
  id: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: string;
};

const toTicket = (r: TicketRow): Ticket => ({
  id: r.id,
  countyId: r.county_id,
  centerId: r.center_id,
  openedBy: r.opened_by,
  category: r.category,
  priority: r.priority,
  subject: r.subject,
  status: r.status,
  assigneeId: r.assignee_id,
  firstResponseAt: r.first_response_at,
  resolvedAt: r.resolved_at,
  resolution: r.resolution,
  createdAt: r.created_at,
});

const toMessage = (r: TicketMessageRow): TicketMessage => ({
  id: r.id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorRole: r.author_role,
  body: r.body,
  createdAt: r.created_at,
});

const messageRow = (
  actor: Actor,
  ticket: { id: string; county_id: string },
  body: string,
  at: string,
): TicketMessageRow => ({
  id: uuidv7(),
  ticket_id: ticket.id,
  county_id: ticket.county_id,
  author_id: actor.id,
  author_name: actor.displayName,
  author_role: actor.role,
  body,
  created_at: at,
});

export type NewTicket = { category: TicketCategory; priority: TicketPriority; subject: string; body: string };

/** A partner raises a ticket to its county centre; its description is the first message. */
export async function openTicket(deps: Deps, actor: Actor, input: NewTicket): Promise<Ticket> {
  if (!actor.centerId || !actor.countyId) throw invalidState('You run no centre yet');
  const now = deps.clock.now().toISOString();
  const row: TicketRow = {
    id: uuidv7(),
    county_id: actor.countyId,
    center_id: actor.centerId,
    opened_by: actor.id,
    category: input.category,
    priority: input.priority,
    subject: input.subject,
    status: 'open',
    assignee_id: null,
    first_response_at: null,
    resolved_at: null,
    resolution: null,
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('support_tickets').values(row).execute();
    await trx
      .insertInto('support_messages')
      .values(messageRow(actor, row, input.body, now))
      .execute();
  });
  return toTicket(row);
}

const visible = (actor: Actor, row: TicketRow | undefined) =>
  row !== undefined &&
  canSeeCenter(actor, { id: row.center_id, countyId: row.county_id }) &&
  actor.role !== 'gov_viewer';

export async function listTickets(
  deps: Deps,
  actor: Actor,
  query: { countyId?: string | undefined; status?: TicketStatus | undefined },
): Promise<Ticket[]> {
  let q = deps.db.selectFrom('support_tickets').selectAll().orderBy('created_at', 'desc').limit(500);
  if (actor.role === 'partner') q = q.where('center_id', '=', actor.centerId ?? '');
  else if (actor.role === 'county_staff') q = q.where('county_id', '=', actor.countyId ?? '');
  if (query.countyId) q = q.where('county_id', '=', query.countyId);
  if (query.status) q = q.where('status', '=', query.status);
  return (await q.execute()).map(toTicket);
}

export async function getTicket(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Ticket & { messages: TicketMessage[] }> {
  const row = await deps.db.selectFrom('support_tickets').selectAll().where('id', '=', id).executeTakeFirst();
  assertFound(visible(actor, row), 'Ticket');
  const messages = await deps.db
    .selectFrom('support_messages')
    .selectAll()
    .where('ticket_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return { ...toTicket(row!), messages: messages.map(toMessage) };
}

/** Runs `change` on the locked ticket if the caller may see it, and manage it for staff actions. */
async function withTicket<T>(
  deps: Deps,
  actor: Actor,
  id: string,
  staffOnly: boolean,
  change: (trx: Trx, row: TicketRow, now: string) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await forUpdate(
      trx,
      trx.selectFrom('support_tickets').selectAll().where('id', '=', id),
    ).executeTakeFirst();
    assertFound(visible(actor, row), 'Ticket');
    if (staffOnly && !canManageCounty(actor, row!.county_id))
      throw new AppError('forbidden', 'Only the county staff handle tickets');
    return change(trx, row!, deps.clock.now().toISOString());
  });
}

/**
 * Adds a message to the conversation. The county staff's first reply is the ticket's first
 * response (what response times measure) and moves it to in progress.
 */
export async function addMessage(deps: Deps, actor: Actor, id: string, body: string): Promise<TicketMessage> {
  return withTicket(deps, actor, id, false, async (trx, row, now) => {
    if (row.status === 'resolved') throw invalidState('The ticket is resolved; open a new one');
    const message = messageRow(actor, row, body, now);
    await trx.insertInto('support_messages').values(message).execute();
    if (actor.role === 'county_staff' && row.first_response_at === null) {
      await trx
        .updateTable('support_tickets')
        .set({ first_response_at: now, status: 'in_progress', updated_at: now })
        .where('id', '=', id)
        .execute();
    }
    return toMessage(message);
  });
}

/** Gives the ticket to a member of the county's staff. */
export async function assignTicket(deps: Deps, actor: Actor, id: string, userId: string): Promise<Ticket> {
  return withTicket(deps, actor, id, true, async (trx, row, now) => {
    const assignee = await getUser(trx, userId);
    if (assignee?.role !== 'county_staff' || assignee.countyId !== row.county_id)
      throw validationFailed('userId', 'is not a staff member of this county');
    if (row.status === 'resolved') throw invalidState('The ticket is resolved');
    const patch = { assignee_id: userId, updated_at: now };
    await trx.updateTable('support_tickets').set(patch).where('id', '=', id).execute();
    return toTicket({ ...row, ...patch });
  });
}

/** Closes the ticket with what was done; resolving also counts as a response. */
export async function resolveTicket(
  deps: Deps,
  actor: Actor,
  id: string,
  resolution: string,
): Promise<Ticket> {
  return withTicket(deps, actor, id, true, async (trx, row, now) => {
    if (row.status === 'resolved') throw invalidState('The ticket is already resolved');
    const patch = {
      status: 'resolved' as const,
      resolution,
      resolved_at: now,
      first_response_at: row.first_response_at ?? now,
      assignee_id: row.assignee_id ?? actor.id,
      updated_at: now,
    };
    await trx.updateTable('support_tickets').set(patch).where('id', '=', id).execute();
    return toTicket({ ...row, ...patch });
  });
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

export type TicketStats = {
  countyId: string;
  open: number;
  inProgress: number;
  resolved: number;
  /** Median minutes from opening to the staff's first response; null with no responded ticket. */
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  byCategory: Record<string, number>;
};

/** Response-time figures of a county's support. */
export async function ticketStats(deps: Deps, actor: Actor, countyId: string): Promise<TicketStats> {
  if (!canManageCounty(actor, countyId)) throw new AppError('forbidden', 'You may see your own county only');
  const rows = await deps.db
    .selectFrom('support_tickets')
    .selectAll()
    .where('county_id', '=', countyId)
    .execute();
  const byCategory: Record<string, number> = {};
  for (const r of rows) byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
  return {
    countyId,
    open: rows.filter((r) => r.status === 'open').length,
    inProgress: rows.filter((r) => r.status === 'in_progress').length,
    resolved: rows.filter((r) => r.status === 'resolved').length,
    medianFirstResponseMinutes: median(
      rows.flatMap((r) => (r.first_response_at ? [minutesBetween(r.created_at, r.first_response_at)] : [])),
    ),
    medianResolutionMinutes: median(
      rows.flatMap((r) => (r.resolved_at ? [minutesBetween(r.created_at, r.resolved_at)] : [])),
    ),
    byCategory,
  };
}
