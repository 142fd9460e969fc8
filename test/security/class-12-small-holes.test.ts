/**
 * The small ones of the security issue (class 12) that are this file's: `%` and `_` in a search
 * match literally on both databases; Fastify's own 400 for a broken percent encoding is a problem
 * document like every other 400; and the minutes HTML, opened in real Chromium with the service's
 * own headers, loads its embedded font with no Content-Security-Policy violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, GROUP, signIn, THEME, type Session } from '../helpers/actors.js';
import { launchChromium } from '../../src/documents/pdf/chromium.js';
import { SESSION_COOKIE } from '../../src/server/modules/auth/sessions.js';

const MEETING = 'lanupe-johtoryhma-2023-1';

describe.each(DIALECTS)('search wildcards on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'test-admin', [{ role: 'admin' }]);
    admin = await signIn(t.app, 'test-admin');
    for (const [key, name] of [
      ['wild-percent', 'Sata%Oy'],
      ['wild-under', 'Ala_viiva ry'],
      ['wild-plain', 'Sataa Oy'],
      ['wild-plain2', 'Alaxviiva ry'],
    ] as const) {
      const created = await as(t.app, admin, {
        method: 'POST',
        url: '/api/v1/organisations',
        payload: { key, name: { fi: name } },
      });
      expect(created.statusCode).toBe(201);
    }
    const project = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        key: 'wild-project',
        theme: THEME,
        kind: 'single',
        name: { fi: 'Hanke 100% ja a_b' },
        projects: [{ implementer: 'wild-plain', role: 'main' }],
      },
    });
    expect(project.statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => t?.close());

  const organisations = async (q: string) =>
    (
      (await t.app.inject({ url: `/api/v1/organisations?q=${encodeURIComponent(q)}&limit=200` })).json() as {
        items: { key: string }[];
      }
    ).items.map((o) => o.key);
  const projects = async (q: string, theme?: string) =>
    (
      (
        await t.app.inject({
          url: `/api/v1/projects?q=${encodeURIComponent(q)}&limit=200${theme ? `&theme=${theme}` : ''}`,
        })
      ).json() as { items: { key: string }[] }
    ).items.map((p) => p.key);

  it('% and _ in an organisation search are characters, not wildcards', async () => {
    expect(await organisations('sata%')).toEqual(['wild-percent']);
    expect(await organisations('%')).toEqual(['wild-percent']);
    expect(await organisations('a_v')).toEqual(['wild-under']);
    expect(await organisations('_')).toEqual(['wild-under']);
    expect(await organisations('\\')).toEqual([]);
  });

  it('% and _ in a project search are characters, through the index and through a narrowed filter', async () => {
    for (const theme of [undefined, THEME]) {
      expect(await projects('100%', theme)).toEqual(['wild-project']);
      expect(await projects('%', theme)).toEqual(['wild-project']);
      expect(await projects('a_b', theme)).toEqual(['wild-project']);
      expect(await projects('_', theme)).toEqual(['wild-project']);
    }
    // Plain words still go through the index and still match.
    expect(await projects('hanke 100')).toContain('wild-project');
  });
});

describe('Fastify’s own client errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it.each(['/api/v1/themes/%E0%A4%A', '/api/v1/projects/%', '/api/v1/themes/%zz/figures'])(
    'a broken percent encoding (%s) is a 400 problem document in the request’s language',
    async (url) => {
      const response = await t.app.inject({ url, headers: { 'accept-language': 'sv' } });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = response.json() as { status: number; title: string; errors: { name: string; reason: string }[] };
      expect(problem.status).toBe(400);
      expect(problem.title).toBe('Felaktig begäran');
      expect(problem.errors[0]!.name).toBe('path');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    },
  );
});

describe('the minutes HTML under the service’s own CSP, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let secretary: Session;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await ensureUser(t.database.db, 'test-secretary', [{ role: 'steering_group_secretary', steeringGroup: GROUP }]);
    secretary = await signIn(t.app, 'test-secretary');
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each(['fi', 'sv'])('loads its embedded font with no CSP violation (%s)', async (lang) => {
    const context = await browser.newContext();
    await context.addCookies([
      { name: SESSION_COOKIE, value: secretary.cookie.split('=')[1]!, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
    ]);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto(`${baseUrl}/api/v1/meetings/${MEETING}/minutes/html?lang=${lang}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/font-src data:/);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      await Promise.all([...document.fonts].map((font) => font.load().catch(() => null)));
      return [...document.fonts].map((font) => `${font.family} ${font.weight} ${font.status}`);
    });
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.endsWith('loaded'))).toEqual([]);
    expect(violations).toEqual([]);
    // No script runs in a stand-alone document: an injected one would be refused too.
    const scriptRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.append(script);
      return (window as { __ran?: boolean }).__ran === true;
    });
    expect(scriptRan).toBe(false);
    await context.close();
  });
});
