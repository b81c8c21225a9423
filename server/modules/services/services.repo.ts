import type { Queryable, Trx } from '../../db/create-db.ts';
import { sourcesOf } from './service-status.ts';
import type { ServiceKind, ServiceRequestRow, ServiceStatus } from './services.tables.ts';

/** Every SQL statement of the services module. */

export async function insertRequest(trx: Trx, row: ServiceRequestRow): Promise<void> {
  await trx.insertInto('service_requests').values(row).execute();
}

export async function findRequestRow(db: Queryable, id: string): Promise<ServiceRequestRow | undefined> {
  return db.selectFrom('service_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Records one more unanswered attempt (and the provider's reference once it gave one); false
 * when another worker counted this attempt first — then that worker schedules the next check.
 */
export async function countAttempt(
  trx: Trx,
  row: Pick<ServiceRequestRow, 'id' | 'attempts'>,
  providerRef: string | null,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('service_requests')
    .set((eb) => ({
      attempts: row.attempts + 1,
      provider_ref: providerRef ?? eb.ref('provider_ref'),
      updated_at: at,
    }))
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves a pending request to its final status; false when it was no longer pending (another
 * worker got there first). The refund rides on this answer, so it runs at most once.
 */
export async function finishRequest(
  trx: Trx,
  id: string,
  change: {
    status: Exclude<ServiceStatus, 'pending'>;
    providerRef: string | null;
    reason: string | null;
    at: string;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('service_requests')
    .set((eb) => ({
      status: change.status,
      provider_ref: change.providerRef ?? eb.ref('provider_ref'),
      failure_reason: change.reason,
      resolved_at: change.at,
      updated_at: change.at,
    }))
    .where('id', '=', id)
    .where('status', 'in', sourcesOf(change.status))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type RequestFilter = {
  countyId?: string | undefined;
  centerId?: string | undefined;
  villagerId?: string | undefined;
  kind?: ServiceKind | undefined;
  status?: ServiceStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function filtered(db: Queryable, f: RequestFilter) {
  let q = db.selectFrom('service_requests');
  if (f.countyId) q = q.where('county_id', '=', f.countyId);
  if (f.centerId) q = q.where('center_id', '=', f.centerId);
  if (f.villagerId) q = q.where('villager_id', '=', f.villagerId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  return q;
}

export async function listRequestRows(
  db: Queryable,
  f: RequestFilter,
  page: { limit: number; offset: number },
): Promise<ServiceRequestRow[]> {
  return filtered(db, f)
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function summariseRows(db: Queryable, f: RequestFilter) {
  const rows = await filtered(db, f)
    .select((eb) => [
      'kind',
      'status',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('amount_fen').as('amount'),
      eb.fn.sum<number>('fee_fen').as('fee'),
    ])
    .groupBy(['kind', 'status'])
    .orderBy('kind')
    .orderBy('status')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    status: r.status,
    count: Number(r.count),
    amountFen: Number(r.amount),
    feeFen: Number(r.fee),
  }));
}

export async function findRowsByIds(db: Queryable, ids: readonly string[]): Promise<ServiceRequestRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('service_requests').selectAll().where('id', 'in', ids).execute();
}

/** A provider's requests that reached `status` within [from, to). */
export async function resolvedRowsOf(
  db: Queryable,
  provider: string,
  status: ServiceStatus,
  range: { from: string; to: string },
): Promise<ServiceRequestRow[]> {
  return db
    .selectFrom('service_requests')
    .selectAll()
    .where('provider', '=', provider)
    .where('status', '=', status)
    .where('resolved_at', '>=', range.from)
    .where('resolved_at', '<', range.to)
    .execute();
}
