/**
 * Runs pending migrations at start-up; safe to run twice and from several servers at once.
 * Each migration runs in its own transaction together with its bookkeeping row (Kysely's own
 * migrator does not wrap SQLite migrations in transactions). On PostgreSQL an advisory lock keeps two
 * starting servers from migrating at the same time.
 */
import { sql } from 'kysely';
import type { Db, DialectName } from './database.js';
import { columnsFor } from './migrations/columns.js';
import { migrations, type Migration } from './migrations/index.js';

const MIGRATION_LOCK = 48151623; // any constant shared by all servers of this application

/** The runner's own bookkeeping table, which the application's schema does not list. */
type Bookkeeping = { schema_migrations: { name: string; applied_at: string } };

export async function migrateToLatest(db: Db, dialect: DialectName, list: Migration[] = migrations): Promise<string[]> {
  const columns = columnsFor(dialect);
  return db
    .withTables<Bookkeeping>()
    .connection()
    .execute(async (connection) => {
      if (dialect === 'postgres') await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
      try {
        await connection.schema
          .createTable('schema_migrations')
          .ifNotExists()
          .addColumn('name', 'text', (col) => col.primaryKey())
          .addColumn('applied_at', 'text', (col) => col.notNull())
          .execute();
        const applied = new Set(
          (await connection.selectFrom('schema_migrations').select('name').execute()).map((row) => row.name),
        );
        const ran: string[] = [];
        for (const migration of list) {
          if (applied.has(migration.name)) continue;
          await connection.transaction().execute(async (trx) => {
            await migration.up(trx, columns);
            await trx
              .insertInto('schema_migrations')
              .values({ name: migration.name, applied_at: new Date().toISOString() })
              .execute();
          });
          ran.push(migration.name);
        }
        return ran;
      } finally {
        if (dialect === 'postgres') await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
      }
    });
}
