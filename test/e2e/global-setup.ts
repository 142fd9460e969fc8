/**
 * Once for the browser tests: build the web application (vite build into dist/web), prepare a fresh
 * SQLite database with the 2024 data, users with known passwords and the reporting periods (each
 * theme gets a draft report), start a real SMTP server (the `smtp-server` package) on a loopback port
 * as the mail sink, and start the real server on a free loopback port, sending its mail there. The
 * tests get the server's address through `inject('baseUrl')`, and read the mail that arrived (each
 * message written by the sink as a JSON file) from `inject('mailDir')` (test/e2e/mail.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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
import { startSmtp } from '../helpers/smtp.js';
import { E2E_PASSWORD, E2E_PERIODS, E2E_USERS } from './users.js';
import { startRegisterServer } from '../helpers/register-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the SMTP sink writes each message that arrived, as JSON (ReceivedMail of test/helpers/smtp.ts). */
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

  // The mail sink: a real SMTP server; the tests run in other processes, so it writes what arrives
  // to a folder, one file a message in the order of arrival.
  const mailDir = join(dir, 'mail');
  mkdirSync(mailDir);
  let arrived = 0;
  const smtp = await startSmtp({
    onMail: (mail) => writeFileSync(join(mailDir, `${String(++arrived).padStart(6, '0')}.json`), JSON.stringify(mail)),
  });

  // The port is chosen first so that PUBLIC_URL, which makes the links in the mail, can name it.
  const port = await freePort();
  const env = parseEnv({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    HOST: '127.0.0.1',
    SQLITE_PATH: sqlitePath,
    DEMO_USERS: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    // Every browser test comes from one address; the rate limit has tests of its own (test/api/edge-limits).
    RATE_LIMIT_MAX: '0',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Teemaseuranta <teemaseuranta@e2e.example.fi>',
    MAIL_POLL_SECONDS: '1',
    REGISTER_URL: register.url,
    REGISTER_TIMEOUT_SECONDS: '2',
  });
  const server = await startServer(env, { web: 'built', webRoot: DEFAULT_WEB_ROOT });
  project.provide('baseUrl', server.url);
  project.provide('mailDir', mailDir);
  return async () => {
    await server.stop();
    await register.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  };
}

/** A loopback port nobody listens on now (asked of the system, then given back). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
