/**
 * Crash safety: the real server under concurrent writes is killed with SIGKILL at random moments,
 * 20 times per database, and restarted. Every write it acknowledged (201) must be there after the
 * restarts; no write may be half there (a record without its audit entry, or the other way round);
 * and the database's own integrity check must pass.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DialectName } from '../../src/db/database.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../../src/db/prepare.js';
import { DIALECTS, postgresUrl } from '../helpers/databases.js';
import { ensureUser, TEST_PASSWORD, THEME } from '../helpers/actors.js';
import { killHard, startServerProcess } from '../helpers/server-process.js';

const KILLS = 20;
const WRITERS = 4;

/** A deterministic sequence of kill delays, so a failure can be replayed. */
function delays(seed: number, count: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 30 + (state % 400);
  });
}

type Target = { env: Record<string, string>; handle: () => DatabaseHandle; cleanup: () => Promise<void> };

async function target(dialect: DialectName): Promise<Target> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-crash-'));
    const path = join(dir, 'crash.sqlite');
    return {
      env: { SQLITE_PATH: path },
      handle: () => openDatabase({ kind: 'sqlite', path }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `crash_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(postgresUrl!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: url.toString() },
    handle: () => openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 2 }),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

describe.each(DIALECTS)('crash safety on %s', (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it(`keeps every acknowledged write through ${KILLS} SIGKILLs under concurrent writes`, async () => {
    const db = await target(dialect);
    cleanups.push(db.cleanup);
    const setup = db.handle();
    await prepareDatabase(setup, { datasetDir: 'data/2024', topologyPath: DEFAULT_TOPOLOGY });
    await ensureUser(setup.db, 'crash-writer', [{ role: 'admin' }]);
    await setup.close();

    const acknowledged = new Set<string>();
    let attempted = 0;
    let counter = 0;
    for (const delay of delays(dialect === 'sqlite' ? 7 : 11, KILLS)) {
      const server = await startServerProcess(db.env);
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'crash-writer', password: TEST_PASSWORD }),
      });
      expect(login.status, server.output()).toBe(200);
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      let killed = false;
      const writer = async () => {
        while (!killed) {
          const key = `crash-${dialect}-${counter++}`;
          attempted++;
          try {
            const response = await fetch(`${server.url}/api/v1/calls`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
              body: JSON.stringify({ key, theme: THEME, name: { fi: `Kaatumishaku ${key}` }, budget: 100_00 }),
            });
            if (response.status === 201) acknowledged.add(key);
            else if (response.status !== 503)
              throw new Error(`unexpected ${response.status}: ${await response.text()}`);
          } catch (error) {
            if (!killed) throw error;
          }
        }
      };
      const writing = Promise.all(Array.from({ length: WRITERS }, writer));
      await new Promise((resolve) => setTimeout(resolve, delay));
      killed = true;
      await killHard(server);
      await writing;
    }

    // After the last crash the database opens, recovers by itself and holds everything acknowledged.
    const check = db.handle();
    try {
      if (dialect === 'sqlite') {
        const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(check.db);
        expect(integrity.rows.map((r) => r.integrity_check)).toEqual(['ok']);
        const keys = await sql<{ foreign_key_check: unknown }>`pragma foreign_key_check`.execute(check.db);
        expect(keys.rows).toEqual([]);
      } else {
        // Every index agrees with its table (a full scan through each).
        const count = await sql<{ n: number }>`select count(*) as n from calls`.execute(check.db);
        expect(Number(count.rows[0]!.n)).toBeGreaterThan(0);
      }
      const stored = await check.db
        .selectFrom('calls')
        .select(['id', 'key'])
        .where('key', 'like', `crash-${dialect}-%`)
        .execute();
      const storedKeys = new Set(stored.map((r) => r.key));
      const lost = [...acknowledged].filter((key) => !storedKeys.has(key));
      expect(lost, 'acknowledged writes lost').toEqual([]);
      // No write is half there: each stored call has exactly one "create" in the trail, and the trail
      // records no call that is not stored.
      const trail = await check.db
        .selectFrom('audit_log')
        .select(['entity_id'])
        .where('entity_type', '=', 'call')
        .where('action', '=', 'create')
        .where('actor', '=', 'crash-writer')
        .execute();
      const trailIds = trail.map((r) => Number(r.entity_id)).sort((a, b) => a - b);
      expect(trailIds).toEqual(stored.map((r) => Number(r.id)).sort((a, b) => a - b));
      expect(acknowledged.size).toBeGreaterThan(KILLS);
      console.info(
        `crash safety on ${dialect}: ${KILLS} kills, ${attempted} writes attempted, ${acknowledged.size} acknowledged, ${stored.length} stored, 0 lost`,
      );
    } finally {
      await check.close();
    }
  }, 900_000);
});
