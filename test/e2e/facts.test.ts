/**
 * What the sources say, as the public pages show it in Chromium against the real server: an
 * inferred ministry and an inferred project end are marked "päätelty" with the reasoning, theme 3's
 * lead and partner ministries and the contacts' validity and absence are shown, an approximate call
 * amount carries "≈"; each page passes the axe scan.
 */
import { describe, expect, it } from 'vitest';
import { heading, scanPage, useBrowser } from './browser.js';

const { newPage } = useBrowser();
const NBSP = '\u00a0';

describe('facts as the sources give them', () => {
  it('marks inferred values and shows roles, validity, absence and approximate amounts', async () => {
    const { context, page } = await newPage();
    // Theme 6: OKM is inferred from the contacts' phone numbers (seed 001 lines 1820–1825).
    expect(await scanPage(page, '/fi/themes/jatkuva-oppiminen')).toEqual([]);
    await heading(page).waitFor();
    const inferred = page.locator('[data-inferred]');
    await expect.poll(() => inferred.count()).toBe(1);
    expect(await inferred.innerText()).toMatch(/^päätelty: .*0295 330/);

    // Theme 3: "Teeman vastuuministeriö TEM", partners OKM and STM.
    await page.goto('/fi/themes/maahanmuuttaneiden-toimiva-arki');
    await expect.poll(() => page.getByText('Työ- ja elinkeinoministeriö (vastuuministeriö)').count()).toBe(1);
    await expect.poll(() => page.getByText(/\(kumppani\)/).count()).toBe(2);

    // Theme 5: "31.3.2025 saakka Tiina Lintunen", "1.4.2025 lähtien Henna Kymäläinen".
    await page.goto('/fi/themes/tyoelaman-kehittaminen');
    await expect.poll(() => page.getByText(/31\.3\.2025 saakka/).count()).toBe(1);
    await expect.poll(() => page.getByText(/1\.4\.2025 lähtien/).count()).toBe(1);
    // Theme 12: "Iida Partanen (virkavapaalla)".
    await page.goto('/fi/themes/turvaverkkoja-nuorten-tulevaisuuteen');
    await expect.poll(() => page.getByText(/virkavapaalla/).count()).toBe(1);

    // R-00440: the end "2025-12" is read from "toimikausi päättyy vuoden lopussa".
    expect(
      await scanPage(
        page,
        '/fi/projects/osallisuuden-tuki-ja-koordinaatio-lasten-nuorten-ja-perheiden-osallisuuden-koordinaatio',
      ),
    ).toEqual([]);
    await expect.poll(() => page.locator('[data-inferred]').count()).toBe(1);
    expect(await page.locator('[data-inferred]').innerText()).toContain('toimikausi päättyy vuoden lopussa');

    // Theme 10's 2023 call used "noin 4,2 miljoonaa euroa": approximate.
    expect(await scanPage(page, '/fi/calls')).toEqual([]);
    await expect.poll(() => page.getByText(`≈${NBSP}4${NBSP}200${NBSP}000${NBSP}€`).count()).toBe(1);
    await context.close();
  });
});
