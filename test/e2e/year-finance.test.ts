/**
 * Issue 17's year of the finance expert of a joint OKM + STM theme in Chromium, in Finnish and in
 * Swedish, without one API call: signs in on the sign-in page and lands on My tasks (a finance
 * expert has no tasks there, and the page says so before and after), records the theme's figures
 * from the theme page, edits one of its projects (the cost estimate) and an organisation (its home
 * municipality), and sees each on the public page. axe (WCAG 2.1 A, AA) finds nothing in any state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, heading, openTasks, signInOnPage, useBrowser } from './browser.js';

const { newPage } = useBrowser();
const NBSP = '\u00a0';
const THEME = 'osallisuuden-tuki-ja-koordinaatio';
const PROJECT = 'osallisuuden-tuki-ja-koordinaatio-yhdenvertaisen-osallisuuden-koordinaatio';

const TEXT = {
  fi: {
    noTasks: 'Sinulla ei ole nyt tehtäviä.',
    record: 'Kirjaa uudet luvut',
    asOf: 'Tilannepäivä',
    reserved: 'Varaukset',
    committed: 'Sidotut valtuudet',
    paid: 'Maksetut kustannukset',
    reason: 'Peruste',
    save: 'Kirjaa luvut',
    money: 'Rahoitus',
    figures: { asOf: '30.6.2025', reserved: '4 600 000', committed: '2 400 000', paid: '1 000 000' },
    editProject: 'Muokkaa hankkeen tietoja',
    cost: 'Kustannusarvio',
    costValue: '1 250 000',
    organisation: 'nuorten-akatemia',
    editOrganisation: 'Muokkaa organisaation tietoja',
    municipality: 'Kotikunta \\(kuntanumero\\)',
    municipalityCode: '091',
    municipalityName: 'Helsinki',
    saveButton: 'Tallenna',
    saved: 'Muutokset on tallennettu ja kirjattu muutoshistoriaan.',
    backToProject: 'Takaisin hankkeen sivulle',
    backToOrganisation: 'Takaisin organisaation sivulle',
  },
  sv: {
    noTasks: 'Du har inga uppgifter just nu.',
    record: 'Registrera nya siffror',
    asOf: 'Lägesdag',
    reserved: 'Reserveringar',
    committed: 'Bundna fullmakter',
    paid: 'Utbetalda kostnader',
    reason: 'Grund',
    save: 'Registrera siffrorna',
    money: 'Finansiering',
    figures: { asOf: '31.12.2025', reserved: '4 700 000', committed: '2 500 000', paid: '1 100 000' },
    editProject: 'Redigera projektets uppgifter',
    cost: 'Kostnadsberäkning',
    costValue: '1 300 000',
    organisation: 'sos-lapsikyla',
    editOrganisation: 'Redigera organisationens uppgifter',
    municipality: 'Hemkommun \\(kommunnummer\\)',
    municipalityCode: '049',
    municipalityName: 'Esbo',
    saveButton: 'Spara',
    saved: 'Ändringarna har sparats och registrerats i ändringshistoriken.',
    backToProject: 'Tillbaka till projektets sida',
    backToOrganisation: 'Tillbaka till organisationens sida',
  },
} as const;

/** An optional field (the design system adds "(optional)" to the name). */
const optional = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label} \\(`));
const euros = (amount: string) => `${amount.replace(/ /g, NBSP)}${NBSP}€`;

describe.each(['fi', 'sv'] as const)('the finance expert’s year in the browser (%s)', (lang) => {
  const text = TEXT[lang];

  it('records the theme’s figures and edits a project and an organisation; My tasks has nothing for the role', async () => {
    const { context, page } = await newPage();
    await signInOnPage(page, lang, 'e2e-vuosi-ely');
    // Before: nothing on the list, and the page says so.
    expect(await page.getByRole('main').getByText(text.noTasks).count()).toBe(1);
    const violations = await axeViolations(page, `/${lang}/tasks (finance expert)`);

    // The figures, from the theme page.
    await page.goto(`/${lang}/themes/${THEME}`);
    await page.getByRole('link', { name: text.record }).click();
    const asOf = page.getByLabel(text.asOf);
    await asOf.waitFor();
    await asOf.fill(text.figures.asOf);
    await page.getByLabel(text.reserved).fill(text.figures.reserved);
    await page.getByLabel(text.committed).fill(text.figures.committed);
    await page.getByLabel(text.paid).fill(text.figures.paid);
    await page.getByLabel(text.reason, { exact: true }).fill(`EURA ${text.figures.asOf}`);
    violations.push(...(await axeViolations(page, `/${lang}/themes/${THEME}/figures (filled)`)));
    await page.getByRole('button', { name: text.save, exact: true }).click();
    const money = page.getByRole('list', { name: text.money });
    for (const [label, amount] of [
      [text.reserved, text.figures.reserved],
      [text.committed, text.figures.committed],
      [text.paid, text.figures.paid],
    ] as const)
      await expect
        .poll(async () => (await money.getByRole('listitem').filter({ hasText: label }).textContent()) ?? '')
        .toContain(euros(amount));
    violations.push(...(await axeViolations(page, `/${lang}/themes/${THEME} (figures recorded)`)));

    // A project of the theme: its cost estimate.
    await page.goto(`/${lang}/projects/${PROJECT}`);
    await page.getByRole('link', { name: text.editProject }).click();
    // The project's own cost estimate (its implementers' shares have fields of the same name below).
    await optional(page, text.cost).first().waitFor();
    await optional(page, text.cost).first().fill(text.costValue);
    await page.getByRole('button', { name: text.saveButton, exact: true }).click();
    await page.getByText(text.saved).first().waitFor();
    violations.push(...(await axeViolations(page, `/${lang}/projects/${PROJECT}/edit (saved)`)));
    await page.getByRole('link', { name: text.backToProject }).click();
    await expect.poll(async () => (await page.getByRole('main').textContent()) ?? '').toContain(euros(text.costValue));

    // An organisation of the theme: its home municipality, shown by name.
    await page.goto(`/${lang}/organisations/${text.organisation}`);
    await page.getByRole('link', { name: text.editOrganisation }).click();
    await optional(page, text.municipality).waitFor();
    await optional(page, text.municipality).fill(text.municipalityCode);
    await page.getByRole('button', { name: text.saveButton, exact: true }).click();
    await page.getByText(text.saved).first().waitFor();
    violations.push(...(await axeViolations(page, `/${lang}/organisations/${text.organisation}/edit (saved)`)));
    await page.getByRole('link', { name: text.backToOrganisation }).click();
    await expect.poll(async () => (await page.getByRole('main').textContent()) ?? '').toContain(text.municipalityName);
    await expect.poll(() => heading(page).textContent()).not.toBe('');

    // After: still nothing on the list.
    await openTasks(page, lang);
    expect(await page.getByRole('main').getByText(text.noTasks).count()).toBe(1);
    expect(violations).toEqual([]);
    await context.close();
  });
});
