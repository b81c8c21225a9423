import type { CenterStatus } from './network.tables.ts';

export type CenterAction = 'open' | 'suspend' | 'close';

/**
 * The centre lifecycle: planned → open ⇄ suspended, and any state but closed → closed.
 * Closed is final: a closed centre's history stays, a new centre takes its place.
 */
const transitions: Record<CenterAction, { from: readonly CenterStatus[]; to: CenterStatus }> = {
  open: { from: ['planned', 'suspended'], to: 'open' },
  suspend: { from: ['open'], to: 'suspended' },
  close: { from: ['planned', 'open', 'suspended'], to: 'closed' },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextCenterStatus(status: CenterStatus, action: CenterAction): CenterStatus | null {
  const t = transitions[action];
  return t.from.includes(status) ? t.to : null;
}
