/**
 * Fresh databases for tests: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. Every call
 * gives a database of its own (a new SQLite file; a new schema on PostgreSQL), migrated and loaded
 * with the 2024 dataset, so test files never share state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DialectName } from '../../src/db/database.js';
import type { DatabaseConfig } from '../../src/config/env.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../../src/db/prepare.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const postgresUrl = process.env.TEST_DATABASE_URL;

/** The databases every storage test runs on. */
export const DIALECTS: DialectName[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** `config` opens the same database again, e.g. for the command line under test. */
export type TestDatabase = DatabaseHandle & { config: DatabaseConfig; destroy: () => Promise<void> };

/**
 * `dataset: false` leaves out the 2024 data (reference data such as counties is still loaded);
 * `migrateOnly: true` gives the schema and nothing else, as a new database is before anything loads.
 */
export async function createTestDatabase(
  dialect: DialectName,
  options: { dataset?: boolean; migrateOnly?: boolean } = {},
): Promise<TestDatabase> {
  let handle: DatabaseHandle;
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-test-'));
    config = { kind: 'sqlite', path: join(dir, 'test.sqlite') };
    handle = openDatabase(config);
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    config = { kind: 'postgres', url: url.toString() };
    handle = openDatabase(config, { poolSize: 5 });
    cleanup = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  }
  if (options.migrateOnly) await migrateToLatest(handle.db, handle.dialect);
  else
    await prepareDatabase(handle, {
      datasetDir: options.dataset === false ? undefined : 'data/2024',
      topologyPath: DEFAULT_TOPOLOGY,
    });
  return {
    ...handle,
    config,
    destroy: async () => {
      await handle.close();
      await cleanup();
    },
  };
}
