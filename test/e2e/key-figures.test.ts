/**
 * LANUPE's key figures in Chromium against the real server, as its coordinator fills in the facts:
 * two entities' ministries (one shared 60/40, one TEM), sectors, a partner and an implementer's
 * municipality; a bad municipality is refused at the form with the reason. The figures page, its
 * map table and the PPTX (read back: slide count, numbers on the slides) then show exactly the
 * numbers the API computes; the page is axe clean in Finnish and Swedish.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { axeViolations, heading, screenshot, useBrowser } from './browser.js';
import { E2E_PASSWORD } from './users.js';
import type { KeyFigureDeck, ThemeFigures } from '../../src/contracts/api.js';

const { newPage } = useBrowser();

describe('key figures', () => {
  it('fills in the facts and shows exactly those numbers on the page, the map table and the slides', async () => {
    const { context, page } = await newPage();
    const login = await context.request.post('/api/v1/auth/login', {
      data: { username: 'e2e-koordinaattori', password: E2E_PASSWORD },
    });
    expect(login.status()).toBe(200);
    await page.goto('/fi/themes/lanupe/key-figures/facts');
    await expect.poll(() => heading(page).textContent()).toContain('Avainlukujen tiedot');
    const forms = page.locator('#main form');
    await expect.poll(() => forms.count(), { timeout: 30_000 }).toBeGreaterThan(12);

    // The facts' forms are in the page's main region (the header has the search form).
    // The first entity: shared by OKM and STM, basic education and child welfare, one partner.
    const first = page.locator('#main form').first();
    await first.getByLabel('OKM: osuus %').fill('60');
    await first.getByLabel('STM: osuus %').fill('40');
    await first.getByText('Kasvatus ja koulutus: Perusopetus').click();
    await first.getByText('Sosiaali- ja terveydenhuolto: Lastensuojelu').click();
    await first.getByLabel('Lisättävä kumppani').selectOption({ label: 'Pirkanmaan hyvinvointialue' });
    await first.getByRole('button', { name: 'Lisää kumppani' }).click();
    await first.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => page.getByText('Tallennettu.').count()).toBe(1);

    const second = page.locator('#main form').nth(1);
    // A share that is not a whole percent is stopped at its field and nothing is sent (before, it
    // went out as no share, which counts as 100 %).
    await second.getByLabel('TEM: osuus %').fill('12,5');
    await second.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => second.getByText('Anna kokonaisluku, esim. 1 500 (ei desimaaleja).').count()).toBe(1);
    expect(await second.getByLabel('TEM: osuus %').evaluate((field) => field === document.activeElement)).toBe(true);
    expect(await page.getByText('Tallennettu.').count()).toBe(1);
    await screenshot(page, 'key-figures-share-refused');

    // Shares that do not add up are refused with the reason, after the field's label.
    await second.getByLabel('TEM: osuus %').fill('');
    await second.getByLabel('TEM: osuus %').fill('70');
    await second.getByLabel('OKM: osuus %').fill('20');
    await second.getByRole('button', { name: 'Tallenna' }).click();
    await expect
      .poll(() => page.getByText(/Rahoittavat ministeriöt ja osuudet: Osuuksien summa on 90 %/).count())
      .toBe(1);
    await second.getByLabel('OKM: osuus %').fill('');
    await second.getByLabel('TEM: osuus %').fill('');
    await second.getByLabel('TEM: osuus %').fill('100');
    await second.getByText('Kasvatus ja koulutus: Perusopetus').click();
    await second.getByRole('button', { name: 'Tallenna' }).click();
    // The first entity's note stays: two saved.
    await expect.poll(() => page.getByText('Tallennettu.').count()).toBe(2);

    // An implementer placed by its municipality (Tampere → Pirkanmaa); an unknown number is refused.
    const tamk = page.getByRole('form', { name: 'Tampereen ammattikorkeakoulu Oy' });
    await tamk.getByLabel('Kuntanumero').fill('999');
    await tamk.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => page.getByText(/Kuntanumeroa 999 ei ole/).count()).toBe(1);
    await tamk.getByLabel('Kuntanumero').fill('837');
    await tamk.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => tamk.getByText('Avainluvuissa: Pirkanmaan hyvinvointialue').count()).toBe(1);

    const figures = (await (await context.request.get('/api/v1/themes/lanupe/figures')).json()) as ThemeFigures;
    expect(figures.byMinistry.joint).toBeGreaterThanOrEqual(1);
    expect(figures.byMinistry.TEM).toBeGreaterThanOrEqual(1);
    expect(figures.bySector['basic-education']).toBe(2);
    expect(figures.byCounty.PI?.partners).toBeGreaterThanOrEqual(1);

    for (const lang of ['fi', 'sv'] as const) {
      await page.goto(`/${lang}/themes/lanupe/key-figures`);
      const deck = (await (
        await context.request.get(`/api/v1/themes/lanupe/key-figures?lang=${lang}`)
      ).json()) as KeyFigureDeck;
      await expect.poll(() => heading(page).textContent()).toContain(lang === 'fi' ? 'Avainluvut' : 'Nyckeltal');
      const ministries = deck.slides.find((s) => s.key === 'ministries')!;
      const table = page.getByRole('table', { name: new RegExp(ministries.title) });
      const joint = table
        .getByRole('row')
        .filter({ hasText: lang === 'fi' ? 'Yhteisrahoitteiset' : 'Samfinansierade' });
      await expect.poll(() => joint.textContent()).toContain(String(figures.byMinistry.joint));
      const sectors = deck.slides.find((s) => s.key === 'sectors')!;
      const basic = page
        .getByRole('table', { name: new RegExp(sectors.title) })
        .getByRole('row')
        .filter({ hasText: lang === 'fi' ? 'Perusopetus' : 'Grundläggande utbildning' });
      await expect.poll(() => basic.textContent()).toContain('2');
      const unknown = lang === 'fi' ? 'sektori kirjaamatta' : 'sektor inte registrerad';
      await expect
        .poll(() => page.getByText(new RegExp(`${unknown}: ${figures.entitiesWithoutSector} `)).count())
        .toBe(1);
      // The map and its table: Pirkanmaa has the partner and the implementer placed above.
      await expect.poll(() => page.locator('svg[role="img"] path').count()).toBeGreaterThan(20);
      const counties = deck.slides.find((s) => s.key === 'counties')!;
      const pirkanmaa = page
        .getByRole('table', { name: new RegExp(counties.title) })
        .getByRole('row')
        .filter({ hasText: lang === 'fi' ? 'Pirkanmaan hyvinvointialue' : 'Birkalands välfärdsområde' });
      await expect
        .poll(() => pirkanmaa.textContent())
        .toBe(
          `${lang === 'fi' ? 'Pirkanmaan hyvinvointialue' : 'Birkalands välfärdsområde'}${figures.byCounty.PI!.implementers}${figures.byCounty.PI!.partners}`,
        );
      expect(await axeViolations(page, `/${lang}/themes/lanupe/key-figures`)).toEqual([]);

      // The slides, read back: a title slide and one a chart, the numbers on them.
      const pptx = await context.request.get(`/api/v1/themes/lanupe/key-figures.pptx?lang=${lang}`);
      expect(pptx.status()).toBe(200);
      const zip = await JSZip.loadAsync(await pptx.body());
      const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
      expect(slides).toHaveLength(7);
      const slide = (n: number) => zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
      expect(await slide(2)).toContain(`<a:t>${figures.projectEntities}`);
      expect(await slide(3)).toContain(`<a:t>${figures.implementers}</a:t>`);
      expect(await slide(4)).toContain(`<a:t>${figures.byMinistry.joint}</a:t>`);
      expect(await slide(5)).toContain(`${figures.entitiesWithoutSector}`);
      expect(await slide(7)).toContain(`<a:t>${figures.byCounty.PI!.partners}</a:t>`);
      expect(await slide(1)).toContain(
        lang === 'fi' ? 'Euroopan unionin osarahoittama' : 'Medfinansieras av Europeiska unionen',
      );
    }
    await page.goto('/fi/themes/lanupe/key-figures/facts');
    expect(await axeViolations(page, '/fi/themes/lanupe/key-figures/facts')).toEqual([]);
    await page.goto('/sv/key-figures');
    expect(await axeViolations(page, '/sv/key-figures')).toEqual([]);
    await context.close();
  }, 180_000);
});
