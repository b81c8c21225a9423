import type { Db, Trx } from './create-db.ts';
import { isSqlite } from './dialect.ts';

/**
 * Runs a write in a transaction of its own — on SQLite, together with the writes that are
 * waiting at the same moment (group commit).
 *
 * SQLite has one writer and our driver one connection, so concurrent writes run one after the
 * other anyway; what each pays on top of its statements is its own commit, which appends every
 * page it touched to the WAL (the same few index and table pages, over and over) and now and
 * then a checkpoint. Here the writes queued while one runs share one database transaction, each
 * inside its own savepoint: a write that fails rolls back to its savepoint only and rejects
 * alone; the others' promises settle only after the shared COMMIT, so nothing is acknowledged
 * before it is in the WAL (and, with `synchronous=NORMAL`, survives a crash of the process).
 * If the COMMIT itself fails, every write of the batch rejects. Each write sees the ones
 * before it, exactly as if they had run one after the other.
 *
 * PostgreSQL runs each write in its own transaction: it commits concurrent transactions in
 * parallel, and a shared one would hold everyone's row locks until the last write is done.
 *
 * As in any transaction here, `work` must use only `trx`: the database itself, or another
 * `writeTransaction`, would wait for the batch that is waiting for `work`.
 */
export function writeTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (!isSqlite(db)) return db.transaction().execute(work);
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = { queue: [], running: false };
    batchers.set(db, batcher);
  }
  const queued = batcher;
  return new Promise<T>((resolve, reject) => {
    queued.queue.push({ work, resolve, reject } as Job);
    if (!queued.running) {
      queued.running = true;
      // Let the requests already read from the sockets reach the queue before the batch starts.
      setImmediate(() => void runBatches(db, queued));
    }
  });
}

/** Enough to batch every request of a busy scan belt, few enough to keep each one's wait short. */
const MAX_BATCH = 64;

type Job = {
  work: (trx: Trx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
};
type Batcher = { queue: Job[]; running: boolean };
const batchers = new WeakMap<Db, Batcher>();

async function runBatches(db: Db, batcher: Batcher): Promise<void> {
  try {
    while (batcher.queue.length > 0) await runBatch(db, batcher.queue);
  } finally {
    batcher.running = false;
  }
}

async function runBatch(db: Db, queue: Job[]): Promise<void> {
  const done: Array<{ job: Job; value: unknown }> = [];
  let current: Job | undefined;
  let trx: Awaited<ReturnType<ReturnType<Db['startTransaction']>['execute']>>;
  try {
    trx = await db.startTransaction().execute();
  } catch (error) {
    for (const job of queue.splice(0)) job.reject(error);
    return;
  }
  try {
    for (let n = 0; n < MAX_BATCH && queue.length > 0; n++) {
      current = queue.shift()!;
      const inSavepoint = await trx.savepoint('write').execute();
      let value: unknown;
      try {
        value = await current.work(inSavepoint);
      } catch (error) {
        // Undoes this write only; if even that fails, the batch is lost (caught below).
        await inSavepoint.rollbackToSavepoint('write').execute();
        await inSavepoint.releaseSavepoint('write').execute();
        current.reject(error);
        current = undefined;
        continue;
      }
      await inSavepoint.releaseSavepoint('write').execute();
      done.push({ job: current, value });
      current = undefined;
    }
    await trx.commit().execute();
  } catch (error) {
    await trx
      .rollback()
      .execute()
      .catch(() => {});
    current?.reject(error);
    for (const { job } of done) job.reject(error);
    return;
  }
  for (const { job, value } of done) job.resolve(value);
}
