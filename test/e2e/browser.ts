/**
 * What the browser tests share: one Debian Chromium per test file, a fresh context (its own cookies)
 * per journey against the real server of global-setup.ts, the page's h1, waiting until a page has
 * settled, and the axe scan (WCAG 2.1 A and AA) worded as one line per violation.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '../../src/documents/pdf/chromium.js';

export type BrowserSession = { context: BrowserContext; page: Page };

/** Launches Chromium for the calling test file (closed after it) and returns how to open a page. */
export function useBrowser(): { newPage: () => Promise<BrowserSession>; browser: () => Browser } {
  const baseUrl = inject('baseUrl');
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
    newPage: async () => {
      const context = await opened().newContext({ baseURL: baseUrl, locale: 'fi-FI' });
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
