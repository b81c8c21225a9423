import type { ServiceStatus } from './services.tables.ts';

/**
 * The state machine of a service request: it starts `pending` (money already taken, the
 * provider not yet asked or not yet sure) and ends exactly once in `succeeded` or `failed`.
 * A failed request is refunded in the same transaction that makes it failed, so the
 * one-way transition is what makes the refund happen exactly once.
 */
const transitions: Record<ServiceStatus, readonly ServiceStatus[]> = {
  pending: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

/** The statuses a request may be in to move to `to`; the status update is conditional on them. */
export function sourcesOf(to: ServiceStatus): ServiceStatus[] {
  return (Object.keys(transitions) as ServiceStatus[]).filter((from) => transitions[from].includes(to));
}
