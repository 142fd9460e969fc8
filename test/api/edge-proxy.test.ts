/**
 * Behind a proxy (issue 12, item 4): TRUST_PROXY says whom to believe about the client's address and
 * scheme, never everybody. With a trusted proxy the sign-in counters, the audit trail and the
 * session cookie follow the client; without one, X-Forwarded-* headers change nothing. Real routes,
 * on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../src/config/env.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../../src/server/modules/auth/sessions.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ensureUser, TEST_PASSWORD, THEME } from '../helpers/actors.js';
import { DIALECTS } from '../helpers/databases.js';

const PROXY = '10.0.0.7';

describe('TRUST_PROXY', () => {
  const trustProxy = (value: string | undefined) => parseEnv({ TRUST_PROXY: value }).TRUST_PROXY;

  it('takes false, a hop count or proxy addresses and networks', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('10.0.0.7, 10.1.0.0/16,::1,fd00::/8')).toEqual(['10.0.0.7', '10.1.0.0/16', '::1', 'fd00::/8']);
  });

  it('refuses blind trust at start with what to give instead', () => {
    expect(() => trustProxy('true')).toThrow(ConfigError);
    expect(() => trustProxy('true')).toThrow(/TRUST_PROXY: .*number of proxies.*\(e\.g\. 1\).*addresses/);
  });

  it('refuses what is neither a hop count nor an address', () => {
    expect(() => trustProxy('proxy.example')).toThrow(/TRUST_PROXY: not an IP address or network.*proxy\.example/);
    expect(() => trustProxy('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
    expect(() => trustProxy('99')).toThrow(/hop count/);
  });
});

describe.each(DIALECTS)('behind a proxy on %s', (dialect) => {
  let behindProxy: TestApp;
  let direct: TestApp;
  let listed: TestApp;

  beforeAll(async () => {
    [behindProxy, direct, listed] = await Promise.all([
      createTestApp(dialect, { edge: { trustProxy: 1 } }),
      createTestApp(dialect),
      createTestApp(dialect, { edge: { trustProxy: ['10.0.0.0/24'] } }),
    ]);
    for (const t of [behindProxy, direct, listed])
      await ensureUser(t.database.db, 'veera', [{ role: 'finance_expert', theme: THEME }]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([behindProxy?.close(), direct?.close(), listed?.close()]);
  });

  const login = (
    t: TestApp,
    username: string,
    password: string,
    headers: Record<string, string>,
    remoteAddress = PROXY,
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      headers,
      remoteAddress,
    });

  const auditAddresses = async (t: TestApp, action: string, actor?: string) => {
    let query = t.database.db.selectFrom('audit_log').select('ip').where('action', '=', action);
    if (actor) query = query.where('actor', '=', actor);
    return (await query.execute()).map((row) => row.ip);
  };

  it("counts failed sign-ins per forwarded client: 30 of them do not stop another client's sign-in", async () => {
    const attackers = Array.from({ length: 30 }, (_, i) => `198.51.100.${i + 1}`);
    for (const [i, address] of attackers.entries()) {
      const failed = await login(behindProxy, `nobody-${i}`, 'wrong password', { 'x-forwarded-for': address });
      expect(failed.statusCode).toBe(401);
    }
    const client = '203.0.113.50';
    const ok = await login(behindProxy, 'veera', TEST_PASSWORD, { 'x-forwarded-for': client });
    expect(ok.statusCode).toBe(200);

    // The audit trail has the clients' own addresses, not the proxy's.
    expect((await auditAddresses(behindProxy, 'sign_in_failed')).sort()).toEqual([...attackers].sort());
    expect(await auditAddresses(behindProxy, 'sign_in', 'veera')).toEqual([client]);
    const sessions = await behindProxy.database.db.selectFrom('sessions').select('ip').execute();
    expect(sessions.map((s) => s.ip)).toEqual([client]);
  });

  it('believes only the hop the proxy added: an address the client made up in front is not taken', async () => {
    const response = await login(behindProxy, 'spoofer', 'wrong', { 'x-forwarded-for': '192.0.2.1, 203.0.113.99' });
    expect(response.statusCode).toBe(401);
    expect(await auditAddresses(behindProxy, 'sign_in_failed', 'spoofer')).toEqual(['203.0.113.99']);
  });

  it('with a list of proxies, believes X-Forwarded-For only from those addresses', async () => {
    await login(listed, 'via-proxy', 'wrong', { 'x-forwarded-for': '203.0.113.7' }, '10.0.0.9');
    await login(listed, 'not-via-proxy', 'wrong', { 'x-forwarded-for': '203.0.113.8' }, '192.0.2.44');
    expect(await auditAddresses(listed, 'sign_in_failed', 'via-proxy')).toEqual(['203.0.113.7']);
    expect(await auditAddresses(listed, 'sign_in_failed', 'not-via-proxy')).toEqual(['192.0.2.44']);
  });

  it('over TLS at the proxy sets a Secure __Host- cookie that then signs the client in, and HSTS', async () => {
    const response = await login(behindProxy, 'veera', TEST_PASSWORD, {
      'x-forwarded-for': '203.0.113.51',
      'x-forwarded-proto': 'https',
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SECURE_SESSION_COOKIE);
    expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true, sameSite: 'Lax' });
    expect(cookie!.domain).toBeUndefined();
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);

    const session = await behindProxy.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `${SECURE_SESSION_COOKIE}=${cookie!.value}`, 'x-forwarded-proto': 'https' },
      remoteAddress: PROXY,
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.username).toBe('veera');
  });

  it('over plain HTTP at the proxy the cookie is neither Secure nor __Host-', async () => {
    const response = await login(behindProxy, 'veera', TEST_PASSWORD, {
      'x-forwarded-for': '203.0.113.52',
      'x-forwarded-proto': 'http',
    });
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBeFalsy();
    expect(response.cookies.find((c) => c.name === SECURE_SESSION_COOKIE)).toBeUndefined();
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('without TRUST_PROXY ignores X-Forwarded-For and X-Forwarded-Proto', async () => {
    const failed = await login(direct, 'forger', 'wrong', {
      'x-forwarded-for': '203.0.113.60',
      'x-forwarded-proto': 'https',
    });
    expect(failed.statusCode).toBe(401);
    expect(await auditAddresses(direct, 'sign_in_failed', 'forger')).toEqual([PROXY]);

    const ok = await login(direct, 'veera', TEST_PASSWORD, {
      'x-forwarded-for': '203.0.113.61',
      'x-forwarded-proto': 'https',
    });
    expect(ok.statusCode).toBe(200);
    expect(await auditAddresses(direct, 'sign_in', 'veera')).toEqual([PROXY]);
    expect(ok.cookies.find((c) => c.name === SECURE_SESSION_COOKIE)).toBeUndefined();
    expect(ok.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBeFalsy();
    expect(ok.headers['strict-transport-security']).toBeUndefined();
  });
});
