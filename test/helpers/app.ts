/** A built application over a fresh test database, closed after the suite. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_AUTH_CONFIG, type AuthConfig } from '../../src/config/env.js';
import type { DialectName } from '../../src/db/database.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export type TestApp = { app: FastifyInstance; database: TestDatabase; close: () => Promise<void> };

export const FIXED_NOW = new Date('2026-11-23T10:00:00.000Z');

export type TestAppOptions = { clock?: () => Date; auth?: Partial<AuthConfig> };

export async function createTestApp(dialect: DialectName, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const app = await buildApp(
    {
      db: database.db,
      dialect: database.dialect,
      clock: options.clock ?? (() => FIXED_NOW),
      auth: { ...DEFAULT_AUTH_CONFIG, ...options.auth },
    },
    { logLevel: 'silent' },
  );
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}
