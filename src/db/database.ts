/**
 * Opens the database: embedded SQLite (better-sqlite3, WAL, synchronous=FULL; which line of it:
 * `sqlite-module.ts`) or PostgreSQL (pg).
 * This file and `migrations/columns.ts` are the only places that know one from the other.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import type { DatabaseConfig } from '../config/env.js';
import type { Database } from './schema.js';
import { SqliteDatabase } from './sqlite-module.js';

export type DialectName = 'sqlite' | 'postgres';

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  dialect: DialectName;
  close: () => Promise<void>;
};

// pg is loaded by a PostgreSQL deployment only: an embedded one does not carry it (about 3 MB of
// heap; docs/performance.md, *Start and memory*).
// Loaded once: `require` resolves the module's path on every call, and the type parser below asks
// for pg's own parsers once per column of every result (7.8 % of the server's CPU in the mixed
// benchmark on PostgreSQL when it resolved each time).
let pgModule: typeof pg | undefined;
const loadPg = (): typeof pg => (pgModule ??= createRequire(import.meta.url)('pg') as typeof pg);

// pg returns int8 and numeric as strings and dates as JS Dates; we hold cents as numbers (exact up to
// 2^53, i.e. 90 trillion euros) and dates as ISO strings, the same as on SQLite.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;
const asNumber = (value: string) => Number(value);
const asText = (value: string) => value;
const asIsoInstant = (value: string) => new Date(value).toISOString();
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case PG_INT8:
      case PG_NUMERIC:
        return asNumber;
      case PG_DATE:
        return asText;
      case PG_TIMESTAMPTZ:
        return asIsoInstant;
      default:
        return loadPg().types.getTypeParser(oid, format ?? 'text');
    }
  },
} as pg.CustomTypesConfig;

export function openDatabase(config: DatabaseConfig, options: { poolSize?: number } = {}): DatabaseHandle {
  if (config.kind === 'postgres') {
    const pool = new (loadPg().Pool)({
      connectionString: config.url,
      max: options.poolSize ?? 10,
      types: pgTypes,
      // A request waits at most this long for a connection, then gets a 503 rather than hanging.
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection that the server drops (a restart, a failover) is removed from the pool and
    // replaced on demand; without a listener the error would end the process.
    pool.on('error', () => undefined);
    // The same for a connection in use: the query in flight fails (and becomes a 503), the event must
    // not become an uncaught exception.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
  const sqlite = new SqliteDatabase(config.path);
  sqlite.pragma('journal_mode = WAL');
  // WAL defaults to synchronous=NORMAL, which can lose the last commits on power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new RollbackSafeSqliteDialect(sqlite) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * After some errors (SQLITE_FULL, SQLITE_IOERR…) SQLite has already rolled the transaction back
 * itself; Kysely's ROLLBACK then fails with "no transaction is active" and that error would hide
 * the real one (a full disk would look like a bug, 500, instead of 503).
 */
class RollbackSafeSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const sqlite = this.sqlite;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: statementCache(sqlite) });
  }
}

/** How many prepared statements a SQLite connection keeps (least recently used go first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query's SQL afresh; better-sqlite3 statements can be run again, so the same
 * SQL text reuses its prepared statement (issue 16: re-preparing was up to a sixth of the server's
 * CPU on small reads). A statement still iterating (a stream) is busy and is not handed out twice.
 */
function statementCache(sqlite: SQLite.Database): Pick<SQLite.Database, 'prepare' | 'close'> {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: ((source: string) => {
      const cached = statements.get(source);
      if (cached && !cached.busy) {
        statements.delete(source);
        statements.set(source, cached);
        return cached;
      }
      const statement = sqlite.prepare(source);
      if (!cached) {
        statements.set(source, statement);
        if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      return statement;
    }) as SQLite.Database['prepare'],
  };
}

const UNAVAILABLE_CODES = new Set([
  // Network: the server is down, restarting or unreachable.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, connection exceptions,
  // too_many_connections, serialization and deadlock failures a retry resolves.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '40001',
  '40P01',
  // SQLite: the disk is full, the file is locked past the busy timeout, or I/O failed.
  'SQLITE_FULL',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
]);

/**
 * Is this error the database being unavailable for a while (rather than a bug)? Such requests get
 * 503 with Retry-After, and the same request succeeds once the database is back; nothing needs a
 * restart, because the pool and the SQLite handle recover by themselves.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_BUSY'))
  )
    return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/** The columns of a unique constraint a write broke, as each driver reports them. */
export type UniqueViolation = { table: string | null; columns: string[] };

/**
 * Is this error a unique constraint refusing a write, and which columns? The one place that reads
 * both drivers' errors: PostgreSQL's 23505 names the columns in its detail ("Key (theme_id,
 * key)=(…) already exists."), SQLite in its message ("UNIQUE constraint failed: content_areas.theme_id,
 * content_areas.key"). Two creates of one key racing each other both pass any check made before
 * the insert; the constraint is what decides, and its refusal is the client's conflict, not a bug.
 */
export function uniqueViolation(error: unknown): UniqueViolation | null {
  const e = error as { code?: unknown; detail?: unknown; table?: unknown; message?: unknown } | null;
  if (e?.code === '23505') {
    const columns = typeof e.detail === 'string' ? /^Key \((.+?)\)=/.exec(e.detail)?.[1] : undefined;
    return {
      table: typeof e.table === 'string' ? e.table : null,
      columns: columns ? columns.split(',').map((c) => c.trim().replace(/^lower\((.+)\)$/, '$1')) : [],
    };
  }
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const list = typeof e.message === 'string' ? /constraint failed: (.+)$/.exec(e.message)?.[1] : undefined;
    const qualified = (list ?? '').split(',').map((c) => c.trim());
    return {
      table: qualified[0]?.includes('.') ? qualified[0].split('.')[0]! : null,
      columns: qualified.filter((c) => c.includes('.')).map((c) => c.split('.')[1]!),
    };
  }
  return null;
}
