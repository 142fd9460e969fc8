/**
 * Column types that differ between SQLite and PostgreSQL. Migrations use only these for such
 * columns, so one set of migrations serves both databases.
 */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Expression } from 'kysely';
import type { DialectName } from '../database.js';

export type Columns = ReturnType<typeof columnsFor>;

export function columnsFor(dialect: DialectName) {
  const pg = dialect === 'postgres';
  return {
    dialect,
    /** Surrogate key. */
    id: <T extends string>(table: CreateTableBuilder<T, never>) =>
      pg
        ? table.addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
        : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement()),
    /** A reference to another table's id. */
    ref: pg ? ('bigint' as const) : ('integer' as const),
    /** Euro cents: bigint in PostgreSQL, SQLite integers are 64-bit already. */
    cents: pg ? ('bigint' as const) : ('integer' as const),
    /** A calendar date (YYYY-MM-DD): date in PostgreSQL, ISO text in SQLite. */
    date: pg ? ('date' as const) : ('text' as const),
    /** A moment: timestamptz in PostgreSQL, ISO text in SQLite. */
    timestamp: pg ? ('timestamptz' as const) : ('text' as const),
    /** The current moment as the column default. */
    now: (): Expression<unknown> => (pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** Flags are 0/1 integers on both (better-sqlite3 binds no booleans). */
    flag: 'integer' as const,
    /** A 64-bit integer, e.g. milliseconds since the epoch where the database must do arithmetic on a moment. */
    int64: pg ? ('bigint' as const) : ('integer' as const),
    real: pg ? ('double precision' as const) : ('real' as const),
  };
}

export type ColumnBuilderCallback = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
