import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect.ts';

export type ColumnShape = { name: string; type: string; notNull: boolean; default: string | null };
export type IndexShape = {
  name: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
  /** PostgreSQL: the constraint the index backs (primary key or unique), which must be dropped as one. */
  constraint: string | null;
};
export type ForeignKeyShape = {
  name: string | null;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';
};
export type TableShape = {
  name: string;
  columns: ColumnShape[];
  primaryKey: string[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
};

// biome-ignore lint/suspicious/noExplicitAny: reads the catalog of whatever tables the database holds.
type AnyDb = Kysely<any>;

/**
 * The schema as the database itself reports it (SQLite pragmas, PostgreSQL catalogs), so
 * that checks and migrations work on what was migrated, not on what the code believes.
 */
export async function readCatalog(db: AnyDb): Promise<TableShape[]> {
  return isSqlite(db) ? readSqlite(db) : readPostgres(db);
}

async function rows<T>(db: AnyDb, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await query.execute(db)).rows as T[];
}

async function readSqlite(db: AnyDb): Promise<TableShape[]> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
  );
  const shapes: TableShape[] = [];
  for (const { name } of tables) {
    const info = await rows<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }>(db, sql`select * from pragma_table_info(${name})`);
    const indexList = await rows<{ name: string; unique: number; origin: string }>(
      db,
      sql`select * from pragma_index_list(${name})`,
    );
    const indexes: IndexShape[] = [];
    for (const index of indexList) {
      const columns = await rows<{ name: string }>(
        db,
        sql`select name from pragma_index_info(${index.name}) order by seqno`,
      );
      indexes.push({
        name: index.name,
        columns: columns.map((c) => c.name),
        unique: index.unique === 1,
        primary: index.origin === 'pk',
        constraint: null,
      });
    }
    const fkRows = await rows<{
      id: number;
      seq: number;
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }>(db, sql`select * from pragma_foreign_key_list(${name}) order by id, seq`);
    const foreignKeys = new Map<number, ForeignKeyShape>();
    for (const fk of fkRows) {
      const shape = foreignKeys.get(fk.id) ?? {
        name: null,
        columns: [],
        refTable: fk.table,
        refColumns: [],
        onDelete: fk.on_delete.toLowerCase() as ForeignKeyShape['onDelete'],
      };
      shape.columns.push(fk.from);
      shape.refColumns.push(fk.to);
      foreignKeys.set(fk.id, shape);
    }
    shapes.push({
      name,
      columns: info.map((c) => ({
        name: c.name,
        type: c.type,
        notNull: c.notnull === 1,
        default: c.dflt_value,
      })),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      indexes,
      foreignKeys: [...foreignKeys.values()],
    });
  }
  return shapes;
}

const onDeleteCodes: Record<string, ForeignKeyShape['onDelete']> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

async function readPostgres(db: AnyDb): Promise<TableShape[]> {
  const columns = await rows<{
    table: string;
    name: string;
    type: string;
    nullable: string;
    default: string | null;
  }>(
    db,
    sql`select c.table_name as "table", c.column_name as name, c.data_type as type,
          c.is_nullable as nullable, c.column_default as "default"
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );
  const indexes = await rows<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    constraint: string | null;
    columns: string[];
  }>(
    db,
    sql`select t.relname as "table", i.relname as name, ix.indisunique as "unique", ix.indisprimary as "primary",
          (select con.conname from pg_constraint con
             where con.conindid = ix.indexrelid and con.conrelid = t.oid and con.contype in ('p', 'u')) as "constraint",
          array(select a.attname::text from unnest(ix.indkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.ord) as columns
        from pg_index ix
        join pg_class i on i.oid = ix.indexrelid
        join pg_class t on t.oid = ix.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema()
        order by t.relname, i.relname`,
  );
  const foreignKeys = await rows<{
    table: string;
    name: string;
    ref_table: string;
    columns: string[];
    ref_columns: string[];
    on_delete: string;
  }>(
    db,
    sql`select t.relname as "table", c.conname as name, rt.relname as ref_table, c.confdeltype as on_delete,
          array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord) as columns,
          array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.ord) as ref_columns
        from pg_constraint c
        join pg_class t on t.oid = c.conrelid
        join pg_class rt on rt.oid = c.confrelid
        join pg_namespace n on n.oid = t.relnamespace
        where c.contype = 'f' and n.nspname = current_schema()
        order by t.relname, c.conname`,
  );
  const shapes = new Map<string, TableShape>();
  for (const c of columns) {
    let shape = shapes.get(c.table);
    if (!shape) {
      shape = { name: c.table, columns: [], primaryKey: [], indexes: [], foreignKeys: [] };
      shapes.set(c.table, shape);
    }
    shape.columns.push({ name: c.name, type: c.type, notNull: c.nullable === 'NO', default: c.default });
  }
  for (const index of indexes) {
    const shape = shapes.get(index.table);
    if (!shape) continue;
    shape.indexes.push({
      name: index.name,
      columns: index.columns,
      unique: index.unique,
      primary: index.primary,
      constraint: index.constraint,
    });
    if (index.primary) shape.primaryKey = index.columns;
  }
  for (const fk of foreignKeys) {
    shapes.get(fk.table)?.foreignKeys.push({
      name: fk.name,
      columns: fk.columns,
      refTable: fk.ref_table,
      refColumns: fk.ref_columns,
      onDelete: onDeleteCodes[fk.on_delete] ?? 'no action',
    });
  }
  return [...shapes.values()].sort((a, b) => a.name.localeCompare(b.name));
}
