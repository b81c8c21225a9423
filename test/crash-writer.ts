/**
 * A child process for the crash test of group commit: writes rows through `writeTransaction`
 * from 32 concurrent writers into the `probe_rows` table of the SQLite file it is given, and
 * prints each row's id once its write is acknowledged — until it is killed.
 */
import type { Kysely } from 'kysely';
import { createDb } from '../server/db/create-db.ts';
import { writeTransaction } from '../server/db/group-commit.ts';

const handle = createDb({ sqliteFile: process.argv[2]! });
let next = 0;
async function writer(): Promise<never> {
  for (;;) {
    const id = `w${next++}`;
    await writeTransaction(handle.db, async (trx) => {
      await (trx as unknown as Kysely<{ probe_rows: { id: string } }>)
        .insertInto('probe_rows')
        .values({ id })
        .execute();
    });
    // Synchronous on a pipe: once printed, the parent knows the write was acknowledged.
    process.stdout.write(`${id}\n`);
  }
}
await Promise.all(Array.from({ length: 32 }, writer));
