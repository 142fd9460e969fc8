/**
 * The web application in Debian's Chromium against the real server (test/e2e/global-setup.ts): the
 * main journeys in Finnish and in Swedish, the keyboard-only sign-in and edit, and an axe scan of
 * every page. One browser for the whole file; each journey gets a fresh context (its own cookies).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_BUDGET_BYTES, measureFirstPage } from '../../src/cli/bundle-size.js';
import { heading, optionalField, scanPage, useBrowser } from './browser.js';
import { E2E_PASSWORD } from './users.js';

const { newPage } = useBrowser();

const field = optionalField;

/** Picks an option of a design-system dropdown, as a person would: open it, choose. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function signIn(
  page: Page,
  username: string,
  labels: { username: string; password: string; submit: string },
): Promise<void> {
  await page.getByLabel(labels.username).fill(username);
  await page.getByLabel(labels.password, { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

const TEXT = {
  fi: {
    themeName:
      'Lasten, nuorten ja perheiden palveluiden kehittäminen ja hyvinvoinnin edistäminen kohti yhdenvertaisuutta',
    entities: 'Hankekokonaisuuksia',
    implementers: 'Eri toteuttajia',
    withoutCounty: 'Kainuun hyvinvointialue',
    withoutHeading: /alue(tta)?, joil?la ei ole toteuttajaa/,
    mainRole: 'Toteuttaja (rooli ei tiedossa)',
    themeProjects: 'Teeman hankkeet',
    themeFilter: /Teema$/,
    statusFilter: /Tila$/,
    granted: 'Myönnetty',
    results: (n: number) => `${n} hankekokonaisuutta`,
    oneResult: '1 hankekokonaisuus',
    search: 'Hakusana',
    searchButton: 'Hae',
    signIn: { link: 'Kirjaudu sisään', username: 'Käyttäjätunnus', password: 'Salasana', submit: 'Kirjaudu' },
    record: 'Kirjaa uudet luvut',
    paid: 'Maksetut kustannukset',
    reason: 'Peruste',
    saveFigures: 'Kirjaa luvut',
    asOf: 'Tilannepäivä',
    badMoney: 'Anna summa euroina',
    editCall: /^Muokkaa: Teeman ensimmäinen rahoitushaku/,
    applications: 'Hakemuksia',
    funded: 'Rahoitettuja hankekokonaisuuksia',
    save: 'Tallenna',
    conflict: 'Joku muu muutti tietoa sillä välin',
    reapply: 'Tallenna omat muutokseni uudelleen',
    saved: 'Tallennettu',
  },
  sv: {
    themeName:
      'Utveckling av tjänster för barn, ungdomar och familjer och befordran av välbefinnande mot jämställdheten',
    entities: 'Projekthelheter',
    implementers: 'Olika genomförare',
    withoutCounty: 'Kajanalands välfärdsområde',
    withoutHeading: /områden? utan genomförare/,
    mainRole: 'Genomförare (roll inte angiven)',
    themeProjects: 'Temats projekt',
    themeFilter: /Tema$/,
    statusFilter: /Status$/,
    granted: 'Beviljat',
    results: (n: number) => `${n} projekthelheter`,
    oneResult: '1 projekthelhet',
    search: 'Sökord',
    searchButton: 'Sök',
    signIn: { link: 'Logga in', username: 'Användarnamn', password: 'Lösenord', submit: 'Logga in' },
    record: 'Registrera nya siffror',
    paid: 'Utbetalda kostnader',
    reason: 'Grund',
    saveFigures: 'Registrera siffrorna',
    asOf: 'Lägesdag',
    badMoney: 'Ange beloppet i euro',
    editCall: /^Redigera: Teeman ensimmäinen rahoitushaku/,
    applications: 'Ansökningar',
    funded: 'Finansierade projekthelheter',
    save: 'Spara',
    conflict: 'Någon annan ändrade uppgiften under tiden',
    reapply: 'Spara mina ändringar på nytt',
    saved: 'Sparat',
  },
} as const;

describe.each(['fi', 'sv'] as const)('journeys in %s', (lang) => {
  const text = TEXT[lang];
  const inFinnish = (name: string) => (lang === 'sv' ? `${name} (på finska)` : name);

  it('overview → theme → group project → implementer', async () => {
    const { context, page } = await newPage();
    await page.goto(`/${lang}/`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
    await page.getByRole('link', { name: text.themeName }).click();
    await expect.poll(() => heading(page).textContent()).toBe(text.themeName);

    // LANUPE's key figures as the data gives them: 12 entities (6 single + 6 group), 29 implementers.
    const figures = page.getByRole('list', { name: lang === 'fi' ? 'Tunnusluvut' : 'Nyckeltal' });
    await expect
      .poll(() => figures.getByRole('listitem').filter({ hasText: text.entities }).textContent())
      .toContain('12');
    // Polled like the first: under load the list can be drawn again (fresh data after the session is known).
    await expect.poll(() => figures.getByRole('listitem').filter({ hasText: '6+6' }).count()).toBe(1);
    await expect
      .poll(() => figures.getByRole('listitem').filter({ hasText: text.implementers }).textContent())
      .toContain('29');
    // The map names the counties with no implementer, as a list beside the picture.
    const without = page.getByRole('list', { name: text.withoutHeading });
    await expect.poll(() => without.getByRole('listitem').filter({ hasText: text.withoutCounty }).count()).toBe(1);
    await expect.poll(() => page.locator('svg[role="img"] path').count()).toBeGreaterThan(20);

    // The theme's projects are a table; a group project's implementers are on its own page.
    await page
      .getByRole('table', { name: text.themeProjects })
      .getByRole('link', { name: 'KNOT- Kaikki nuoret osallisia tulevaisuuteen', exact: true })
      .click();
    // A name the sources give only in Finnish says so on a Swedish page.
    await expect
      .poll(() => heading(page).textContent())
      .toBe(inFinnish('KNOT- Kaikki nuoret osallisia tulevaisuuteen'));
    // The review names KNOT's implementers without saying which is the main one: the role is not stated.
    const mainRow = page.getByRole('row').filter({ hasText: 'Tampereen ammattikorkeakoulu Oy' });
    expect(await mainRow.textContent()).toContain(text.mainRole);
    await mainRow.getByRole('link', { name: 'Tampereen ammattikorkeakoulu Oy' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(inFinnish('Tampereen ammattikorkeakoulu Oy'));
    expect(
      await page.getByRole('link', { name: 'KNOT- Kaikki nuoret osallisia tulevaisuuteen' }).count(),
    ).toBeGreaterThan(0);
    await context.close();
  });

  it('searches projects with filters, and the address shares the search', async () => {
    const { context, page } = await newPage();
    await page.goto(`/${lang}/projects`);
    await choose(page, text.themeFilter, 'LANUPE');
    await expect.poll(() => page.getByRole('status').textContent()).toBe(text.results(12));
    expect(page.url()).toContain('theme=lanupe');
    await choose(page, text.statusFilter, text.granted);
    await expect.poll(() => page.url()).toContain('status=granted');
    await page.getByLabel(text.search).fill('KNOT');
    await page.getByLabel(text.search).press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toBe(text.oneResult);
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await expect.poll(() => other.getByRole('status').textContent()).toBe(text.oneResult);
    expect(await other.getByRole('link', { name: 'KNOT- Kaikki nuoret osallisia tulevaisuuteen' }).count()).toBe(1);
    await context.close();
  });

  it('signs in and records a figure, with the error shown at the field', async () => {
    const { context, page } = await newPage();
    await page.goto(`/${lang}/themes/lanupe`);
    await page.getByRole('link', { name: text.signIn.link }).click();
    await signIn(page, 'e2e-ely', text.signIn);
    await page.getByRole('link', { name: text.record }).click();
    const paid = page.getByLabel(text.paid);
    // The as-of date is chosen, never pre-filled; one day per language, so neither corrects the other.
    await page.getByLabel(text.asOf).fill(lang === 'fi' ? '2025-01-15' : '2025-02-15');
    await paid.fill('paljon');
    await page.getByLabel(text.reason).fill(`e2e ${lang}`);
    await page.getByRole('button', { name: text.saveFigures }).click();
    await expect.poll(() => paid.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(text.badMoney).count()).toBeGreaterThan(0);
    // Below a million euros and under committed: no large change or order break to confirm.
    const amount = lang === 'fi' ? '234 567,89' : '345 678,90';
    await paid.fill(amount);
    await page.getByRole('button', { name: text.saveFigures }).click();
    await expect.poll(() => heading(page).textContent()).toBe(text.themeName);
    const money = page.getByRole('list', { name: lang === 'fi' ? 'Rahoitus' : 'Finansiering' });
    await expect
      .poll(() => money.getByRole('listitem').filter({ hasText: text.paid }).textContent())
      .toContain(`${amount}\u00a0€`.replace(/ /g, '\u00a0'));
    await context.close();
  });

  it('shows a conflict as what changed, and re-applies', async () => {
    const mine = await newPage();
    const theirs = await newPage();
    for (const [session, username] of [
      [mine, 'e2e-ely'],
      [theirs, 'e2e-ely-2'],
    ] as const) {
      const response = await session.context.request.post('/api/v1/auth/login', {
        data: { username, password: E2E_PASSWORD },
      });
      expect(response.status()).toBe(200);
    }
    for (const { page } of [mine, theirs]) {
      await page.goto(`/${lang}/themes/lanupe`);
      await page.getByRole('link', { name: text.editCall }).click();
      await field(page, text.applications).waitFor();
    }
    const before = Number((await field(theirs.page, text.applications).inputValue()).replace(/\D/g, ''));
    await field(theirs.page, text.applications).fill(String(before + 3));
    await theirs.page.getByRole('button', { name: text.save, exact: true }).click();
    await expect.poll(() => theirs.page.getByText(text.saved, { exact: true }).count()).toBe(1);

    const funded = Number((await field(mine.page, text.funded).inputValue()).replace(/\D/g, ''));
    await field(mine.page, text.funded).fill(String(funded + 1));
    await mine.page.getByRole('button', { name: text.save, exact: true }).click();
    await expect.poll(() => mine.page.getByText(text.conflict).count()).toBe(1);
    const changed = mine.page.getByRole('table', { name: lang === 'fi' ? 'Mikä muuttui' : 'Vad som ändrades' });
    const row = changed.getByRole('row').filter({ hasText: text.applications });
    expect(await row.getByRole('cell').allTextContents()).toEqual([String(before), String(before + 3), String(before)]);
    await mine.page.getByRole('button', { name: text.reapply }).click();
    await expect.poll(() => mine.page.getByText(text.saved, { exact: true }).count()).toBe(1);
    const stored = await (await mine.context.request.get('/api/v1/calls/lanupe-rahoitushaku-2023')).json();
    expect(stored).toMatchObject({ applications: before + 3, fundedEntities: funded + 1 });
    await mine.context.close();
    await theirs.context.close();
  });
});

/** Presses Tab until the element is focused (a person reading the page with the keyboard). */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

