/**
 * The finish people expect (issue 21, items 5 and 6), in Chromium against the real server: a page
 * shell before the script runs (the service's name and "Laddar…" on a Swedish address, a noscript
 * text without JavaScript), a failed read that says what happened and reads again on "Försök igen",
 * print without the header, navigation and buttons and with links' addresses, the theme page's
 * contents, provenance in people's words, and Swedish names where the sources or the official
 * registers give them and a visible "(på finska)" with lang="fi" where they do not.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { heading, settled, useBrowser } from './browser.js';

const { newPage, browser, baseUrl } = useBrowser();
const SHOTS = process.env.POLISH_SHOTS; // a folder to keep screenshots in for a person to look at

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const width of [1366, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}-view.png` });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe('the page shell', () => {
  it('without JavaScript: the service name, the loading line and the noscript text in the address’s language', async () => {
    const context = await browser().newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto('/sv/themes/lanupe');
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await expect.poll(() => page.getByText('Temauppföljning', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByText('Förnyande och kompetent Finland 2021–2027 – nationella teman').isVisible()).toBe(true);
    // Only the page's language is in the shell's loading line.
    expect(await page.getByRole('status').innerText()).toBe('Laddar…');
    expect(await page.locator('[lang="sv"]', { hasText: 'Temauppföljningen behöver JavaScript' }).isVisible()).toBe(
      true,
    );
    expect(await page.locator('noscript a[href="/api/v1/export"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('on a slow first load: the shell shows at once, and the app replaces it', async () => {
    const { context, page } = await newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/fi/', { waitUntil: 'commit' });
    await page.getByRole('status').filter({ hasText: 'Ladataan…' }).waitFor();
    expect(await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).not.toBe(
      'rgba(0, 0, 0, 0)',
    );
    await shoot(page, 'shell-fi');
    release();
    await settled(page);
    expect(await page.locator('[data-boot-loading]').count()).toBe(0);
    await context.close();
  });
});

describe('a failed read', () => {
  it('says so in the page’s language with a retry button that reads again', async () => {
    const { context, page } = await newPage();
    let failures = 1;
    await page.route('**/api/v1/projects/tyomarkkinoiden-kohtaanto-tulevaisuuden-tyomarkkinat', async (route) => {
      if (failures-- > 0) return route.abort('connectionfailed');
      return route.continue();
    });
    await page.goto('/sv/projects/tyomarkkinoiden-kohtaanto-tulevaisuuden-tyomarkkinat');
    await heading(page).filter({ hasText: 'Uppgifterna kunde inte hämtas' }).waitFor();
    const main = page.getByRole('main');
    expect(await main.innerText()).not.toMatch(/Failed to fetch|TypeError/);
    expect(await main.innerText()).toContain('Anslutningen till tjänsten fungerade inte');
    await shoot(page, 'retry-sv');
    await page.getByRole('button', { name: 'Försök igen' }).click();
    await heading(page).filter({ hasText: 'Tulevaisuuden työmarkkinat' }).waitFor();
    await settled(page);
    await context.close();
  });

  it('a section that fails keeps the page and offers the retry there', async () => {
    const { context, page } = await newPage();
    let failures = 1;
    await page.route('**/api/v1/overview*', async (route) => {
      if (failures-- > 0) return route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' });
      return route.continue();
    });
    await page.goto('/fi/');
    await page.getByRole('button', { name: 'Yritä uudelleen' }).waitFor();
    expect(await page.getByRole('main').innerText()).toContain('Palvelussa tapahtui virhe');
    await page.getByRole('button', { name: 'Yritä uudelleen' }).click();
    await page.getByRole('link', { name: /Jatkuva oppiminen/ }).waitFor();
    await context.close();
  });
});

