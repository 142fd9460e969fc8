/**
 * What the browser tests share: one Debian Chromium per test file, a fresh context (its own cookies)
 * per journey against the file's own real server (test/e2e/server.ts), the page's h1, waiting until a page has
 * settled, the axe scan (WCAG 2.1 A and AA) worded as one line per violation, and what people do
 * in every journey: sign in on the sign-in page and read their own task list (My tasks).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../src/documents/pdf/chromium.js';
import { useServer } from './server.js';
import { E2E_PASSWORD } from './users.js';

export type BrowserSession = { context: BrowserContext; page: Page };

/**
 * Starts the file's server and launches Chromium for the calling test file (both closed after it),
 * and returns how to open a page, the browser, and the server's address.
 */
export function useBrowser(): {
  newPage: () => Promise<BrowserSession>;
  browser: () => Browser;
  baseUrl: () => string;
} {
  const server = useServer();
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const opened = () => {
    if (!browser) throw new Error('the browser is not launched yet (use newPage inside a test)');
    return browser;
  };
  return {
    browser: opened,
    baseUrl: () => server().url,
    newPage: async () => {
      const context = await opened().newContext({ baseURL: server().url, locale: 'fi-FI' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return { context, page };
    },
  };
}

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** An optional form field by its label (the design system adds "(optional)" to the name). */
export const optionalField = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label} \\(`));

/** Waits for the page's heading and for every part still loading to have arrived. */
export async function settled(page: Page): Promise<void> {
  await heading(page).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-loading]').length === 0);
}

/** axe on the page as it is now; each violation as one line that starts with `label`. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

/** Opens `path` and scans it. */
export async function scanPage(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  return axeViolations(page, path);
}

export type Lang = 'fi' | 'sv';

const SIGN_IN = {
  fi: { username: 'Käyttäjätunnus', password: 'Salasana', submit: 'Kirjaudu', tasks: 'Omat tehtävät' },
  sv: { username: 'Användarnamn', password: 'Lösenord', submit: 'Logga in', tasks: 'Mina uppgifter' },
} as const;

/** The title of My tasks, and its link in the navigation. */
export const TASKS = { fi: SIGN_IN.fi.tasks, sv: SIGN_IN.sv.tasks } as const;

/**
 * Signs in on the sign-in page, as people do (no API call). Without `next` the page leads to My
 * tasks; with a temporary password it asks for a new one first, which the caller fills in.
 */
export async function signInOnPage(
  page: Page,
  lang: Lang,
  username: string,
  options: { password?: string; next?: string } = {},
): Promise<void> {
  const text = SIGN_IN[lang];
  await page.goto(`/${lang}/sign-in${options.next ? `?next=${encodeURIComponent(options.next)}` : ''}`);
  await page.getByLabel(text.username).fill(username);
  await page.getByLabel(text.password, { exact: true }).fill(options.password ?? E2E_PASSWORD);
  await page.getByRole('button', { name: text.submit, exact: true }).click();
  if (!options.next && !options.password) await onTasks(page, lang);
}

/** Waits for My tasks (the start page after sign-in) to have drawn its list. */
export async function onTasks(page: Page, lang: Lang): Promise<void> {
  await page.waitForURL(new RegExp(`/${lang}/tasks$`));
  await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, TASKS[lang]);
  await settled(page);
}

/**
 * Opens My tasks from the navigation, as people go back to it, and waits for the list of this
 * visit (when already there, the page reads its list again: the heading drawn before is marked,
 * and a new one is awaited).
 */
export async function openTasks(page: Page, lang: Lang): Promise<void> {
  await page.evaluate(() => document.querySelector('h1')?.setAttribute('data-earlier-visit', ''));
  await page.getByRole('navigation').getByRole('link', { name: TASKS[lang], exact: true }).first().click();
  await page.waitForFunction(() => {
    const h1 = document.querySelector('h1');
    return h1 !== null && !h1.hasAttribute('data-earlier-visit');
  });
  await onTasks(page, lang);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The items of one group of My tasks (by its heading without the count, e.g. "Kirjoitettavat
 * raportit"), each as its link's text; none when the page has no such group.
 */
export async function tasksIn(page: Page, group: string): Promise<string[]> {
  const region = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(group)} \\(\\d+\\)$`) });
  if ((await region.count()) === 0) return [];
  return (await region.getByRole('listitem').getByRole('link').allTextContents()).map((t) => t.trim());
}

/**
 * With E2E_SCREENSHOTS set to a folder, the page as it is now at 1366 and at 320 px wide (full
 * page), for people to look at; the viewport is put back afterwards. Without it, nothing.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const before = page.viewportSize();
  for (const width of [1366, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
