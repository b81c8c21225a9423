import { type Kysely, sql } from 'kysely';
import { type ForeignKeyShape, readCatalog, type TableShape } from './catalog.ts';
import { isSqlite } from './dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, not as the code types it today.
type AnyDb = Kysely<any>;

export type CountyKeys = {
  /** One module's county-scoped tables. Foreign keys between them gain `county_id`. */
  tables: string[];
  /** Tables that gain `county_id`, copied from the parent row the named column points to. */
  backfill?: Record<string, { parent: string; via: string }>;
};

/**
 * Puts `county_id` into the primary key, every unique key and every foreign key between the
 * given tables, so they can be distributed by county on Citus (docs/scaling.md) without
 * redesign. `county_id` goes last: lookups by id or by the old key keep their index, and a
 * county-scoped query matches the whole key. Works on populated tables: PostgreSQL alters
 * the constraints in the migration's transaction; SQLite rebuilds each table in one
 * transaction of its own, with foreign keys checked before it commits.
 */
export async function keyByCounty(db: AnyDb, keys: CountyKeys): Promise<void> {
  const catalog = new Map((await readCatalog(db)).map((t) => [t.name, t]));
  const tables = keys.tables.map((name) => {
    const table = catalog.get(name);
    if (!table) throw new Error(`keyByCounty: no table ${name}`);
    return table;
  });
  const inSet = new Set(keys.tables);
  if (isSqlite(db)) await rebuildSqlite(db, tables, inSet, keys.backfill ?? {});
  else await alterPostgres(db, tables, inSet, keys.backfill ?? {});
}

function withCounty(columns: string[]): string[] {
  return columns.includes('county_id') ? columns : [...columns, 'county_id'];
}

