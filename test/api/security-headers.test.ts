/** The security headers every answer carries (see src/server/plugins/security-headers.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { signIn, ensureUser } from '../helpers/actors.js';

describe('security headers', () => {
  let t: TestApp;
  let tls: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    tls = await createTestApp('sqlite', { auth: { secureCookies: true } });
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    await tls?.close();
  });

  it('sends a strict policy with no inline or evaluated scripts, no framing, no sniffing', async () => {
    for (const url of ['/api/v1/themes', '/api/v1/nothing-here', '/health/live']) {
      const response = await t.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      const scripts = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
      expect(scripts).toBe("'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS when served over TLS', async () => {
    const response = await tls.app.inject({ method: 'GET', url: '/api/v1/themes' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });

  it('keeps signed-in answers out of shared caches', async () => {
    await ensureUser(t.database.db, 'headers', []);
    const session = await signIn(t.app, 'headers');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: session.cookie },
    });
    expect(response.headers['cache-control']).toBe('private, no-store');
  });
});
