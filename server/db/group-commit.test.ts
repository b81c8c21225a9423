import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeDb, dialect } from '../../test/harness.ts';
import { createDb, type Db, type DbHandle } from './create-db.ts';
import { forUpdate } from './dialect.ts';
import { writeTransaction } from './group-commit.ts';

type Probe = {
  probe_rows: { id: string };
  probe_counter: { id: string; n: number };
  probe_parents: { id: string };
  probe_children: { id: string; parent_id: string };
};

describeDb('writeTransaction: writes commit together, each keeps its own outcome', () => {
  let handle: DbHandle;
  let db: Kysely<Probe>;
  // The writes under test run on the application's handle; the probe tables are not in its schema.
  const write = <T>(work: (trx: Kysely<Probe>) => Promise<T>) =>
    writeTransaction(handle.db, (trx) => work(trx as unknown as Kysely<Probe>));

  beforeAll(async () => {
    handle = await createTestDb();
    db = handle.db as unknown as Kysely<Probe>;
    await db.schema
      .createTable('probe_rows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
    await db.schema
      .createTable('probe_counter')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('n', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('probe_counter').values({ id: 'c', n: 0 }).execute();
    await db.schema
      .createTable('probe_parents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
    await db.schema
      .createTable('probe_children')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('parent_id', 'text', (c) =>
        c.notNull().references('probe_parents.id').modifyEnd(sql`deferrable initially deferred`),
      )
      .execute();
    await db.insertInto('probe_parents').values({ id: 'p1' }).execute();
  });
  afterAll(() => handle.close());

  it('commits every write that succeeds and takes back only the one that fails', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        write(async (trx) => {
          await trx
            .insertInto('probe_rows')
            .values({ id: `r${i}` })
            .execute();
          if (i === 5) throw new Error('refused after writing');
          return i;
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value)).toEqual([
      0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11,
    ]);
    expect(outcomes[5]).toMatchObject({ status: 'rejected', reason: { message: 'refused after writing' } });
    const ids = (await db.selectFrom('probe_rows').select('id').execute()).map((r) => r.id).sort();
    expect(ids).toEqual(['r0', 'r1', 'r10', 'r11', 'r2', 'r3', 'r4', 'r6', 'r7', 'r8', 'r9']);
  });

  it('lets each write see the ones before it, as if they ran one after the other', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        write(async (trx) => {
          const counter = await forUpdate(
            trx,
            trx.selectFrom('probe_counter').select('n').where('id', '=', 'c'),
          ).executeTakeFirstOrThrow();
          await trx
            .updateTable('probe_counter')
            .set({ n: counter.n + 1 })
            .where('id', '=', 'c')
            .execute();
        }),
      ),
    );
    const counter = await db.selectFrom('probe_counter').select('n').executeTakeFirstOrThrow();
    expect(counter.n).toBe(20);
  });

  it.skipIf(dialect !== 'sqlite')(
    'acknowledges none of the writes that shared a commit that failed',
    async () => {
      // A deferred foreign key is checked at COMMIT: the second write breaks the shared commit.
      const outcomes = await Promise.allSettled([
        write((trx) => trx.insertInto('probe_children').values({ id: 'k1', parent_id: 'p1' }).execute()),
        write((trx) => trx.insertInto('probe_children').values({ id: 'k2', parent_id: 'none' }).execute()),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
      expect(await db.selectFrom('probe_children').select('id').execute()).toEqual([]);
      // The connection is free again and the next write commits alone.
      await write((trx) => trx.insertInto('probe_children').values({ id: 'k3', parent_id: 'p1' }).execute());
      expect((await db.selectFrom('probe_children').select('id').execute()).map((r) => r.id)).toEqual(['k3']);
    },
  );

  it('keeps the database usable outside the batch while writes queue', async () => {
    const reads: Array<Promise<unknown>> = [];
    const writes = Array.from({ length: 5 }, (_, i) => {
      reads.push((handle.db as Db).selectFrom('counties').select('id').execute());
      return write((trx) =>
        trx
          .insertInto('probe_rows')
          .values({ id: `q${i}` })
          .execute(),
      );
    });
    await Promise.all([...writes, ...reads]);
    expect(await db.selectFrom('probe_rows').select('id').where('id', 'like', 'q%').execute()).toHaveLength(
      5,
    );
  });

  it.skipIf(dialect !== 'sqlite')(
    'loses no acknowledged write when the process is killed',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuntong-crash-'));
      const file = path.join(dir, 'crash.db');
      const setup = createDb({ sqliteFile: file });
      await (setup.db as unknown as Kysely<Probe>).schema
        .createTable('probe_rows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .execute();
      await setup.close();
      try {
        const acknowledged: string[] = [];
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', path.resolve('test/crash-writer.ts'), file],
          {
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        let buffered = '';
        await new Promise<void>((resolve, reject) => {
          child.on('error', reject);
          child.on('exit', () => resolve());
          child.stdout.on('data', (chunk: Buffer) => {
            const lines = (buffered + chunk.toString()).split('\n');
            buffered = lines.pop()!;
            acknowledged.push(...lines);
            if (acknowledged.length >= 2_000) child.kill('SIGKILL');
          });
        });
        expect(acknowledged.length).toBeGreaterThanOrEqual(2_000);
        const after = createDb({ sqliteFile: file });
        const stored = new Set(
          (await (after.db as unknown as Kysely<Probe>).selectFrom('probe_rows').select('id').execute()).map(
            (r) => r.id,
          ),
        );
        await after.close();
        expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      // A child process starting through tsx on a busy CI machine can take most of the default 30 s.
    },
    120_000,
  );
});