function keyedForeignKey(fk: ForeignKeyShape, inSet: Set<string>): ForeignKeyShape {
  if (!inSet.has(fk.refTable) || fk.columns.includes('county_id')) return fk;
  return { ...fk, columns: [...fk.columns, 'county_id'], refColumns: [...fk.refColumns, 'county_id'] };
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const list = (names: string[]) => names.map(ident).join(', ');

function foreignKeySql(fk: ForeignKeyShape): string {
  const onDelete = fk.onDelete === 'no action' ? '' : ` on delete ${fk.onDelete}`;
  return `foreign key (${list(fk.columns)}) references ${ident(fk.refTable)} (${list(fk.refColumns)})${onDelete}`;
}

export async function run(db: AnyDb, statement: string): Promise<void> {
  await sql.raw(statement).execute(db);
}

/**
 * Runs `work` (table rebuilds) in one SQLite transaction with foreign keys off, and checks
 * them before it commits. Dropping a parent table with foreign keys on would delete-check every
 * child row; the pragma only changes outside a transaction, and the check stands in for it.
 */
export async function inSqliteRebuild(db: AnyDb, label: string, work: () => Promise<void>): Promise<void> {
  await run(db, 'pragma foreign_keys = off');
  try {
    await run(db, 'begin');
    try {
      await work();
      const broken = await sql<{ table: string }>`select * from pragma_foreign_key_check`.execute(db);
      if (broken.rows.length > 0)
        throw new Error(`${label}: foreign keys broken in ${[...new Set(broken.rows.map((r) => r.table))]}`);
      await run(db, 'commit');
    } catch (error) {
      await run(db, 'rollback');
      throw error;
    }
  } finally {
    await run(db, 'pragma foreign_keys = on');
  }
}

async function rebuildSqlite(
  db: AnyDb,
  tables: TableShape[],
  inSet: Set<string>,
  backfill: NonNullable<CountyKeys['backfill']>,
): Promise<void> {
  await inSqliteRebuild(db, 'keyByCounty', async () => {
    for (const table of tables) await rebuildTable(db, table, inSet, backfill[table.name]);
  });
}

async function rebuildTable(
  db: AnyDb,
  table: TableShape,
  inSet: Set<string>,
  backfill: { parent: string; via: string } | undefined,
): Promise<void> {
  const name = table.name;
  const temp = `${name}__keyed`;
  const definitions = table.columns.map(
    (c) =>
      `${ident(c.name)} ${c.type}${c.notNull ? ' not null' : ''}${c.default === null ? '' : ` default ${c.default}`}`,
  );
  if (backfill) definitions.push('"county_id" text not null');
  if (table.primaryKey.length > 0) definitions.push(`primary key (${list(withCounty(table.primaryKey))})`);
  const autoUniques = table.indexes.filter(
    (i) => i.unique && !i.primary && i.name.startsWith('sqlite_autoindex_'),
  );
  for (const unique of autoUniques) definitions.push(`unique (${list(withCounty(unique.columns))})`);
  for (const fk of table.foreignKeys) definitions.push(foreignKeySql(keyedForeignKey(fk, inSet)));

  const declared = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'index' and tbl_name = ${name} and sql is not null`.execute(
    db,
  );

  await run(db, `create table ${ident(temp)} (${definitions.join(', ')})`);
  const columns = table.columns.map((c) => c.name);
  const source = columns.map((c) => `t.${ident(c)}`);
  if (backfill) {
    columns.push('county_id');
    source.push(
      `(select p."county_id" from ${ident(backfill.parent)} p where p."id" = t.${ident(backfill.via)})`,
    );
  }
  await run(
    db,
    `insert into ${ident(temp)} (${list(columns)}) select ${source.join(', ')} from ${ident(name)} t`,
  );
  await run(db, `drop table ${ident(name)}`);
  await run(db, `alter table ${ident(temp)} rename to ${ident(name)}`);
  for (const index of declared.rows) {
    const shape = table.indexes.find((i) => i.name === index.name);
    if (shape?.unique) {
      await run(
        db,
        `create unique index ${ident(index.name)} on ${ident(name)} (${list(withCounty(shape.columns))})`,
      );
    } else {
      await run(db, index.sql);
    }
  }
}

async function alterPostgres(
  db: AnyDb,
  tables: TableShape[],
  inSet: Set<string>,
  backfill: NonNullable<CountyKeys['backfill']>,
): Promise<void> {
  for (const [name, { parent, via }] of Object.entries(backfill)) {
    await run(db, `alter table ${ident(name)} add column "county_id" text`);
    await run(
      db,
      `update ${ident(name)} t set "county_id" = p."county_id" from ${ident(parent)} p where p."id" = t.${ident(via)}`,
    );
    await run(db, `alter table ${ident(name)} alter column "county_id" set not null`);
  }
  // Foreign keys hold on to the parent's primary key: drop them before it changes.
  const rewritten = tables.flatMap((table) =>
    table.foreignKeys.filter((fk) => inSet.has(fk.refTable)).map((fk) => ({ table: table.name, fk })),
  );
  for (const { table, fk } of rewritten) {
    await run(db, `alter table ${ident(table)} drop constraint ${ident(fk.name!)}`);
  }
  for (const table of tables) {
    for (const index of table.indexes) {
      if (!index.unique || index.columns.includes('county_id')) continue;
      const columns = list(withCounty(index.columns));
      if (index.constraint) {
        const kind = index.primary ? 'primary key' : 'unique';
        await run(
          db,
          `alter table ${ident(table.name)} drop constraint ${ident(index.constraint)}, ` +
            `add constraint ${ident(index.constraint)} ${kind} (${columns})`,
        );
      } else {
        await run(db, `drop index ${ident(index.name)}`);
        await run(db, `create unique index ${ident(index.name)} on ${ident(table.name)} (${columns})`);
      }
    }
  }
  for (const { table, fk } of rewritten) {
    await run(
      db,
      `alter table ${ident(table)} add constraint ${ident(fk.name!)} ${foreignKeySql(keyedForeignKey(fk, inSet))}`,
    );
  }
}
