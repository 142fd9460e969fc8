/**
 * Issue 13, class 1: every password guess is counted before its hash is checked, atomically, per
 * account and per client address. 60 guesses sent at once must not all be evaluated (they were: the
 * count was read, the hash checked, the failure written). On SQLite and PostgreSQL.
 *
 * "Evaluated" is a 401 (the hash was checked and did not match); a guess refused unevaluated gets 429.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ensureUser, TEST_PASSWORD } from '../helpers/actors.js';
import { DELAY_RULES } from '../../src/domain/sign-in-delays.js';

const PARALLEL = 60;

describe.each(DIALECTS)('sign-in throttling on %s', (dialect) => {
  let t: TestApp;
  let now = new Date('2026-11-23T08:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: () => now });
    await ensureUser(t.database.db, 'kohde', []);
  }, 60_000);
  afterAll(async () => t?.close());

  const login = (username: string, password: string, remoteAddress = '198.51.100.7') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
  const audits = async (action: string) =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it(`evaluates only the free guesses of ${PARALLEL} sent at once to one account, even with the right one last`, async () => {
    const guesses = Array.from({ length: PARALLEL }, (_, i) =>
      login('kohde', i === PARALLEL - 1 ? TEST_PASSWORD : `väärä-arvaus-${i}`),
    );
    const answers = await Promise.all(guesses);
    const statuses = answers.map((a) => a.statusCode);
    const evaluated = statuses.filter((s) => s === 401).length;
    const refused = statuses.filter((s) => s === 429).length;
    console.info(
      `[figures] ${dialect}: one account, ${PARALLEL} parallel guesses: ${evaluated} evaluated, ${refused} refused`,
    );
    expect(evaluated + refused).toBe(PARALLEL);
    expect(evaluated).toBe(DELAY_RULES.accountFromAddress.free);
    // The right password came when the account was already waiting: not evaluated, no session.
    expect(statuses.at(-1)).toBe(429);
    expect(answers.some((a) => a.cookies.length > 0)).toBe(false);
    // Each evaluated guess and each refusal is in the trail, once.
    expect(await audits('sign_in_failed')).toBe(evaluated);
    expect(await audits('sign_in_throttled')).toBe(refused);
  });

  it(`evaluates only ${DELAY_RULES.address.free} of ${PARALLEL} guesses sent at once from one address at as many accounts`, async () => {
    const address = '203.0.113.50';
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => login(`tili-${i}`, 'väärä-arvaus', address)),
    );
    const evaluated = answers.filter((a) => a.statusCode === 401).length;
    console.info(
      `[figures] ${dialect}: one address, ${PARALLEL} parallel guesses at ${PARALLEL} accounts: ${evaluated} evaluated (limit ${DELAY_RULES.address.free})`,
    );
    expect(evaluated).toBe(DELAY_RULES.address.free);
    expect(answers.filter((a) => a.statusCode === 429).length).toBe(PARALLEL - evaluated);
    // The same address is waiting for any account, also a real one with the right password.
    expect((await login('kohde', TEST_PASSWORD, address)).statusCode).toBe(429);
  });

  it('counts an IPv6 client by its /64, so changing the last bits does not reset the count', async () => {
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        login(`v6-${i}`, 'väärä-arvaus', `2001:db8:aa:bb::${(i + 1).toString(16)}`),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 401).length).toBe(DELAY_RULES.address.free);
  });

  it('lets the sequence continue only at the pace of the delays, and never faster over time', async () => {
    const address = '192.0.2.99';
    let evaluated = 0;
    const start = now.getTime();
    // Ten minutes of a guesser that tries again every second.
    for (let second = 0; second < 600; second++) {
      now = new Date(start + second * 1000);
      if ((await login('kohde-2', `arvaus-${second}`, address)).statusCode === 401) evaluated++;
    }
    console.info(`[figures] ${dialect}: one guess a second for 10 minutes at one account: ${evaluated} evaluated`);
    // 5 free, then waits of 1, 2, 4 … s: 5 + the doublings that fit in 600 s.
    expect(evaluated).toBeLessThanOrEqual(DELAY_RULES.accountFromAddress.free + 10);
    expect(evaluated).toBeGreaterThan(DELAY_RULES.accountFromAddress.free);
  }, 120_000);
});