describe('print', () => {
  it('prints the content alone, black on white, with links’ addresses and whole tables', async () => {
    const { context, page } = await newPage();
    await page.goto('/fi/themes/lanupe');
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    const hidden = async (selector: string) =>
      page.locator(selector).evaluateAll((nodes) => nodes.every((node) => getComputedStyle(node).display === 'none'));
    expect(await hidden('header:not(main header)')).toBe(true);
    expect(await hidden('nav')).toBe(true);
    expect(await hidden('button')).toBe(true);
    expect(await hidden('footer:not(main footer)')).toBe(true);
    expect(await page.locator('h1').evaluate((h1) => getComputedStyle(h1).color)).toBe('rgb(0, 0, 0)');
    expect(await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
    // A link in the content prints its address after its text: one of the theme's own links, in a
    // paragraph of its own (a link inside a table cell wraps with the cell, and the order in which
    // pdftotext reads a wrapped cell among its neighbours depends on the widths).
    const link = page.getByRole('main').locator('a[href^="https://"]').first();
    const href = (await link.getAttribute('href'))!;
    const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    // Chromium gives the computed content resolved or as written; either names the address.
    expect([`" (${href})"`, '" (" attr(href) ")"']).toContain(after);
    // Rows are not cut across pages.
    expect(
      await page
        .locator('main tr')
        .first()
        .evaluate((tr) => getComputedStyle(tr).breakInside),
    ).toBe('avoid');
    await shoot(page, 'print-fi');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    // Read back as text where poppler is installed: the addresses are on paper, the header is not.
    if (existsSync('/usr/bin/pdftotext')) {
      // -raw: in the order the text is drawn, so that an address wrapped inside a table cell is not
      // interleaved with the next cell's lines, as the layout order would have it.
      const text = execFileSync('/usr/bin/pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8');
      expect(text.replace(/\s+/g, '')).toContain(`(${href})`);
      expect(text).not.toContain('Siirry pääsisältöön');
      expect(text).not.toContain('Kirjaudu sisään');
      expect(text).toContain('Rahoitus');
    }
    await page.emulateMedia({ media: 'screen' });
    expect(await hidden('nav')).toBe(false);
    await context.close();
  });
});

describe('Swedish names and provenance in people’s words', () => {
  it('the overview: the theme named in Swedish by the sources has no Finnish marker; the others say (på finska)', async () => {
    const { context, page } = await newPage();
    await page.goto('/sv/');
    await settled(page);
    const swedish = page.getByRole('link', {
      name: 'Utveckling av tjänster för barn, ungdomar och familjer och befordran av välbefinnande mot jämställdheten',
    });
    expect(await swedish.getAttribute('lang')).toBeNull();
    const finnish = page.getByRole('link', { name: 'Jatkuva oppiminen', exact: true });
    expect(await finnish.getAttribute('lang')).toBe('fi');
    const row = page.getByRole('rowheader').filter({ has: finnish });
    expect(await row.innerText()).toContain('(på finska)');
    const swedishRow = page.getByRole('rowheader').filter({ has: swedish });
    expect(await swedishRow.innerText()).not.toContain('(på finska)');
    await shoot(page, 'overview-sv');
    await context.close();
  });

  it('a theme page: its Swedish name, no lang="fi" on it; a Finnish-only name is marked; the contents lead to its sections', async () => {
    const { context, page } = await newPage();
    await page.goto('/sv/themes/lanupe');
    await settled(page);
    expect(await heading(page).innerText()).toBe(
      'Utveckling av tjänster för barn, ungdomar och familjer och befordran av välbefinnande mot jämställdheten',
    );
    expect(await heading(page).locator('[lang="fi"]').count()).toBe(0);
    // Notes and sources name their documents, not the dataset's seed lines.
    expect(await page.getByRole('main').innerText()).not.toMatch(/seed \d{3}|rivi(t)? \d/);
    const contents = page.getByRole('navigation', { name: 'Innehåll på sidan' });
    await contents.getByRole('link', { name: 'Finansiering' }).click();
    expect(await page.evaluate(() => location.hash)).toBe('#theme-money');
    await expect
      .poll(() => page.locator('#theme-money').evaluate((h) => h.getBoundingClientRect().top))
      .toBeLessThan(200);
    await shoot(page, 'theme-lanupe-sv');

    await page.goto('/sv/themes/tyomarkkinoiden-kohtaanto');
    await settled(page);
    expect(await heading(page).locator('[lang="fi"]').innerText()).toBe('Työmarkkinoiden kohtaanto');
    expect(await heading(page).innerText()).toBe('Työmarkkinoiden kohtaanto (på finska)');
    await shoot(page, 'theme-1-sv');
    await context.close();
  });

  it('a project page: implementers by their official Swedish names, the source as a document, no seed lines', async () => {
    const { context, page } = await newPage();
    await page.goto('/sv/projects/tyomarkkinoiden-kohtaanto-tulevaisuuden-tyomarkkinat');
    await settled(page);
    expect(await heading(page).locator('[lang="fi"]').innerText()).toBe('Tulevaisuuden työmarkkinat');
    const main = page.getByRole('main');
    await main.getByRole('link', { name: 'NTM-centralen i Nyland' }).waitFor();
    await main.getByRole('link', { name: 'KEHA-centret' }).waitFor();
    expect(await main.getByRole('link', { name: 'NTM-centralen i Nyland' }).getAttribute('lang')).toBeNull();
    const text = await main.innerText();
    expect(text).toContain('Källa: Genomförandeöversikt 2024, tema 1');
    expect(text).not.toMatch(/seed \d{3}|lines \d+/);
    await shoot(page, 'project-sv');

    await page.goto('/fi/projects/tyomarkkinoiden-kohtaanto-tulevaisuuden-tyomarkkinat');
    await settled(page);
    expect(await page.getByRole('main').innerText()).toContain('Lähde: Toteutuskatsaus 2024, teema 1');
    expect(await page.getByRole('main').innerText()).not.toContain('(suomeksi)');
    await shoot(page, 'project-fi');
    await context.close();
  });

  it('the about page is Swedish throughout', async () => {
    const { context, page } = await newPage();
    await page.goto('/sv/about');
    await settled(page);
    const text = await page.getByRole('main').innerText();
    expect(text).toContain('Kartans områdesgränser: Statistikcentralen (CC BY 4.0), Yle.');
    expect(text).not.toMatch(/Aluerajat|Tilastokeskus/);
    await shoot(page, 'about-sv');
    await context.close();
  });
});
