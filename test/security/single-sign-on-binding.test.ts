/**
 * Issue 13, class 4: a single sign-on flow is bound to the browser that started it. The start sets a
 * short-lived `__Host-` cookie holding a hash of the state; a callback URL opened in another browser
 * (the login-CSRF of sending someone a callback that signs them in as the attacker) is refused, and
 * the refusal leaves nothing but its audit entry: the starting browser can still finish. Against a
 * real OpenID provider, on SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  BrowserCookies,
  browseProvider,
  oidcSettings,
  startProvider,
  type TestProvider,
} from '../helpers/oidc-provider.js';
import { SESSION_COOKIE } from '../../src/server/modules/auth/sessions.js';
import { createUser } from '../../src/server/modules/users/create-user.js';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startProvider();
});
afterAll(async () => provider?.close());

describe.each(DIALECTS)('single sign-on bound to its browser on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: () => new Date(), auth: oidcSettings(provider.issuer) });
    const system = { actorId: null, actor: 'test-setup', ip: null, requestId: null, at: new Date().toISOString() };
    await createUser(t.database.db, system, {
      username: 'hyokkaaja',
      displayName: 'Hyökkääjä',
      email: 'mallory@example.fi',
      roles: [{ role: 'finance_expert', theme: 'lanupe' }],
    });
  }, 60_000);
  afterAll(async () => t?.close());

  const browser = () => {
    const cookies = new BrowserCookies();
    return {
      cookies,
      get: async (url: string) => {
        const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies.header } });
        cookies.keep(response);
        return response;
      },
    };
  };
  const flows = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('oidc_flows')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('sets a short-lived __Host- cookie with a hash of the state, not the state', async () => {
    const start = await browser().get('/api/v1/auth/oidc/start');
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    const binding = start.cookies.find((c) => c.name === '__Host-ts_sso')!;
    expect(binding).toBeDefined();
    expect(binding.secure).toBe(true);
    expect(binding.httpOnly).toBe(true);
    expect(binding.path).toBe('/');
    expect(binding.domain).toBeUndefined();
    expect(binding.maxAge).toBeLessThanOrEqual(600);
    expect(binding.value).not.toContain(state);
    expect(binding.value).toBe(createHash('sha256').update(state).digest('base64url'));
  });

  it('refuses the callback in another browser, leaving only the audit entry, and lets the starter finish', async () => {
    const attacker = browser();
    const start = await attacker.get('/api/v1/auth/oidc/start');
    const callback = await browseProvider(start.headers.location as string, 'mallory');
    const url = `${callback.pathname}${callback.search}`;
    // The victim's browser has no binding cookie; another browser's cookie does not match either.
    const other = browser();
    await other.get('/api/v1/auth/oidc/start');
    const flowsBefore = await flows();
    const auditBefore = await t.database.db.selectFrom('audit_log').select('id').execute();
    for (const victim of [browser(), other]) {
      const opened = await victim.get(url);
      expect(opened.statusCode).toBe(422);
      expect(opened.json().errors[0].name).toBe('state');
      expect(opened.cookies.find((c) => c.name === SESSION_COOKIE && c.value !== '')).toBeUndefined();
    }
    expect(await flows()).toBe(flowsBefore);
    const added = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where(
        'id',
        'not in',
        auditBefore.map((a) => a.id),
      )
      .execute();
    expect(added).toEqual([
      { action: 'sign_in_failed', reason: expect.stringContaining('starting browser') },
      { action: 'sign_in_failed', reason: expect.stringContaining('starting browser') },
    ]);
    const sessions = await t.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(sessions).toEqual([]);

    // The browser that started the flow finishes it, and its binding cookie is cleared.
    const back = await attacker.get(url);
    expect(back.statusCode, back.body).toBe(303);
    expect(back.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBeTruthy();
    expect(back.cookies.find((c) => c.name === '__Host-ts_sso')?.value).toBe('');
  }, 30_000);
});
