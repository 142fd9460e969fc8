/** A built application over a fresh test database, closed after the suite. */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import type { PdfRenderer } from '../../src/documents/pdf/pdf-pool.js';
import { DEFAULT_AUTH_CONFIG, type AuthConfig, type MailConfig, type RegisterConfig } from '../../src/config/env.js';
import type { DialectName } from '../../src/db/database.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export type TestApp = { app: FastifyInstance; database: TestDatabase; close: () => Promise<void> };

export const FIXED_NOW = new Date('2026-11-23T10:00:00.000Z');

export type TestAppOptions = {
  clock?: () => Date;
  auth?: Partial<AuthConfig>;
  pdf?: PdfRenderer;
  /** Where mail goes, as the server would tell the app from the environment (the mail page shows it). */
  mail?: MailConfig;
  /** The limits at the edge, as the server would set them from the environment. */
  edge?: Pick<AppOptions, 'trustProxy' | 'rateLimit' | 'timeouts'>;
  /** The organisation register (a fixture server started by the test); none by default. */
  register?: RegisterConfig;
};

export async function createTestApp(dialect: DialectName, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const app = await buildApp(
    {
      db: database.db,
      dialect: database.dialect,
      clock: options.clock ?? (() => FIXED_NOW),
      auth: { ...DEFAULT_AUTH_CONFIG, ...options.auth },
      ...(options.pdf && { pdf: options.pdf }),
      ...(options.register && { register: options.register }),
      ...(options.mail && { mail: options.mail }),
    },
    { logLevel: 'silent', ...options.edge },
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
