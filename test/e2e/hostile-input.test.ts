/**
 * Hostile text in the browser: the OWASP XSS filter-evasion payloads and SQL injection strings are
 * stored through the API in call, project, organisation and contact fields of one theme, then every
 * page that shows them is opened in Chromium. No payload may run (no dialog, no script error, no
 * blocked inline script reported by the Content-Security-Policy), and the pages show them as text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/documents/pdf/chromium.js';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.js';
import { useServer } from './server.js';
import { E2E_PASSWORD } from './users.js';

const server = useServer();
const THEME = 'yhteiskunnallisten-yritysten-liiketoimintaedellytysten-parantaminen';
let browser: Browser;
let session: { cookie: string; csrf: string };
const projectKeys: string[] = [];

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server().url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  const login = await fetch(`${server().url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'e2e-admin', password: E2E_PASSWORD }),
  });
  expect(login.status).toBe(200);
  session = {
    cookie: login.headers.getSetCookie()[0]!.split(';')[0]!,
    csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
  };
  const organisation = await api('POST', '/api/v1/organisations', {
    key: 'xss-toteuttaja',
    name: { fi: HOSTILE_STRINGS[0], sv: HOSTILE_STRINGS[1] },
  });
  expect(organisation.status).toBe(201);
  for (const [i, text] of HOSTILE_STRINGS.entries()) {
    if (text.length <= 500) {
      const call = await api('POST', '/api/v1/calls', {
        key: `xss-haku-${i}`,
        theme: THEME,
        name: { fi: text, sv: text },
        note: text,
      });
      expect(call.status, await call.clone().text()).toBe(201);
      const project = await api('POST', '/api/v1/projects', {
        key: `xss-hanke-${i}`,
        theme: THEME,
        kind: 'single',
        name: { fi: text, sv: text },
        projects: [{ implementer: 'xss-toteuttaja', role: 'main' }],
      });
      expect(project.status, await project.clone().text()).toBe(201);
      projectKeys.push(`xss-hanke-${i}`);
    }
    if (text.length <= 200)
      expect(
        (await api('POST', '/api/v1/contacts', { theme: THEME, role: 'coordination', name: text, title: text })).status,
      ).toBe(201);
  }
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const collapse = (text: string) => text.replace(/\s+/g, ' ');

/** Opens a page and reports anything that ran or tried to: dialogs, script errors, CSP reports. */
async function visit(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  return page.locator('main').innerText();
}

describe('hostile text in the browser', () => {
  it('runs nothing and shows every payload as text on every page that lists it', async () => {
    const context = await browser.newContext({ baseURL: server().url });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const incidents: string[] = [];
    page.on('dialog', (dialog) => {
      incidents.push(`dialog on ${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => incidents.push(`script error on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) incidents.push(`CSP on ${page.url()}: ${message.text()}`);
    });

    const shown = new Set<string>();
    const pages = [
      `/fi/themes/${THEME}`,
      `/sv/themes/${THEME}`,
      '/fi/calls',
      `/fi/projects?theme=${THEME}`,
      '/fi/organisations/xss-toteuttaja',
      ...projectKeys.slice(0, 12).map((key) => `/fi/projects/${key}`),
    ];
    for (const path of pages) {
      // HTML shows runs of white space (a tab, double spaces) as one space: compare so.
      const text = collapse(await visit(page, path));
      for (const payload of HOSTILE_STRINGS) if (text.includes(collapse(payload))) shown.add(payload);
    }
    await context.close();
    expect(incidents).toEqual([]);
    // Shown as the very text that was stored: the pages above hold every payload somewhere.
    expect([...HOSTILE_STRINGS].filter((payload) => !shown.has(payload))).toEqual([]);
    console.info(`hostile input: ${HOSTILE_STRINGS.length} payloads, ${pages.length} pages, 0 ran`);
  }, 240_000);
});
