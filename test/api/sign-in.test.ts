/**
 * Signing in and out, sessions and their expiry, CSRF, throttling and password changes, through the
 * real routes with a clock the test moves. On SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, signIn, TEST_PASSWORD, THEME } from '../helpers/actors.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../../src/server/modules/auth/sessions.js';
import { DELAY_RULES } from '../../src/domain/sign-in-delays.js';
import { DEFAULT_AUTH_CONFIG } from '../../src/config/env.js';

describe.each(DIALECTS)('signing in on %s', (dialect) => {
  let t: TestApp;
  let now = new Date('2026-11-23T08:00:00.000Z');
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: () => now });
    for (const name of ['anna', 'bertil', 'cecilia', 'daniel', 'eeva'])
      await ensureUser(t.database.db, name, [{ role: 'finance_expert', theme: THEME }]);
  }, 60_000);
  afterAll(async () => t?.close());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });
  const whoAmI = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });

  it('sets an HttpOnly, SameSite=Lax session cookie and answers who is signed in', async () => {
    const response = await login('anna', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.value.length).toBeGreaterThanOrEqual(32);
    const session = await whoAmI(`${SESSION_COOKIE}=${cookie.value}`);
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({
      user: { username: 'anna' },
      roles: [expect.objectContaining({ role: 'finance_expert' })],
    });
  });

  it('marks the cookie Secure behind TLS', async () => {
    const secure = await createTestApp(dialect, { auth: { secureCookies: true } });
    try {
      await ensureUser(secure.database.db, 'anna', []);
      const response = await secure.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'anna', password: TEST_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === SECURE_SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('answers a wrong password and an unknown user the same way, in the language asked', async () => {
    const wrong = await login('anna', 'väärin', { 'accept-language': 'sv' });
    const unknown = await login('nobody', 'väärin', { 'accept-language': 'sv' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.json().detail).toMatch(/lösenord/i);
  });

  it('gives a new session on every sign-in and ends the one the browser had (no session fixation)', async () => {
    const first = await signIn(t.app, 'bertil');
    const second = await as(t.app, first, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'bertil', password: TEST_PASSWORD },
    });
    expect(second.statusCode).toBe(200);
    const renewed = second.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    expect(`${SESSION_COOKIE}=${renewed}`).not.toBe(first.cookie);
    expect((await whoAmI(first.cookie)).statusCode).toBe(401);
    expect((await whoAmI(`${SESSION_COOKIE}=${renewed}`)).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated write without the session CSRF token', async () => {
    const session = await signIn(t.app, 'cecilia');
    const write = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/themes/${THEME}/finance`,
        headers: { cookie: session.cookie, ...headers },
        payload: { asOf: '2025-01-31', frame: null, reserved: null, committed: null, paid: null, reason: 'CSRF' },
      });
    expect((await write({})).statusCode).toBe(403);
    expect((await write({ 'x-csrf-token': 'x'.repeat(session.csrf.length) })).statusCode).toBe(403);
    expect((await write({ 'x-csrf-token': session.csrf })).statusCode).toBe(201);
  });

  it('ends the session on sign-out', async () => {
    const session = await signIn(t.app, 'cecilia');
    const out = await as(t.app, session, { method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect((await whoAmI(session.cookie)).statusCode).toBe(401);
  });

  it('ends a session that has been idle too long, and any session at its absolute lifetime', async () => {
    const idle = await signIn(t.app, 'daniel');
    advance(DEFAULT_AUTH_CONFIG.sessionIdleMs - 60_000);
    expect((await whoAmI(idle.cookie)).statusCode).toBe(200);
    advance(DEFAULT_AUTH_CONFIG.sessionIdleMs + 60_000);
    expect((await whoAmI(idle.cookie)).statusCode).toBe(401);

    const busy = await signIn(t.app, 'daniel');
    const step = DEFAULT_AUTH_CONFIG.sessionIdleMs / 2;
    let elapsed = 0;
    while (elapsed + step < DEFAULT_AUTH_CONFIG.sessionAbsoluteMs) {
      advance(step);
      elapsed += step;
      expect((await whoAmI(busy.cookie)).statusCode).toBe(200);
    }
    advance(step);
    expect((await whoAmI(busy.cookie)).statusCode).toBe(401);
  });

  it(`slows an account down after ${DELAY_RULES.accountFromAddress.free} wrong passwords, then lets it in again`, async () => {
    const free = DELAY_RULES.accountFromAddress.free;
    for (let i = 0; i < free; i++) expect((await login('eeva', `väärin-${i}`)).statusCode).toBe(401);
    const waiting = await login('eeva', TEST_PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    expect(waiting.json().retryAfter).toBe(Number(waiting.headers['retry-after']));
    advance(Number(waiting.headers['retry-after']) * 1000);
    expect((await login('eeva', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('changes a password: the current one is checked, the policy applies, other sessions end', async () => {
    await ensureUser(t.database.db, 'fredrik', []);
    const here = await signIn(t.app, 'fredrik');
    const elsewhere = await signIn(t.app, 'fredrik');
    const change = (currentPassword: string, newPassword: string) =>
      as(t.app, here, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword, newPassword } });
    const wrongCurrent = await change('väärin', 'Uusi-pitkä-salasana-2026');
    expect(wrongCurrent.statusCode).toBe(422);
    expect(wrongCurrent.json().errors[0].name).toBe('currentPassword');
    const weak = await change(TEST_PASSWORD, 'lyhyt');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].name).toBe('newPassword');
    expect((await change(TEST_PASSWORD, 'Uusi-pitkä-salasana-2026')).statusCode).toBe(204);
    expect((await whoAmI(here.cookie)).statusCode).toBe(200);
    expect((await whoAmI(elsewhere.cookie)).statusCode).toBe(401);
    expect((await login('fredrik', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('fredrik', 'Uusi-pitkä-salasana-2026')).statusCode).toBe(200);
  });

  it('stores passwords only as argon2id hashes', async () => {
    const rows = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('password_hash', 'is not', null)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(TEST_PASSWORD);
    }
  });

  it('records every sign-in, failed sign-in and sign-out in the audit trail', async () => {
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'user')
      .execute();
    const seen = new Set(actions.map((a) => a.action));
    for (const action of ['sign_in', 'sign_in_failed', 'sign_out', 'password_change']) expect(seen).toContain(action);
  });
});
