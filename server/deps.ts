import type { FastifyBaseLogger } from 'fastify';
import type { Db, DialectName, Trx } from './db/create-db.ts';
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

/**
 * The same deps with every query going through an open transaction. Inside a transaction
 * nothing may use the pool directly: on SQLite (one connection) that would wait for the
 * transaction forever; on PostgreSQL it would read outside it.
 */
export function inTrx(deps: Deps, trx: Trx): Deps {
  return { ...deps, db: trx };
}
