/**
 * The header's search in Chromium against the real server: an inflected Finnish word typed in the
 * header of any page finds its project with the word marked; the Swedish page marks Finnish-only
 * names as such; the results page has no axe violations and does not scroll sideways at 320 px.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, heading, settled, useBrowser } from './browser.js';

const { newPage } = useBrowser();

describe('search in the header', () => {
  it('finds a project by an inflected Finnish word from any page, the word marked', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto('/fi/calls');
      await settled(page);
      const box = page.getByRole('search', { name: 'Hae palvelusta' }).getByRole('searchbox');
      await box.fill('hyvinvoinnin');
      await box.press('Enter');
      await page.waitForURL(/\/fi\/search\?q=hyvinvoinnin$/);
      await page.getByRole('heading', { level: 1, name: 'Haku' }).waitFor();
      const link = page.getByRole('link', { name: /^HOT – Hyvinvointia, osallisuutta/ });
      await link.waitFor();
      expect(await link.locator('mark').allTextContents()).toEqual(['Hyvinvointia']);
      expect(await page.getByRole('status').textContent()).toMatch(/osumaa? haulla ”hyvinvoinnin”/);
      expect(await axeViolations(page, '/fi/search')).toEqual([]);
      await link.click();
      await page.waitForURL(/\/fi\/projects\/maahanmuuttaneiden-toimiva-arki-hot$/);
    } finally {
      await context.close();
    }
  });

  it('in Swedish, marks a name given only in Finnish, and reflows at 320 px', async () => {
    const { context, page } = await newPage();
    try {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto('/sv/search?q=hyvinvoinnin&kind=project');
      await settled(page);
      expect(await heading(page).textContent()).toBe('Sök');
      const item = page.getByRole('listitem').filter({ hasText: 'HOT – Hyvinvointia' });
      await item.waitFor();
      expect(await item.textContent()).toContain('(på finska)');
      expect(await item.locator('[lang="fi"]').count()).toBeGreaterThan(0);
      const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(scrolls).toBe(false);
      expect(await axeViolations(page, '/sv/search (320 px)')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
