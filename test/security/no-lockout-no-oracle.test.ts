/**
 * Issue 13, class 2: no lock that anyone can set on someone else's account, and nothing that tells
 * a known account from an unknown one. Growing delays per account and per address instead of a hard
 * 15-minute lock renewed by one more guess; the same answers, delays and words for an unknown, a
 * known and a disabled account; the wait in words; people in public JSON by display name, never by
 * username. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ensureUser, signIn, TEST_PASSWORD, THEME } from '../helpers/actors.js';
import { createUser } from '../../src/server/modules/users/create-user.js';
import { DELAY_RULES } from '../../src/domain/sign-in-delays.js';

describe.each(DIALECTS)('no lockout as a weapon, no account oracle on %s', (dialect) => {
  let t: TestApp;
  let now = new Date('2026-11-23T08:00:00.000Z');
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: () => now });
    for (const name of ['tunnettu', 'omistaja', 'kaikkialta', 'odottaja', 'suljettu'])
      await ensureUser(t.database.db, name, []);
    await t.database.db
      .updateTable('users')
      .set({ disabled_at: now.toISOString() })
      .where('username', '=', 'suljettu')
      .execute();
  }, 60_000);
  afterAll(async () => t?.close());

  const login = (username: string, password: string, remoteAddress: string, lang = 'fi') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress,
      headers: { 'accept-language': lang },
    });
  const throttleRows = () => t.database.db.selectFrom('sign_in_throttle').selectAll().orderBy('key').execute();

  it('answers an unknown, a known and a disabled account alike: statuses, waits and words', async () => {
    const run = async (username: string, address: string) => {
      const seen: string[] = [];
      for (let i = 0; i < DELAY_RULES.accountFromAddress.free + 3; i++) {
        const answer = await login(username, `väärin-${i}`, address);
        seen.push(`${answer.statusCode} ${answer.headers['retry-after'] ?? '-'} ${answer.json().detail}`);
      }
      return seen;
    };
    const known = await run('tunnettu', '198.51.100.1');
    const unknown = await run('ei-ketaan-talla-nimella', '198.51.100.2');
    // A disabled account answers a right password as a wrong one.
    const disabled = await run('suljettu', '198.51.100.3');
    expect(unknown).toEqual(known);
    expect(disabled).toEqual(known);
    expect(known.filter((s) => s.startsWith('429')).length).toBe(3);
    const rightButDisabled = await login('suljettu', TEST_PASSWORD, '198.51.100.4');
    const wrongUnknown = await login('ei-ketaan-2', 'väärin', '198.51.100.4');
    expect(rightButDisabled.statusCode).toBe(401);
    expect(rightButDisabled.json().detail).toBe(wrongUnknown.json().detail);
  });

  it('delays instead of locking: the wait grows step by step, and a refused attempt changes nothing', async () => {
    const address = '198.51.100.10';
    for (let i = 0; i < DELAY_RULES.accountFromAddress.free; i++)
      expect((await login('odottaja', `väärin-${i}`, address)).statusCode).toBe(401);
    const first = await login('odottaja', 'väärin', address);
    expect(first.statusCode).toBe(429);
    expect(Number(first.headers['retry-after'])).toBe(1);
    // Hammering during the wait is refused and leaves no trace but its audit entry: no count, no longer wait.
    const before = await throttleRows();
    for (let i = 0; i < 20; i++) expect((await login('odottaja', `väärin-x${i}`, address)).statusCode).toBe(429);
    expect(await throttleRows()).toEqual(before);
    advance(1000);
    // One more wrong guess after the wait: the next wait is the next step (2 s), not a fresh 15-minute lock.
    expect((await login('odottaja', 'väärin', address)).statusCode).toBe(401);
    expect(Number((await login('odottaja', 'väärin', address)).headers['retry-after'])).toBe(2);
    advance(2000);
    expect((await login('odottaja', TEST_PASSWORD, address)).statusCode).toBe(200);
  });

  it('does not make the owner wait for a guesser at another address', async () => {
    for (let i = 0; i < 15; i++) await login('omistaja', `väärin-${i}`, '203.0.113.66');
    expect((await login('omistaja', 'väärin', '203.0.113.66')).statusCode).toBe(429);
    expect((await login('omistaja', TEST_PASSWORD, '198.51.100.20')).statusCode).toBe(200);
  });

  it('makes the owner wait at most a minute for guessers spread over many addresses', async () => {
    // Each guess from a new address, as soon as the account's wait allows: the account's own count grows.
    for (let i = 0; i < DELAY_RULES.account.free + 10; i++) {
      const guess = await login('kaikkialta', `väärin-${i}`, `10.1.${Math.floor(i / 4)}.${i}`);
      if (guess.statusCode === 429) {
        advance(Number(guess.headers['retry-after']) * 1000);
        expect((await login('kaikkialta', `väärin-${i}`, `10.2.${Math.floor(i / 4)}.${i}`)).statusCode).toBe(401);
      }
    }
    const owner = await login('kaikkialta', TEST_PASSWORD, '198.51.100.30');
    expect(owner.statusCode).toBe(429);
    expect(Number(owner.headers['retry-after'])).toBeLessThanOrEqual(DELAY_RULES.account.capMs / 1000);
    advance(Number(owner.headers['retry-after']) * 1000);
    expect((await login('kaikkialta', TEST_PASSWORD, '198.51.100.30')).statusCode).toBe(200);
  });

  it('says how long to wait, in the language asked', async () => {
    const address = '198.51.100.40';
    for (let i = 0; i < DELAY_RULES.accountFromAddress.free; i++) await login('tunnettu-2', `väärin-${i}`, address);
    const words = {
      fi: /Yritä uudelleen 1 sekunnin kuluttua/,
      sv: /Försök igen om 1 sekund\b/,
      en: /Try again in 1 second\b/,
    };
    for (const [lang, pattern] of Object.entries(words)) {
      const answer = await login('tunnettu-2', 'väärin', address, lang);
      expect(answer.statusCode).toBe(429);
      expect(answer.json().detail).toMatch(pattern);
      expect(answer.json().retryAfter).toBe(1);
    }
  });

  it('shows who recorded the figures by display name in public JSON and the export, never by username', async () => {
    const system = { actorId: null, actor: 'test-setup', ip: null, requestId: null, at: now.toISOString() };
    await createUser(t.database.db, system, {
      username: 'salainen.tunnus',
      displayName: 'Rahoitusasiantuntija (LANUPE)',
      password: TEST_PASSWORD,
      roles: [{ role: 'finance_expert', theme: THEME }],
    });
    const session = await signIn(t.app, 'salainen.tunnus');
    const recorded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/themes/${THEME}/finance`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { asOf: '2025-01-31', frame: null, reserved: null, committed: null, paid: null, reason: 'Testi' },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    for (const url of [`/api/v1/themes/${THEME}`, '/api/v1/export']) {
      const body = (await t.app.inject({ method: 'GET', url })).body;
      expect(body, url).not.toContain('salainen.tunnus');
      if (url.includes('themes')) expect(body).toContain('Rahoitusasiantuntija (LANUPE)');
    }
  });
});
