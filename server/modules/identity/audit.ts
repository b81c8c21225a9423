import type { Deps } from '../../deps.ts';
import { uuidv7 } from '../../shared/ids.ts';

export type AuditEntry = {
  userId: string | null;
  role: string | null;
  countyId: string | null;
  method: string;
  route: string;
  entityId: string | null;
  statusCode: number;
  requestId: string;
};

/** One row per write that the API accepted: who, what, when, in which county. */
export async function recordAudit(deps: Deps, entry: AuditEntry): Promise<void> {
  await deps.db
    .insertInto('audit_log')
    .values({
      id: uuidv7(),
      at: deps.clock.now().toISOString(),
      user_id: entry.userId,
      role: entry.role,
      county_id: entry.countyId,
      method: entry.method,
      route: entry.route,
      entity_id: entry.entityId,
      status_code: entry.statusCode,
      request_id: entry.requestId,
    })
    .execute();
}
