import type { Deps } from '../deps.ts';
import { deleteIdempotencyKeysBefore } from '../http/idempotency.ts';
import { deleteExpiredSessions } from '../modules/identity/index.ts';
import { deleteDeliveredJobsBefore } from './outbox-worker.ts';

/**
 * How long what only serves a while is kept. A client retries a lost answer within minutes, so
 * a week of idempotency keys is ample; a delivered job's effect is in the business rows and the
 * message log, so a month of them is only for looking back at the queue.
 */
export const RETENTION = { idempotencyKeyDays: 7, deliveredJobDays: 30 } as const;

/** Rows a statement deletes at most: a backlog goes in short writes, with requests in between. */
const BATCH = 1_000;
const DAY_MS = 86_400_000;

export type Swept = { idempotencyKeys: number; deliveredJobs: number; sessions: number };

/**
 * Deletes the rows that have served their purpose, so the tables written on every request do
 * not grow for ever: idempotency keys past their window, delivered outbox jobs past a month,
 * expired sessions. Each in batches until none is left.
 */
export async function sweep(deps: Deps): Promise<Swept> {
  const now = deps.clock.now().getTime();
  const before = (days: number) => new Date(now - days * DAY_MS).toISOString();
  return {
    idempotencyKeys: await inBatches((n) =>
      deleteIdempotencyKeysBefore(deps.db, before(RETENTION.idempotencyKeyDays), n),
    ),
    deliveredJobs: await inBatches((n) =>
      deleteDeliveredJobsBefore(deps.db, before(RETENTION.deliveredJobDays), n),
    ),
    sessions: await inBatches((n) => deleteExpiredSessions(deps.db, new Date(now).toISOString(), n)),
  };
}

async function inBatches(deleteUpTo: (limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deleteUpTo(BATCH);
    total += n;
    if (n < BATCH) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Sweeps once soon after start, then every `intervalMs`; in each API process (deletes do not clash). */
export function startHousekeeping(deps: Deps, intervalMs = 3_600_000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweep(deps)
      .then((swept) => deps.log.info(swept, 'housekeeping'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'housekeeping failed'));
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
