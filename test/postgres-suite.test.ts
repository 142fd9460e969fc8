/**
 * Says plainly whether the PostgreSQL half of the suite runs, and fails in CI when it does not.
 * When it runs, it leaves a marker that .ci/run checks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, postgresUrl } from './helpers/databases.js';

describe('PostgreSQL suite', () => {
  if (!postgresUrl) {
    console.warn(
      '\n  PostgreSQL suite SKIPPED: set TEST_DATABASE_URL=postgres://… to run every storage test on PostgreSQL too.\n',
    );
    // CI's Node 24 step runs on SQLite on purpose (decision 0012) and says so with
    // TEST_SQLITE_ONLY=1; every other run in CI must have PostgreSQL.
    const sqliteOnByChoice = process.env.TEST_SQLITE_ONLY === '1';
    it.runIf(process.env.CI === 'true' && !sqliteOnByChoice)('runs in CI (TEST_DATABASE_URL must be set there)', () => {
      expect(postgresUrl, 'TEST_DATABASE_URL is not set in CI').toBeDefined();
    });
    it.skip('runs against PostgreSQL', () => {});
    return;
  }

  it('runs against a real PostgreSQL server', async () => {
    const database = await createTestDatabase('postgres', { dataset: false });
    try {
      const { rows } = await sql<{ version: string }>`select version() as version`.execute(database.db);
      expect(rows[0]!.version).toMatch(/^PostgreSQL/);
      mkdirSync('var', { recursive: true });
      writeFileSync('var/postgres-suite-ran', `${new Date().toISOString()} ${rows[0]!.version}\n`);
    } finally {
      await database.destroy();
    }
  });
});
