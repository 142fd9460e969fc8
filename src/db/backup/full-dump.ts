/**
 * The whole database as JSON lines and back: every table (users, the audit trail, sessions…), in an
 * order that respects foreign keys, so a dump restores into an empty database of either kind. A
 * content hash over the same rows proves a round trip lost nothing.
 *
 * Format: line 1 `{"format":"teemaseuranta-dump","version":1,"migrations":[…]}`, then for each table
 * a line `{"table":"…","columns":[…]}` followed by one JSON array of values per row.
 */
import { createHash } from 'node:crypto';
import { sql, type QueryExecutorProvider } from 'kysely';
import type { DialectName } from '../database.js';

export const DUMP_FORMAT = 'teemaseuranta-dump';
const DUMP_VERSION = 1;
const BATCH = 1000;
/**
 * The migration runner's own bookkeeping is rebuilt by migrating the target, not restored; so is
 * derived state: the cache's data_version counter (migration 0005) and its scopes (0009) and, on SQLite, the search index
 * (an FTS5 virtual table and its shadow tables), which the restored rows' triggers fill again.
 */
const NOT_DUMPED = new Set(['schema_migrations', 'data_version', 'data_scopes']);

/** Dump and restore work on whatever tables the database has, by name, through plain SQL. */
type Queryable = QueryExecutorProvider;
type AnyDb = Queryable & {
  transaction(): { execute<T>(callback: (trx: Queryable) => Promise<T>): Promise<T> };
};

