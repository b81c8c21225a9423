import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Trx } from '../db/create-db.ts';
import { type Deps, inTrx } from '../deps.ts';
import { type AuditEntry, recordAudit } from '../modules/identity/index.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What an audit row names besides who and which route: the county and entity a write touched. */
export type AuditTarget = { countyId?: string | null; entityId?: string | null };

declare module 'fastify' {
  interface FastifyRequest {
    /** The write's own transaction already holds its audit row: `onSend` must not add another. */
    auditRecorded: boolean;
  }
}

function entryOf(request: FastifyRequest, statusCode: number, target: AuditTarget | null): AuditEntry {
  const actor = request.actor;
  return {
    userId: actor?.id ?? null,
    role: actor?.role ?? null,
    countyId: target?.countyId ?? actor?.countyId ?? null,
    method: request.method,
    route: request.routeOptions.url ?? request.url,
    entityId: target?.entityId ?? null,
    statusCode,
    requestId: request.id,
  };
}

/**
 * Writes the audit row inside the write's transaction, so it commits and rolls back with the
 * business change: a crash after commit cannot lose it, and the write costs one commit, not two.
 * The caller marks the request (`auditRecorded`) once the transaction has committed.
 */
export async function recordAuditInTrx(
  deps: Deps,
  trx: Trx,
  request: FastifyRequest,
  statusCode: number,
  target: AuditTarget,
): Promise<void> {
  await recordAudit(inTrx(deps, trx), entryOf(request, statusCode, target));
}

/**
 * Every accepted write under /api leaves an audit row; refused ones change nothing to audit.
 * Writes that record it in their own transaction (`recordAuditInTrx`) are skipped here; the
 * rest — and replays of an idempotent write, which change nothing — are recorded after the
 * response is ready, outside any transaction.
 */
export function registerAudit(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('auditRecorded', false);
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.auditRecorded || !WRITES.has(request.method) || reply.statusCode >= 400) return payload;
    if (!request.routeOptions.url?.startsWith('/api/')) return payload;
    try {
      await recordAudit(deps, entryOf(request, reply.statusCode, request.audit));
    } catch (error) {
      request.log.error({ err: error }, 'audit write failed');
    }
    return payload;
  });
}
