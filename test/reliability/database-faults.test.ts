/**
 * When the database goes away for a while (PostgreSQL restarts, the SQLite disk fills), requests get
 * a clear 503 with Retry-After, never a 500; no data is corrupted; and service comes back by itself.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_AUTH_CONFIG } from '../../src/config/env.js';
import { openDatabase } from '../../src/db/database.js';
import { prepareDatabase, DEFAULT_TOPOLOGY } from '../../src/db/prepare.js';
import { postgresUrl } from '../helpers/databases.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/app.js';
import { as, ensureUser, signIn, THEME, type Session } from '../helpers/actors.js';

const note = (n: number) => `Muistiinpano ${n} `.repeat(200).slice(0, 3900);

describe('SQLite disk full', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await ensureUser(t.database.db, 'faults', [{ role: 'admin' }]);
    admin = await signIn(t.app, 'faults');
  }, 30_000);
  afterAll(async () => t?.close());

  it('answers 503 with Retry-After while the disk is full, keeps what was saved, and recovers', async () => {
    const { db } = t.database;
    const pages = Number((await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]!.page_count);
    // The database may not grow: the same error SQLite gives when the disk is full.
    await sql.raw(`pragma max_page_count = ${pages + 2}`).execute(db);
    const created: string[] = [];
    let full: { statusCode: number; headers: Record<string, unknown>; body: string } | null = null;
    for (let i = 0; i < 200 && !full; i++) {
      const key = `full-${i}`;
      const response = await as(t.app, admin, {
        method: 'POST',
        url: '/api/v1/calls',
        payload: { key, theme: THEME, name: { fi: `Haku ${i}` }, note: note(i) },
      });
      if (response.statusCode === 201) created.push(key);
      else full = response;
    }
    expect(full, 'the disk never filled').not.toBeNull();
    expect(full!.statusCode, full!.body).toBe(503);
    expect(Number(full!.headers['retry-after'])).toBeGreaterThan(0);
    expect(full!.body).not.toMatch(/SQLITE|node_modules/);
    // Reads still work, and everything acknowledged is there.
    for (const key of created)
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/calls/${key}` })).statusCode).toBe(200);
    expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows[0]!.integrity_check).toBe(
      'ok',
    );
    // Space is freed: the next write succeeds with no restart.
    await sql.raw('pragma max_page_count = 1073741823').execute(db);
    const after = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/calls',
      payload: { key: 'after-full', theme: THEME, name: { fi: 'Haku' } },
    });
    expect(after.statusCode).toBe(201);
  }, 60_000);
});

describe.skipIf(!postgresUrl)('PostgreSQL connections lost', () => {
  const schema = `faults_${randomUUID().replaceAll('-', '')}`;
  const applicationName = `teemaseuranta-faults-${randomUUID().slice(0, 8)}`;
  let admin: Session;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const setup = new pg.Client({ connectionString: postgresUrl });
    await setup.connect();
    await setup.query(`create schema ${schema}`);
    await setup.end();
    const url = new URL(postgresUrl!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    url.searchParams.set('application_name', applicationName);
    const handle = openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 5 });
    await prepareDatabase(handle, { datasetDir: 'data/2024', topologyPath: DEFAULT_TOPOLOGY });
    app = await buildApp(
      { db: handle.db, dialect: 'postgres', clock: () => FIXED_NOW, auth: DEFAULT_AUTH_CONFIG },
      { logLevel: 'silent' },
    );
    await app.ready();
    await ensureUser(handle.db, 'faults', [{ role: 'admin' }]);
    admin = await signIn(app, 'faults');
    close = async () => {
      await app.close();
      await handle.close();
      const drop = new pg.Client({ connectionString: postgresUrl });
      await drop.connect();
      await drop.query(`drop schema ${schema} cascade`);
      await drop.end();
    };
  }, 60_000);
  afterAll(async () => close?.());

  /** What a restart does to the application's connections: the server ends every one of them. */
  async function dropConnections(): Promise<number> {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const result = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
      [applicationName],
    );
    await admin.end();
    return result.rowCount ?? 0;
  }

  it('answers 503 (never 500) while connections are cut under load, loses no acknowledged write, and recovers', async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let n = 0;
    const writer = async () => {
      for (let i = 0; i < 25; i++) {
        const key = `cut-${n++}`;
        const response = await as(app, admin, {
          method: 'POST',
          url: '/api/v1/calls',
          payload: { key, theme: THEME, name: { fi: key } },
        });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode === 201) acknowledged.push(key);
        else if (response.statusCode === 503) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        if (i % 8 === 4) await dropConnections();
      }
    };
    await Promise.all(Array.from({ length: 6 }, writer));
    expect(
      [...statuses.keys()].every((s) => s === 201 || s === 503),
      JSON.stringify([...statuses]),
    ).toBe(true);
    // Service is back without any manual step, and every acknowledged write is there.
    const after = await as(app, admin, {
      method: 'POST',
      url: '/api/v1/calls',
      payload: { key: 'after-cut', theme: THEME, name: { fi: 'Haku' } },
    });
    expect(after.statusCode).toBe(201);
    for (const key of acknowledged)
      expect((await app.inject({ method: 'GET', url: `/api/v1/calls/${key}` })).statusCode).toBe(200);
    expect(acknowledged.length).toBeGreaterThan(0);
  }, 120_000);
});