describe('keyboard only', () => {
  it('signs in and records a figure without a mouse', async () => {
    const { context, page } = await newPage();
    await page.goto('/fi/themes/lanupe');
    await heading(page).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Kirjaudu sisään' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Käyttäjätunnus'));
    await page.keyboard.type('e2e-nappis');
    await page.keyboard.press('Tab');
    await page.keyboard.type(E2E_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe(TEXT.fi.themeName);
    await tabTo(page, page.getByRole('link', { name: 'Kirjaa uudet luvut' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Tilannepäivä'));
    await page.keyboard.type('2025-03-15');
    await tabTo(page, page.getByLabel('Varaukset'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('6 000 000');
    await tabTo(page, page.getByLabel('Peruste'));
    await page.keyboard.type('Näppäimistöllä kirjattu');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe(TEXT.fi.themeName);
    const money = page.getByRole('list', { name: 'Rahoitus' });
    await expect
      .poll(() => money.getByRole('listitem').filter({ hasText: 'Varaukset' }).textContent())
      .toContain('6\u00a0000\u00a0000\u00a0€');
    await context.close();
  });
});

describe('accessibility (axe: WCAG 2.1 A and AA)', () => {
  const PUBLIC_PAGES = [
    '/',
    '/themes/lanupe',
    '/projects',
    '/projects?theme=lanupe&status=granted',
    '/projects/lanupe-knot',
    '/organisations',
    '/organisations/tampereen-ammattikorkeakoulu-oy',
    '/calls',
    '/about',
    '/accessibility',
    '/sign-in',
    '/no-such-page',
  ];
  const EDIT_PAGES = ['/themes/lanupe/figures', '/calls/lanupe-rahoitushaku-2023/edit'];

  const scan = scanPage;

  // Every page in both national languages; English shares their markup, so its busiest pages suffice.
  it.each([
    ['fi', PUBLIC_PAGES],
    ['sv', PUBLIC_PAGES],
    ['en', ['/', '/themes/lanupe', '/projects']],
  ] as const)('every public page in %s has no violations', async (lang, pages) => {
    const { context, page } = await newPage();
    const violations: string[] = [];
    for (const path of pages) violations.push(...(await scan(page, `/${lang}${path}`)));
    await context.close();
    expect(violations).toEqual([]);
  });

  it.each(['fi', 'sv'] as const)('the editing pages in %s have no violations', async (lang) => {
    const { context, page } = await newPage();
    expect(
      (
        await context.request.post('/api/v1/auth/login', { data: { username: 'e2e-ely', password: E2E_PASSWORD } })
      ).status(),
    ).toBe(200);
    const violations: string[] = [];
    for (const path of [...EDIT_PAGES, '/themes/lanupe']) violations.push(...(await scan(page, `/${lang}${path}`)));
    await context.close();
    expect(violations).toEqual([]);
  });
});

describe('size', () => {
  it(`the first page's JavaScript is at most ${FIRST_PAGE_BUDGET_BYTES / 1024} KB gzipped`, () => {
    expect(measureFirstPage().gzipBytes).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_BYTES);
  });
});
