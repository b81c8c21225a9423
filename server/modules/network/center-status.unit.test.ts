import { expect, it } from 'vitest';
import { type CenterAction, nextCenterStatus } from './center-status.ts';
import { type CenterStatus, centerStatuses } from './network.tables.ts';

const expected: Record<CenterStatus, Partial<Record<CenterAction, CenterStatus>>> = {
  planned: { open: 'open', close: 'closed' },
  open: { suspend: 'suspended', close: 'closed' },
  suspended: { open: 'open', close: 'closed' },
  closed: {},
};

it('allows exactly the documented centre transitions', () => {
  for (const status of centerStatuses) {
    for (const action of ['open', 'suspend', 'close'] as const) {
      expect(nextCenterStatus(status, action), `${status} --${action}`).toBe(
        expected[status][action] ?? null,
      );
    }
  }
});