/** Tables of the current schema, every table after the tables it refers to. */
export async function tablesInDependencyOrder(db: Queryable, dialect: DialectName): Promise<string[]> {
  const references = new Map<string, Set<string>>();
  if (dialect === 'sqlite') {
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
    const virtual = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`.execute(db);
    const derived = (name: string) => virtual.rows.some((v) => name === v.name || name.startsWith(`${v.name}_`));
    for (const { name } of tables.rows) {
      if (derived(name)) continue;
      const keys = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
      references.set(name, new Set(keys.rows.map((k) => k.table)));
    }
  } else {
    const tables = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
      db,
    );
    for (const { name } of tables.rows) references.set(name, new Set());
    const keys = await sql<{ source: string; target: string }>`
      select distinct cl.relname as source, ref.relname as target
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_class ref on ref.oid = c.confrelid
      where c.contype = 'f' and cl.relnamespace = current_schema()::regnamespace`.execute(db);
    for (const { source, target } of keys.rows) references.get(source)?.add(target);
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return; // a self-reference is ordered by id
    visiting.add(table);
    for (const target of [...(references.get(table) ?? [])].sort()) if (target !== table) visit(target);
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of [...references.keys()].sort()) visit(table);
  return ordered.filter((table) => !NOT_DUMPED.has(table));
}

async function columnsOf(db: Queryable, dialect: DialectName, table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db);
    return rows.rows.map((r) => r.name);
  }
  const rows = await sql<{ name: string }>`
    select column_name as name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Every row of a table in a stable order, a batch at a time: by id after the last id seen (each batch
 * costs the same however large the table), or by all columns for the few tables without an id.
 */
async function* rowsOf(db: Queryable, table: string, columns: string[]): AsyncGenerator<unknown[]> {
  const probe = columns.includes('id')
    ? await sql<{ id: unknown }>`select id from ${sql.table(table)} limit 1`.execute(db)
    : null;
  if (typeof probe?.rows[0]?.id === 'number') {
    let last = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const batch = await sql<
        Record<string, unknown>
      >`select * from ${sql.table(table)} where id > ${last} order by id limit ${BATCH}`.execute(db);
      for (const row of batch.rows) yield columns.map((c) => normalise(row[c]));
      if (batch.rows.length < BATCH) return;
      last = Number(batch.rows.at(-1)!.id);
    }
  }
  const order = sql.join(columns.map((c) => sql.ref(c)));
  for (let offset = 0; ; offset += BATCH) {
    const batch = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} order by ${order} limit ${BATCH} offset ${offset}`.execute(db);
    for (const row of batch.rows) yield columns.map((c) => normalise(row[c]));
    if (batch.rows.length < BATCH) return;
  }
}

/** One representation for both databases: numbers as numbers, text as text, moments as ISO strings. */
function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value;
}

export async function* dumpDatabase(db: AnyDb, dialect: DialectName): AsyncGenerator<string> {
  const migrations = (
    await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db)
  ).rows.map((r) => r.name);
  yield `${JSON.stringify({ format: DUMP_FORMAT, version: DUMP_VERSION, migrations })}\n`;
  for (const table of await tablesInDependencyOrder(db, dialect)) {
    const columns = await columnsOf(db, dialect, table);
    yield `${JSON.stringify({ table, columns })}\n`;
    for await (const row of rowsOf(db, table, columns)) yield `${JSON.stringify(row)}\n`;
  }
}

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/**
 * Restores a dump into a migrated, empty database, in one transaction: either all of it lands or
 * none. Ids are kept (PostgreSQL's identity sequences are moved past them afterwards).
 */
export async function restoreDatabase(
  db: AnyDb,
  dialect: DialectName,
  lines: AsyncIterable<string>,
): Promise<{ tables: number; rows: number }> {
  const known = new Set(await tablesInDependencyOrder(db, dialect));
  for (const table of known) {
    const any = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    if (Number(any.rows[0]!.n) > 0)
      throw new RestoreError(`the target database is not empty (table ${table} has rows)`);
  }
  return db.transaction().execute(async (trx) => {
    let header: { format?: string; version?: number } | null = null;
    let current: { table: string; columns: string[] } | null = null;
    let pending: unknown[][] = [];
    let tables = 0;
    let rows = 0;
    const flush = async () => {
      if (!current || pending.length === 0) return;
      const { table, columns } = current;
      const values = sql.join(pending.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`));
      const overriding = dialect === 'postgres' && columns.includes('id') ? sql`overriding system value` : sql``;
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) ${overriding} values ${values}`.execute(
        trx,
      );
      rows += pending.length;
      pending = [];
    };
    for await (const line of lines) {
      if (!line.trim()) continue;
      const parsed = JSON.parse(line) as unknown;
      if (!header) {
        header = parsed as { format?: string; version?: number };
        if (header.format !== DUMP_FORMAT || header.version !== DUMP_VERSION)
          throw new RestoreError('not a teemaseuranta dump of a known version');
        continue;
      }
      if (Array.isArray(parsed)) {
        if (!current) throw new RestoreError('a row before its table');
        pending.push(parsed);
        // PostgreSQL allows 65535 parameters in one statement.
        if (pending.length * current.columns.length > 30_000) await flush();
        continue;
      }
      await flush();
      const next = parsed as { table: string; columns: string[] };
      if (!known.has(next.table)) throw new RestoreError(`unknown table ${next.table}`);
      current = next;
      tables++;
    }
    await flush();
    if (dialect === 'postgres') {
      for (const table of known) {
        const columns = await columnsOf(trx, dialect, table);
        if (!columns.includes('id')) continue;
        const sequence = await sql<{
          name: string | null;
        }>`select pg_get_serial_sequence(${table}, 'id') as name`.execute(trx);
        if (!sequence.rows[0]?.name) continue; // an id that is not generated (a text key)
        await sql`select setval(${sequence.rows[0].name}, coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
          trx,
        );
      }
    }
    return { tables, rows };
  });
}

/** SHA-256 over every dumped table's rows: equal hashes, equal data. */
export async function contentHash(db: AnyDb, dialect: DialectName): Promise<string> {
  const hash = createHash('sha256');
  for await (const line of dumpDatabase(db, dialect)) {
    // The header names the migrations; data equality is about the rows.
    if (line.startsWith(`{"format":`)) continue;
    hash.update(line);
  }
  return hash.digest('hex');
}
