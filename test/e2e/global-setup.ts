/**
 * Once for the browser tests: build the web application (vite build into dist/web) and prepare a
 * fresh SQLite database with the 2024 data, users with known passwords and the reporting periods
 * (each theme gets a draft report). Each test file starts its own server on a copy of it
 * (test/e2e/server.ts), which it finds through `inject('templateDatabase')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../../src/db/prepare.js';
import { buildWebApp, DEFAULT_WEB_ROOT } from '../../src/server/modules/web/web-app.js';
import { createUser } from '../../src/server/modules/users/create-user.js';
import { ZReportingPeriodInput } from '../../src/contracts/reports.js';
import { createReportingPeriod } from '../../src/server/modules/reports/create-reporting-period.js';
import { E2E_PASSWORD, E2E_PERIODS, E2E_USERS } from './users.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The SQLite file each test file's server starts on a copy of (closed, checkpointed). */
    templateDatabase: string;
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
  project.provide('templateDatabase', sqlitePath);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
