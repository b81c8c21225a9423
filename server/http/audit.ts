import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../modules/identity/index.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every accepted write under /api leaves an audit row; refused ones change nothing to audit. */
export function registerAudit(app: FastifyInstance, deps: Deps): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!WRITES.has(request.method) || reply.statusCode >= 400) return payload;
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/')) return payload;
    const actor = request.actor;
    try {
      await recordAudit(deps, {
        userId: actor?.id ?? null,
        role: actor?.role ?? null,
        countyId: request.audit?.countyId ?? actor?.countyId ?? null,
        method: request.method,
        route,
        entityId: request.audit?.entityId ?? null,
        statusCode: reply.statusCode,
        requestId: request.id,
      });
    } catch (error) {
      request.log.error({ err: error }, 'audit write failed');
    }
    return payload;
  });
}
