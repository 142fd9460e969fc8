/**
 * Single sign-on against a real OpenID provider (the `oidc-provider` package) started on loopback in
 * the test (helpers/oidc-provider.ts): the browser's part of the flow is followed by hand; the token
 * exchange is the application's own request to the provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let issuer: string;
let t: TestApp;

beforeAll(async () => {
  provider = await startProvider();
  issuer = provider.issuer;
  t = await createTestApp('sqlite', { clock: () => new Date(), auth: oidcSettings(issuer) });
  const system = { actorId: null, actor: 'test-setup', ip: null, requestId: null, at: new Date().toISOString() };
  await createUser(t.database.db, system, {
    username: 'anna.virtanen',
    displayName: 'Anna Virtanen',
    email: 'Anna@example.fi',
    roles: [{ role: 'admin' }],
  });
}, 30_000);

afterAll(async () => {
  await t?.close();
  await provider?.close();
});

/** One browser: its cookies go with every request to the application. */
function browser() {
  const cookies = new BrowserCookies();
  return {
    cookies,
    get: async (url: string) => {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies.header } });
      cookies.keep(response);
      return response;
    },
  };
}

describe('single sign-on through OpenID Connect', () => {
  it('tells the web app that single sign-on is available', async () => {
    const options = await t.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    expect(options.json()).toEqual({ password: true, singleSignOn: true });
  });

  it('signs in a provisioned user, linked by verified e-mail on the first sign-in and by subject after', async () => {
    for (const round of [1, 2]) {
      const b = browser();
      const start = await b.get('/api/v1/auth/oidc/start?returnTo=/fi/themes/lanupe');
      expect(start.statusCode).toBe(302);
      const authorize = new URL(start.headers.location as string);
      expect(authorize.origin).toBe(issuer);
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');

      const callback = await browseProvider(authorize.href, 'anna');
      const back = await b.get(`${callback.pathname}${callback.search}`);
      expect(back.statusCode, back.body).toBe(303);
      expect(back.headers.location).toBe('/fi/themes/lanupe');
      const cookie = back.cookies.find((c) => c.name === SESSION_COOKIE)!;
      expect(cookie.httpOnly).toBe(true);
      const session = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` },
      });
      expect(session.statusCode, `round ${round}`).toBe(200);
      expect(session.json()).toMatchObject({ user: { username: 'anna.virtanen' } });
    }
    const user = await t.database.db
      .selectFrom('users')
      .select(['oidc_issuer', 'oidc_subject'])
      .where('username', '=', 'anna.virtanen')
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ oidc_issuer: issuer, oidc_subject: 'anna' });
  }, 30_000);

  it('refuses a person the provider knows but who has no account here', async () => {
    const b = browser();
    const start = await b.get('/api/v1/auth/oidc/start');
    const callback = await browseProvider(start.headers.location as string, 'tuntematon');
    const back = await b.get(`${callback.pathname}${callback.search}`);
    expect(back.statusCode).toBe(403);
    expect(back.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  }, 30_000);

  it('refuses a callback whose flow was not started here, or is replayed', async () => {
    const b = browser();
    const start = await b.get('/api/v1/auth/oidc/start');
    const callback = await browseProvider(start.headers.location as string, 'anna');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-a-state-we-issued');
    expect((await b.get(`${forged.pathname}${forged.search}`)).statusCode).toBe(422);
    const startCookie = b.cookies.header;
    expect((await b.get(`${callback.pathname}${callback.search}`)).statusCode).toBe(303);
    // The replay, even with the starting browser's cookie as it was.
    const replay = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: startCookie },
    });
    expect(replay.statusCode).toBe(422);
  }, 30_000);

  it('never redirects back to another site', async () => {
    const b = browser();
    const start = await b.get('/api/v1/auth/oidc/start?returnTo=//evil.example/');
    const callback = await browseProvider(start.headers.location as string, 'anna');
    const back = await b.get(`${callback.pathname}${callback.search}`);
    expect(back.headers.location).toBe('/');
  }, 30_000);
});
