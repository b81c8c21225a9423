import type { FastifyBaseLogger } from 'fastify';
import type { Db, DialectName } from './db/create-db.ts';
import type { Clock } from './shared/clock.ts';

/**
 * What a use case may touch, passed explicitly: `placeOrder(deps, input)`. Built once in
 * main.ts (or by the test harness); nothing else creates these.
 */
export type Deps = {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Wakes the outbox worker after a commit that queued work. */
  nudgeOutbox(): void;
  sessionTtlHours: number;
};
