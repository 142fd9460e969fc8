/**
 * Single sign-on against a real OpenID provider (the `oidc-provider` package) started on loopback in
 * the test: the browser's part of the flow is followed by hand (redirects, the provider's login and
 * consent forms); the token exchange is the application's own request to the provider.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { SESSION_COOKIE } from '../../src/server/modules/auth/sessions.js';
import { createUser } from '../../src/server/modules/users/create-user.js';

const PUBLIC_URL = 'http://127.0.0.1:39999';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const CLIENT = { clientId: 'teemaseuranta', clientSecret: 'testisalaisuus-joka-on-riittavan-pitka' };

let provider: Server;
let issuer: string;
let t: TestApp;

beforeAll(async () => {
  provider = createServer();
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // Every login name is an account whose e-mail is <name>@example.fi, verified.
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: `${sub}@example.fi`, email_verified: true }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['testiavain-evasteille'] },
  });
  provider.on('request', oidc.callback());
  t = await createTestApp('sqlite', {
    clock: () => new Date(),
    auth: { oidc: { issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: REDIRECT_URI } },
  });
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
  await new Promise((resolve) => provider?.close(resolve));
});

/** The browser: follows the provider's redirects and fills its login and consent forms. */
async function browseProvider(start: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let request: { url: string; method: string; body?: string } = { url: start, method: 'GET' };
  for (let step = 0; step < 20; step++) {
    const response = await fetch(request.url, {
      method: request.method,
      redirect: 'manual',
      headers: {
        cookie: cookieHeader(),
        ...(request.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: request.body,
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, request.url);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      request = { url: next.href, method: 'GET' };
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${request.url}: ${response.status} ${html.slice(0, 200)}`);
    const fields = new URLSearchParams();
    for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
      fields.set(name!, value!);
    if (html.includes('name="login"')) {
      fields.set('login', login);
      fields.set('password', 'mikä-tahansa');
    }
    request = {
      url: new URL(action.replaceAll('&amp;', '&'), request.url).href,
      method: 'POST',
      body: fields.toString(),
    };
  }
  throw new Error('the provider never redirected back');
}

describe('single sign-on through OpenID Connect', () => {
  it('tells the web app that single sign-on is available', async () => {
    const options = await t.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    expect(options.json()).toEqual({ password: true, singleSignOn: true });
  });

  it('signs in a provisioned user, linked by verified e-mail on the first sign-in and by subject after', async () => {
    for (const round of [1, 2]) {
      const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start?returnTo=/fi/themes/lanupe' });
      expect(start.statusCode).toBe(302);
      const authorize = new URL(start.headers.location as string);
      expect(authorize.origin).toBe(issuer);
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');

      const callback = await browseProvider(authorize.href, 'anna');
      const back = await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
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
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    const callback = await browseProvider(start.headers.location as string, 'tuntematon');
    const back = await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
    expect(back.statusCode).toBe(403);
    expect(back.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  }, 30_000);

  it('refuses a callback whose flow was not started here, or is replayed', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    const callback = await browseProvider(start.headers.location as string, 'anna');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-a-state-we-issued');
    expect((await t.app.inject({ method: 'GET', url: `${forged.pathname}${forged.search}` })).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` })).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` })).statusCode).toBe(422);
  }, 30_000);

  it('never redirects back to another site', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start?returnTo=//evil.example/' });
    const callback = await browseProvider(start.headers.location as string, 'anna');
    const back = await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
    expect(back.headers.location).toBe('/');
  }, 30_000);
});
