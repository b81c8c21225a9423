import type { Deps } from '../deps.ts';

export type OutboxHandler = (deps: Deps, payload: Record<string, unknown>, outboxId: string) => Promise<void>;
export type OutboxHandlers = Record<string, OutboxHandler>;

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;
const BATCH = 50;
const CONCURRENCY = 16;

/** Exponential back-off: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempts - 1), 600_000);
}

/**
 * Delivers one batch of due outbox rows. Each row is leased by moving `available_at`
 * forward in a conditional update, so two workers (or two processes) never run the same
 * row at once, and a row whose worker died is retried when the lease runs out. Handlers
 * must be idempotent: delivery is at least once, and a handler that writes to our own
 * database makes it exactly once by checking its own row's state.
 */
export async function deliverDue(deps: Deps, handlers: OutboxHandlers): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('outbox')
    .select(['id', 'topic', 'payload', 'attempts', 'available_at'])
    .where('status', '=', 'pending')
    .where('available_at', '<=', now.toISOString())
    .orderBy('available_at')
    .limit(BATCH)
    .execute();
  let delivered = 0;
  const deliver = async (row: (typeof due)[number]): Promise<void> => {
    const leased = await deps.db
      .updateTable('outbox')
      .set({ available_at: new Date(now.getTime() + LEASE_MS).toISOString(), attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('available_at', '=', row.available_at)
      .executeTakeFirst();
    if (Number(leased.numUpdatedRows) !== 1) return;
    const handler = handlers[row.topic];
    try {
      if (!handler) throw new Error(`no handler for outbox topic ${row.topic}`);
      await handler(deps, JSON.parse(row.payload) as Record<string, unknown>, row.id);
      await deps.db
        .updateTable('outbox')
        .set({ status: 'delivered', delivered_at: deps.clock.now().toISOString(), last_error: null })
        .where('id', '=', row.id)
        .execute();
      delivered++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn({ outboxId: row.id, topic: row.topic, attempts, err: message }, 'outbox delivery failed');
      await deps.db
        .updateTable('outbox')
        .set({
          status: attempts >= MAX_ATTEMPTS ? 'dead' : 'pending',
          available_at: new Date(deps.clock.now().getTime() + retryDelayMs(attempts)).toISOString(),
          last_error: message.slice(0, 1000),
        })
        .where('id', '=', row.id)
        .execute();
    }
  };
  // Provider calls take tens to hundreds of milliseconds each; one at a time would cap a
  // process at a few deliveries per second. Each row is leased on its own, so they can overlap.
  let next = 0;
  const lane = async () => {
    while (next < due.length) await deliver(due[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, lane));
  return delivered;
}

/**
 * Deletes up to `limit` jobs delivered before `before`, by their last lease (`available_at`,
 * indexed with the status; a delivered job's lease began just before its delivery); returns
 * how many. Pending and dead jobs stay: they are work, or an operator's to look at.
 */
export async function deleteDeliveredJobsBefore(
  db: Deps['db'],
  before: string,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('outbox')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'delivered')
        .where('available_at', '<', before)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Delivers until nothing is due; tests call this instead of waiting for the timer. */
export async function drainOutbox(deps: Deps, handlers: OutboxHandlers): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deliverDue(deps, handlers);
    total += n;
    if (n === 0) return total;
  }
}

export type OutboxWorker = { nudge(): void; stop(): Promise<void> };

/** Polls every `intervalMs` and runs at once when nudged after a commit. */
export function startOutboxWorker(deps: Deps, handlers: OutboxHandlers, intervalMs = 1_000): OutboxWorker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drainOutbox(deps, handlers)
      .then(() => undefined)
      .catch((error: unknown) => deps.log.error({ err: error }, 'outbox worker failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    nudge: () => setImmediate(tick),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
