/**
 * A real OpenID provider (the `oidc-provider` package) on loopback for single sign-on tests, and the
 * browser's part of the flow followed by hand: the provider's redirects, its login and consent forms.
 * Every login name is an account whose e-mail is <name>@example.fi, verified.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { LightMyRequestResponse } from 'fastify';

export const PUBLIC_URL = 'http://127.0.0.1:39999';
export const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
export const CLIENT = { clientId: 'teemaseuranta', clientSecret: 'testisalaisuus-joka-on-riittavan-pitka' };

export type TestProvider = { issuer: string; close: () => Promise<void> };

export async function startProvider(): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: `${sub}@example.fi`, email_verified: true }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['testiavain-evasteille'] },
  });
  server.on('request', oidc.callback());
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The auth settings that point the application at the provider. */
export const oidcSettings = (issuer: string) => ({
  oidc: { issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: REDIRECT_URI },
});

/** The cookies one browser holds for the application (name → value), as a Cookie header. */
export class BrowserCookies {
  private readonly jar = new Map<string, string>();
  keep(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() <= Date.now()))
        this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
  }
  get header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** The browser at the provider: follows its redirects and fills its login and consent forms. */
export async function browseProvider(start: string, login: string): Promise<URL> {
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
