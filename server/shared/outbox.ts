import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import { uuidv7 } from './ids.ts';

/**
 * Queues a side effect (SMS, provider call, carrier hand-off) in the caller's transaction;
 * the worker in jobs/ delivers it after commit. Nothing outside the database is ever called
 * inside a transaction. `availableAt` holds the job back until then (a later check).
 */
export async function enqueue(
  trx: Transaction<Database>,
  clock: Clock,
  topic: string,
  payload: Record<string, unknown>,
  availableAt?: Date,
): Promise<string> {
  const now = clock.now().toISOString();
  const id = uuidv7();
  await trx
    .insertInto('outbox')
    .values({
      id,
      topic,
      payload: JSON.stringify(payload),
      status: 'pending',
      attempts: 0,
      available_at: availableAt ? availableAt.toISOString() : now,
      last_error: null,
      created_at: now,
      delivered_at: null,
    })
    .execute();
  return id;
}
