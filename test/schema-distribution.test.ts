import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCatalog, type TableShape } from '../server/db/catalog.ts';
import type { DbHandle } from '../server/db/create-db.ts';
import { distributed, local, reference } from '../server/db/distribution.ts';
import { createTestDb, describeDb } from './harness.ts';

describeDb('schema distribution by county', () => {
  let handle: DbHandle;
  let tables: Map<string, TableShape>;
  const placed = new Set<string>([...distributed, ...reference, ...local]);
  const isDistributed = new Set<string>(distributed);

  beforeAll(async () => {
    handle = await createTestDb();
    tables = new Map((await readCatalog(handle.db)).map((t) => [t.name, t]));
  });
  afterAll(() => handle.close());

  it('places every table exactly once', () => {
    expect([...tables.keys()].filter((t) => !placed.has(t))).toEqual([]);
    expect([...placed].filter((t) => !tables.has(t))).toEqual([]);
    expect(placed.size).toBe(distributed.length + reference.length + local.length);
  });

  it('keys every distributed table by county', () => {
    const found = distributed.flatMap((t) => problems(tables.get(t)!));
    expect(found).toEqual([]);
  });

  it('keeps reference and local tables free of references to distributed ones', () => {
    const found = [...reference, ...local].flatMap((t) =>
      tables
        .get(t)!
        .foreignKeys.filter((fk) => isDistributed.has(fk.refTable))
        .map((fk) => `${t}(${fk.columns}) references distributed ${fk.refTable}`),
    );
    expect(found).toEqual([]);
  });

  it('lets distributed tables reference only distributed and reference tables', () => {
    const isLocal = new Set<string>(local);
    const found = distributed.flatMap((t) =>
      tables
        .get(t)!
        .foreignKeys.filter((fk) => isLocal.has(fk.refTable))
        .map((fk) => `${t}(${fk.columns}) references local ${fk.refTable}`),
    );
    expect(found).toEqual([]);
  });

  /** What Citus refuses, or cannot route to one shard, in a distributed table. */
  function problems(table: TableShape): string[] {
    const out: string[] = [];
    const countyId = table.columns.find((c) => c.name === 'county_id');
    if (!countyId) return [`${table.name} has no county_id`];
    if (!countyId.notNull) out.push(`${table.name}.county_id is nullable`);
    if (table.primaryKey.length > 0 && !table.primaryKey.includes('county_id'))
      out.push(`${table.name} primary key (${table.primaryKey}) lacks county_id`);
    for (const index of table.indexes) {
      if (index.unique && !index.columns.includes('county_id'))
        out.push(`${table.name} unique ${index.name} (${index.columns}) lacks county_id`);
    }
    for (const fk of table.foreignKeys) {
      if (!isDistributed.has(fk.refTable)) continue;
      const at = fk.columns.indexOf('county_id');
      if (at < 0 || fk.refColumns[at] !== 'county_id')
        out.push(
          `${table.name}(${fk.columns}) references ${fk.refTable}(${fk.refColumns}) without county_id`,
        );
    }
    return out;
  }
});
