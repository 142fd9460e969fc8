/**
 * Backups and restores: a consistent copy of a running SQLite database taken while the server
 * writes, restored by starting a server on it; and a full dump restored into an empty database of
 * the same kind gives the same content hash, on SQLite and PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../../src/db/prepare.js';
import { contentHash, dumpDatabase, restoreDatabase, RestoreError } from '../../src/db/backup/full-dump.js';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import { createTestApp } from '../helpers/app.js';
import { as, ensureUser, signIn, TEST_PASSWORD, THEME } from '../helpers/actors.js';
import { killHard, startServerProcess } from '../helpers/server-process.js';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe.each(DIALECTS)('dump and restore on %s', (dialect) => {
  it('restores a full dump into an empty database with the same content hash', async () => {
    // A source with more than the dataset: users, sessions, trail entries, a new snapshot, a call.
    const source = await createTestApp(dialect);
    const target = await createTestDatabase(dialect, { migrateOnly: true });
    try {
      await ensureUser(source.database.db, 'dumper', [{ role: 'admin' }]);
      const admin = await signIn(source.app, 'dumper');
      expect(
        (
          await as(source.app, admin, {
            method: 'POST',
            url: '/api/v1/calls',
            payload: { key: 'dumped', theme: THEME, name: { fi: 'Ääkköset “lainausmerkit” 😀' }, budget: 105541040 },
          })
        ).statusCode,
      ).toBe(201);
      const lines: string[] = [];
      for await (const line of dumpDatabase(source.database.db, dialect)) lines.push(line);
      expect(lines.length).toBeGreaterThan(1000);

      const restored = await restoreDatabase(
        target.db,
        dialect,
        (async function* () {
          yield* lines;
        })(),
      );
      expect(restored.rows).toBe(lines.length - 1 - restored.tables);
      expect(await contentHash(target.db, dialect)).toBe(await contentHash(source.database.db, dialect));

      // A restored database works: ids continue after the restored ones, the trail is still guarded.
      const again = await target.db
        .insertInto('audit_log')
        .values({
          at: '2026-11-23T10:00:00.000Z',
          actor_id: null,
          actor: 'test',
          action: 'restore',
          entity_type: 'database',
          entity_id: '1',
          before: null,
          after: null,
          reason: null,
          ip: null,
          request_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const max = await target.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      expect(Number(again.id)).toBe(Number(max.id));
      await expect(sql`delete from audit_log`.execute(target.db)).rejects.toThrow(/append-only/);

      // Restoring over data is refused, and changes nothing.
      await expect(
        restoreDatabase(
          target.db,
          dialect,
          (async function* () {
            yield* lines;
          })(),
        ),
      ).rejects.toThrow(RestoreError);
    } finally {
      await source.close();
      await target.destroy();
    }
  }, 120_000);
});

describe('SQLite backup of a running server', () => {
  it('copies a consistent snapshot while writes go on, and a server starts on the copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-backup-'));
    dirs.push(dir);
    const live = join(dir, 'live.sqlite');
    const copy = join(dir, 'backup.sqlite');
    const setup = openDatabase({ kind: 'sqlite', path: live });
    await prepareDatabase(setup, { datasetDir: 'data/2024', topologyPath: DEFAULT_TOPOLOGY });
    await ensureUser(setup.db, 'backup-writer', [{ role: 'admin' }]);
    await setup.close();

    const server = await startServerProcess({ SQLITE_PATH: live });
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'backup-writer', password: TEST_PASSWORD }),
      });
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const acknowledged: string[] = [];
      let writing = true;
      let n = 0;
      const writer = async () => {
        while (writing) {
          const key = `backup-${n++}`;
          const response = await fetch(`${server.url}/api/v1/calls`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
            body: JSON.stringify({ key, theme: THEME, name: { fi: key } }),
          });
          if (response.status === 201) acknowledged.push(key);
        }
      };
      const writers = Promise.all([writer(), writer(), writer()]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = [...acknowledged];
      const { stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'backup', copy], {
        env: { ...process.env, SQLITE_PATH: live },
      });
      expect(stderr).toMatch(/Backed up/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      writing = false;
      await writers;
      expect(acknowledged.length).toBeGreaterThan(before.length);

      const backup = openDatabase({ kind: 'sqlite', path: copy });
      try {
        expect(
          (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(backup.db)).rows[0]!.integrity_check,
        ).toBe('ok');
        const keys = new Set(
          (await backup.db.selectFrom('calls').select('key').where('key', 'like', 'backup-%').execute()).map(
            (r) => r.key,
          ),
        );
        expect(before.filter((key) => !keys.has(key))).toEqual([]);
        // A snapshot: each call in it has its audit entry (nothing half copied).
        const calls = await backup.db.selectFrom('calls').select('id').where('key', 'like', 'backup-%').execute();
        const trail = await backup.db
          .selectFrom('audit_log')
          .select('entity_id')
          .where('entity_type', '=', 'call')
          .where('action', '=', 'create')
          .where('actor', '=', 'backup-writer')
          .execute();
        expect(trail.map((r) => Number(r.entity_id)).sort((a, b) => a - b)).toEqual(
          calls.map((r) => Number(r.id)).sort((a, b) => a - b),
        );
      } finally {
        await backup.close();
      }
    } finally {
      await killHard(server);
    }

    // Restore: the copy is a database file; a server starts on it and serves its data.
    const restored = await startServerProcess({ SQLITE_PATH: copy });
    try {
      const themes = (await (await fetch(`${restored.url}/api/v1/themes`)).json()) as { items: unknown[] };
      expect(themes.items).toHaveLength(12);
    } finally {
      await killHard(restored);
    }
  }, 120_000);

  it('refuses to overwrite an existing file, and refuses on PostgreSQL with directions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-backup-'));
    dirs.push(dir);
    const handle = openDatabase({ kind: 'sqlite', path: join(dir, 'a.sqlite') });
    await migrateToLatest(handle.db, 'sqlite');
    await handle.close();
    await expect(
      run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'backup', join(dir, 'a.sqlite')], {
        env: { ...process.env, SQLITE_PATH: join(dir, 'a.sqlite') },
      }),
    ).rejects.toMatchObject({ code: 2 });
    await expect(
      run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'backup', join(dir, 'b.sqlite')], {
        env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      }),
    ).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});
