/**
 * Issue 13, class 3: changing one's password proves the current one, so it is throttled and audited
 * like a sign-in (it was not: 7 wrong current passwords in a row got 422 at once and left no trail).
 * A stolen session must not become a way to guess the password. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, signIn, TEST_PASSWORD } from '../helpers/actors.js';
import { DELAY_RULES } from '../../src/domain/sign-in-delays.js';

const PARALLEL = 60;

describe.each(DIALECTS)('password change throttling on %s', (dialect) => {
  let t: TestApp;
  let now = new Date('2026-11-23T08:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: () => now });
    await ensureUser(t.database.db, 'vaihtaja', []);
    await ensureUser(t.database.db, 'jakaja', []);
  }, 60_000);
  afterAll(async () => t?.close());

  const actions = async (username: string) => {
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(user.id))
      .execute();
    const counts: Record<string, number> = {};
    for (const { action } of rows) counts[action] = (counts[action] ?? 0) + 1;
    return counts;
  };

  it(`evaluates only the free guesses of ${PARALLEL} wrong current passwords sent at once, each in the trail`, async () => {
    const session = await signIn(t.app, 'vaihtaja');
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        as(t.app, session, {
          method: 'POST',
          url: '/api/v1/auth/password',
          payload: { currentPassword: `väärä-${i}`, newPassword: 'Uusi-pitkä-salasana-2026' },
        }),
      ),
    );
    const evaluated = answers.filter((a) => a.statusCode === 422).length;
    const refused = answers.filter((a) => a.statusCode === 429).length;
    console.info(
      `[figures] ${dialect}: ${PARALLEL} parallel password changes with a wrong current password: ${evaluated} evaluated, ${refused} refused`,
    );
    expect(evaluated).toBe(DELAY_RULES.accountFromAddress.free);
    expect(refused).toBe(PARALLEL - evaluated);
    expect(answers.find((a) => a.statusCode === 429)!.headers['retry-after']).toBeDefined();
    const trail = await actions('vaihtaja');
    expect(trail.password_change_failed).toBe(evaluated);
    expect(trail.password_change_throttled).toBe(refused);
    expect(trail.password_change).toBeUndefined();
    // The right current password waits too while the delay runs, and the password is unchanged.
    const right = await as(t.app, session, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Uusi-pitkä-salasana-2026' },
    });
    expect(right.statusCode).toBe(429);
    now = new Date(now.getTime() + Number(right.headers['retry-after']) * 1000);
    expect((await signIn(t.app, 'vaihtaja', TEST_PASSWORD)).cookie).toBeTruthy();
  });

  it('shares one count with signing in: guesses through the form and through sign-in add up', async () => {
    const session = await signIn(t.app, 'jakaja');
    for (let i = 0; i < 3; i++)
      expect(
        (
          await as(t.app, session, {
            method: 'POST',
            url: '/api/v1/auth/password',
            payload: { currentPassword: `väärä-${i}`, newPassword: 'Uusi-pitkä-salasana-2026' },
          })
        ).statusCode,
      ).toBe(422);
    const login = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'jakaja', password } });
    for (let i = 3; i < DELAY_RULES.accountFromAddress.free; i++)
      expect((await login(`väärä-${i}`)).statusCode).toBe(401);
    expect((await login('väärä-viimeinen')).statusCode).toBe(429);
  });
});
