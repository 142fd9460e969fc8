/**
 * Issue 13, class 12 (the session part): the idle limit counts from the last use, precisely enough
 * that a session used every 20 s lives on under a 1-minute idle limit (it expired: the last use was
 * stored only once a minute), and one left alone ends at the limit. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ensureUser, signIn } from '../helpers/actors.js';

describe.each(DIALECTS)('session touch on %s', (dialect) => {
  let t: TestApp;
  let now = new Date('2026-11-23T08:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: () => now, auth: { sessionIdleMs: 60_000 } });
    await ensureUser(t.database.db, 'aktiivinen', []);
  }, 60_000);
  afterAll(async () => t?.close());

  const alive = async (cookie: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).statusCode === 200;

  it('keeps a session used every 20 s for an hour under a 1-minute idle limit, and ends it a minute after the last use', async () => {
    const { cookie } = await signIn(t.app, 'aktiivinen');
    for (let use = 1; use <= 180; use++) {
      now = new Date(now.getTime() + 20_000);
      expect(await alive(cookie), `use ${use}`).toBe(true);
    }
    now = new Date(now.getTime() + 59_000);
    expect(await alive(cookie)).toBe(true);
    now = new Date(now.getTime() + 60_000);
    expect(await alive(cookie)).toBe(false);
  });
});
