/**
 * Issue 13, class 10: offboarding. The administrator disables an account, ends a role assignment and
 * forces a password reset, in the API and on the command line (the browser: e2e/users.test.ts). Each
 * ends the person's sessions at once, not at their idle timeout, and is in the trail; a refused
 * attempt changes nothing. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, signIn, TEST_PASSWORD, THEME, type Session } from '../helpers/actors.js';
import { parseEnv } from '../../src/config/env.js';
import { runUser } from '../../src/cli/user.js';

describe.each(DIALECTS)('offboarding on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: () => new Date() });
    await ensureUser(t.database.db, 'paakayttaja', [{ role: 'admin' }]);
    for (const name of ['lahtija', 'siirtyja', 'nollattava', 'cli-lahtija', 'cli-siirtyja', 'cli-nollattava'])
      await ensureUser(t.database.db, name, [{ role: 'finance_expert', theme: THEME }]);
    admin = await signIn(t.app, 'paakayttaja');
  }, 60_000);
  afterAll(async () => t?.close());

  const alive = async (session: Session) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: session.cookie } }))
      .statusCode === 200;
  const login = (username: string, password = TEST_PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const trail = async (username: string) => {
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'before'])
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(user.id))
      .where('action', 'in', ['disable', 'enable', 'end_role', 'password_reset'])
      .orderBy('id')
      .execute();
  };
  const cli = (...args: string[]) =>
    runUser(
      parseEnv(
        t.database.config.kind === 'sqlite'
          ? { SQLITE_PATH: t.database.config.path, LOAD_DATASET: 'false' }
          : { DATABASE_URL: t.database.config.url, LOAD_DATASET: 'false' },
      ),
      args,
    );
  // Each write on a day of its own: a second entry for one date is a correction (issue 15).
  let day = 0;
  const writeFinance = (session: Session) =>
    as(t.app, session, {
      method: 'POST',
      url: `/api/v1/themes/${THEME}/finance`,
      payload: {
        asOf: `2025-02-${String(++day).padStart(2, '0')}`,
        frame: null,
        reserved: null,
        committed: null,
        paid: null,
        reason: 'Testi',
      },
    });

  it('disables an account in the API: every session ends at once, no sign-in, in the trail; and back', async () => {
    const here = await signIn(t.app, 'lahtija');
    const there = await signIn(t.app, 'lahtija');
    const refused = await as(t.app, here, {
      method: 'PUT',
      url: '/api/v1/admin/users/paakayttaja/disabled',
      payload: { disabled: true },
    });
    expect(refused.statusCode).toBe(403);
    const disabled = await as(t.app, admin, {
      method: 'PUT',
      url: '/api/v1/admin/users/lahtija/disabled',
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(204);
    expect(await alive(here)).toBe(false);
    expect(await alive(there)).toBe(false);
    const live = await t.database.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('revoked_at', 'is', null)
      .where(
        'user_id',
        '=',
        (
          await t.database.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', 'lahtija')
            .executeTakeFirstOrThrow()
        ).id,
      )
      .execute();
    expect(live).toEqual([]);
    const signInAgain = await login('lahtija');
    expect(signInAgain.statusCode).toBe(401);
    expect(signInAgain.json().detail).toBe((await login('ei-ole-olemassa', 'väärin')).json().detail);
    const listed = (await as(t.app, admin, { method: 'GET', url: '/api/v1/admin/users' })).json().items;
    expect(listed.find((u: { username: string }) => u.username === 'lahtija').disabled).toBe(true);
    expect(
      (
        await as(t.app, admin, {
          method: 'PUT',
          url: '/api/v1/admin/users/lahtija/disabled',
          payload: { disabled: false },
        })
      ).statusCode,
    ).toBe(204);
    expect((await login('lahtija')).statusCode).toBe(200);
    expect((await trail('lahtija')).map((e) => [e.action, e.actor])).toEqual([
      ['disable', 'paakayttaja'],
      ['enable', 'paakayttaja'],
    ]);
  });

  it('does not let the administrator disable their own account', async () => {
    const self = await as(t.app, admin, {
      method: 'PUT',
      url: '/api/v1/admin/users/paakayttaja/disabled',
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(422);
    expect(await alive(admin)).toBe(true);
  });

  it('ends one role assignment in the API: the sessions end, the new one has no access, the trail keeps it', async () => {
    const before = await signIn(t.app, 'siirtyja');
    expect((await writeFinance(before)).statusCode).toBe(201);
    const wrong = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/admin/users/siirtyja/roles/end',
      payload: { role: 'theme_coordinator', theme: THEME },
    });
    expect(wrong.statusCode).toBe(404);
    expect(await alive(before)).toBe(true);
    const ended = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/admin/users/siirtyja/roles/end',
      payload: { role: 'finance_expert', theme: THEME },
    });
    expect(ended.statusCode).toBe(204);
    expect(await alive(before)).toBe(false);
    const after = await signIn(t.app, 'siirtyja');
    expect((await writeFinance(after)).statusCode).toBe(403);
    const [entry] = await trail('siirtyja');
    expect(entry!.action).toBe('end_role');
    expect(JSON.parse(entry!.before!)).toMatchObject({ role: 'finance_expert', theme: THEME });
  });

  it('forces a password reset in the API: a temporary password shown once, the old one and the sessions end', async () => {
    const before = await signIn(t.app, 'nollattava');
    const reset = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/admin/users/nollattava/password',
      payload: {},
    });
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json() as { temporaryPassword: string };
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(16);
    expect(await alive(before)).toBe(false);
    expect((await login('nollattava')).statusCode).toBe(401);
    const temporarySignIn = await login('nollattava', temporaryPassword);
    expect(temporarySignIn.statusCode).toBe(200);
    expect(temporarySignIn.json().passwordChangeRequired).toBe(true);
    expect((await trail('nollattava')).map((e) => e.action)).toEqual(['password_reset']);
    // The temporary password lets the person in to choose their own, and to nothing else.
    const temporary = await signIn(t.app, 'nollattava', temporaryPassword);
    const held = await writeFinance(temporary);
    expect(held.statusCode).toBe(403);
    expect(held.json().detail).toMatch(/väliaikaisella salasanalla/);
    const changed = await as(t.app, temporary, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: temporaryPassword, newPassword: 'Oma-uusi-salasana-2026' },
    });
    expect(changed.statusCode).toBe(204);
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: temporary.cookie },
    });
    expect(session.json().passwordChangeRequired).toBe(false);
    expect((await writeFinance(temporary)).statusCode).toBe(201);
  });

  it('does all three on the command line, with the same effects and trail', async () => {
    const leaving = await signIn(t.app, 'cli-lahtija');
    expect(await cli('disable', 'cli-lahtija')).toBe(0);
    expect(await alive(leaving)).toBe(false);
    expect((await login('cli-lahtija')).statusCode).toBe(401);

    const moving = await signIn(t.app, 'cli-siirtyja');
    expect(await cli('end-role', 'cli-siirtyja', '--role', 'finance_expert', '--theme', THEME)).toBe(0);
    expect(await alive(moving)).toBe(false);
    expect((await writeFinance(await signIn(t.app, 'cli-siirtyja'))).statusCode).toBe(403);

    const resetting = await signIn(t.app, 'cli-nollattava');
    expect(await cli('passwd', 'cli-nollattava')).toBe(0);
    expect(await alive(resetting)).toBe(false);
    expect((await login('cli-nollattava')).statusCode).toBe(401);

    for (const [name, action] of [
      ['cli-lahtija', 'disable'],
      ['cli-siirtyja', 'end_role'],
      ['cli-nollattava', 'password_reset'],
    ] as const) {
      const entries = await trail(name);
      expect(entries.map((e) => e.action)).toEqual([action]);
      expect(entries[0]!.actor).toMatch(/^cli:/);
    }
    expect(await cli('disable', 'ei-ketaan')).toBe(2);
  });
});
