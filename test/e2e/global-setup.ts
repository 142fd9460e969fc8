/**
 * Once for the browser tests: build the web application (vite build into dist/web), prepare a fresh
 * SQLite database with the 2024 data, users with known passwords and the reporting periods (each
 * theme gets a draft report), and start the real server on a free loopback port. The tests get its address through `inject('baseUrl')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { parseEnv } from '../../src/config/env.js';
import { openDatabase } from '../../src/db/database.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../../src/db/prepare.js';
import { startServer } from '../../src/server/server.js';
import { buildWebApp, DEFAULT_WEB_ROOT } from '../../src/server/modules/web/web-app.js';
import { createUser } from '../../src/server/modules/users/create-user.js';
import { ZReportingPeriodInput } from '../../src/contracts/reports.js';
import { createReportingPeriod } from '../../src/server/modules/reports/create-reporting-period.js';
import { E2E_PASSWORD, E2E_PERIODS, E2E_USERS } from './users.js';
import { startRegisterServer } from '../helpers/register-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the server writes its mail (.eml files): no SMTP server in the browser tests. */
    mailDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWebApp(DEFAULT_WEB_ROOT);
  const dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-e2e-'));
  const sqlitePath = join(dir, 'e2e.sqlite');
  const handle = openDatabase({ kind: 'sqlite', path: sqlitePath });
  await prepareDatabase(handle, { datasetDir: 'data/2024', topologyPath: DEFAULT_TOPOLOGY });
  const audit = { actorId: null, actor: 'system:e2e', ip: null, requestId: null, at: new Date().toISOString() };
  for (const user of E2E_USERS) await createUser(handle.db, audit, { ...user, password: E2E_PASSWORD });
  // Opened as the managing authority would, through the use case (the server is not up yet).
  const managingAuthority = {
    kind: 'user' as const,
    userId: 0,
    username: 'system:e2e',
    displayName: 'e2e',
    roles: [{ role: 'admin' as const, ministry: null, themeId: null, steeringGroupId: null }],
  };
  for (const period of Object.values(E2E_PERIODS)) {
    await createReportingPeriod(
      { db: handle.db, actor: managingAuthority, audit },
      ZReportingPeriodInput.parse(period),
    );
  }
  await handle.close();
  // The organisation register: a stand-in of the YTJ open-data API on loopback (made-up companies).
  const register = await startRegisterServer();

  const env = parseEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    SQLITE_PATH: sqlitePath,
    DEMO_USERS: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    // Every browser test comes from one address; the rate limit has tests of its own (test/api/edge-limits).
    RATE_LIMIT_MAX: '0',
    // Development mail (no SMTP here) goes to the run's own folder, not the checkout's var/mail.
    MAIL_DIR: join(dir, 'mail'),
    MAIL_POLL_SECONDS: '1',
    REGISTER_URL: register.url,
    REGISTER_TIMEOUT_SECONDS: '2',
  });
  const server = await startServer(env, { web: 'built', webRoot: DEFAULT_WEB_ROOT });
  project.provide('baseUrl', server.url);
  project.provide('mailDir', join(dir, 'mail'));
  return async () => {
    await server.stop();
    await register.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
