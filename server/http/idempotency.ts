import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Trx } from '../db/create-db.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import { writeTransaction } from '../db/group-commit.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../shared/app-error.ts';
import { type AuditTarget, recordAuditInTrx } from './audit.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url}\n`)
    .update(JSON.stringify(request.params ?? {}))
    .update('\n')
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}

async function storedResponse(db: Deps['db'] | Trx, userId: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response_body'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

function replay<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  hash: string,
  stored: { request_hash: string; status_code: number; response_body: string },
  audit: (result: T) => AuditTarget,
): T {
  if (stored.request_hash !== hash) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used with a different request');
  }
  reply.code(stored.status_code).header('idempotent-replayed', 'true');
  const body = JSON.parse(stored.response_body) as T;
  // A replay changes nothing; its audit row is written after the response, like a read's would be.
  request.audit = audit(body);
  return body;
}

/**
 * Runs a write in one transaction and, when the request carries an `Idempotency-Key`,
 * stores its response in that same transaction. A retry with the same key and body gets the
 * stored response without running the write again; the same key with another body is
 * refused with 422. Because the key row commits with the write, a crash can never leave
 * a write without its key or a key without its write. Keys are per user.
 *
 * Two concurrent first attempts: on PostgreSQL the loser's insert of the key fails on the
 * primary key, its transaction (and so its write) rolls back, and it replays the winner.
 *
 * The audit row (naming what `audit` picks from the result) is written in the same
 * transaction too, so an acknowledged write always has it.
 */
export async function idempotentWrite<T>(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (trx: Trx) => Promise<T>,
  audit: (result: T) => AuditTarget,
): Promise<T> {
  const header = request.headers['idempotency-key'];
  const userId = request.actor?.id;
  if (header === undefined || !userId) {
    const result = await writeTransaction(deps.db, async (trx) => {
      const body = await work(trx);
      await recordAuditInTrx(deps, trx, request, status, audit(body));
      return body;
    });
    request.auditRecorded = true;
    reply.code(status);
    return result;
  }
  const key = Array.isArray(header) ? header[0]! : header;
  if (!KEY_PATTERN.test(key)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1–200 printable ASCII characters');
  }
  const hash = requestHash(request);
  const earlier = await storedResponse(deps.db, userId, key);
  if (earlier) return replay(request, reply, hash, earlier, audit);
  try {
    const result = await writeTransaction(deps.db, async (trx) => {
      const raced = await storedResponse(trx, userId, key);
      if (raced) return { kind: 'replay', stored: raced } as const;
      const body = await work(trx);
      await recordAuditInTrx(deps, trx, request, status, audit(body));
      await trx
        .insertInto('idempotency_keys')
        .values({
          user_id: userId,
          key,
          request_hash: hash,
          status_code: status,
          response_body: JSON.stringify(body),
          created_at: deps.clock.now().toISOString(),
        })
        .execute();
      return { kind: 'done', body } as const;
    });
    if (result.kind === 'replay') return replay(request, reply, hash, result.stored, audit);
    request.auditRecorded = true;
    reply.code(status);
    return result.body;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await storedResponse(deps.db, userId, key);
    if (!winner) throw error;
    return replay(request, reply, hash, winner, audit);
  }
}

/**
 * Deletes up to `limit` stored answers recorded before `before`; returns how many. A client
 * retrying after that gets its request run again, so `before` must lie well beyond any retry.
 */
export async function deleteIdempotencyKeysBefore(
  db: Deps['db'],
  before: string,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where(({ eb, refTuple, selectFrom }) =>
      eb(
        refTuple('user_id', 'key'),
        'in',
        selectFrom('idempotency_keys')
          .select(['user_id', 'key'])
          .where('created_at', '<', before)
          .limit(limit)
          .$asTuple('user_id', 'key'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
