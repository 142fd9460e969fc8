/**
 * Issue 17, items 1 and 2, in Chromium against the real server: the managing authority opens the
 * 2025 period in the browser, changes its deadline and closes it, reads the audit trail filtered to
 * that, downloads it as CSV (read back here) and finds its download in the trail; the finance expert
 * edits a project (its funding decision date and Swedish name) and an organisation, whose wrong
 * Y-tunnus is refused next to the field and in the summary. In Finnish and in Swedish, and axe
 * (WCAG 2.1 A, AA) finds nothing in any state. Signing in is set-up (the API); the rest is the page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, heading, optionalField, useBrowser } from './browser.js';
import { E2E_PASSWORD } from './users.js';

const { newPage } = useBrowser();
/** The period's only theme: one whose coordinator no other browser test signs in as. */
const THEME_NAME = /Työmarkkinoiden kohtaanto|Matchning på arbetsmarknaden/;

async function signedIn(username: string) {
  const session = await newPage();
  const login = await session.context.request.post('/api/v1/auth/login', {
    data: { username, password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return session;
}

/** An optional field of a form or region (the design system adds "(optional)" to the name). */
const optionalIn = (scope: Pick<Page, 'getByLabel'>, label: string) => scope.getByLabel(new RegExp(`^${label} \\(`));

/** The error texts a field is described by (the design system's status text under it). */
async function errorAt(page: Page, field: ReturnType<Page['getByLabel']>): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Leaves only the period's theme ticked. */
async function onlyOneTheme(page: Page, legend: string) {
  const group = page.getByRole('group', { name: legend });
  const boxes = group.getByRole('checkbox');
  await expect.poll(() => boxes.count()).toBeGreaterThan(5);
  for (const box of await boxes.all()) {
    const label = (await box.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '')) ?? '';
    if (THEME_NAME.test(label)) await box.check({ force: true });
    else await box.uncheck({ force: true });
  }
}

describe('the managing authority and the finance expert in the browser', () => {
  it('opens the 2025 period, changes and closes it, reads the trail filtered and downloads its CSV (fi)', async () => {
    const { context, page } = await signedIn('e2e-admin');
    await page.goto('/fi/reports');
    await page.getByRole('button', { name: 'Avaa uusi raportointikausi' }).click();
    const form = page.getByRole('form', { name: 'Avaa uusi raportointikausi' });
    await form.getByLabel('Tunnus', { exact: true }).fill('2025');
    await form.getByLabel('Nimi suomeksi', { exact: true }).fill('Toteutuskatsaus 2025');
    await optionalIn(form, 'Nimi ruotsiksi').fill('Genomförandeöversikt 2025');
    await optionalIn(form, 'Tarkastelupäivä').fill('2025-10-31');
    await optionalIn(form, 'Määräpäivä').fill('2025-12-15');
    await onlyOneTheme(page, 'Raportoivat teemat');
    const violations = await axeViolations(page, '/fi/reports (opening a period)');
    await form.getByRole('button', { name: 'Avaa kausi' }).click();
    const panel = page.getByRole('region', { name: 'Toteutuskatsaus 2025', exact: true });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('31.10.2025');

    // The deadline moves; the deadline before the cut-off is refused at its field first.
    await panel.getByRole('button', { name: 'Muokkaa kautta: Toteutuskatsaus 2025' }).click();
    const deadline = optionalIn(panel, 'Määräpäivä');
    await deadline.fill('2025-10-01');
    await panel.getByRole('button', { name: 'Tallenna muutokset' }).click();
    expect(await errorAt(page, deadline)).toContain('Määräpäivä on ennen tarkastelupäivää.');
    violations.push(...(await axeViolations(page, '/fi/reports (a refused change)')));
    await deadline.fill('2026-01-15');
    await panel.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toContain('Kauden Toteutuskatsaus 2025 muutokset on tallennettu.');
    await expect.poll(async () => (await panel.textContent()) ?? '').toContain('15.1.2026');

    await panel.getByRole('button', { name: 'Sulje kausi: Toteutuskatsaus 2025' }).click();
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toContain('Kausi Toteutuskatsaus 2025 on suljettu.');
    await panel.getByRole('button', { name: 'Avaa kausi uudelleen: Toteutuskatsaus 2025' }).waitFor();
    violations.push(...(await axeViolations(page, '/fi/reports (closed)')));

    // The audit trail: what was done to periods today, by this account, the closing only.
    await page.getByRole('navigation').getByRole('link', { name: 'Lokitiedot' }).first().click();
    await expect.poll(() => heading(page).textContent()).toBe('Lokitiedot');
    await page.getByLabel('Kuka', { exact: true }).fill('e2e-admin');
    await page.getByLabel('Tietueen laji', { exact: true }).fill('reporting_period');
    await page.getByRole('button', { name: 'Rajaa', exact: true }).click();
    const table = page.getByRole('table', { name: 'Lokimerkinnät, uusin ensin' });
    await expect.poll(async () => (await table.textContent()) ?? '').toContain('close');
    const actions = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions.slice(0, 3)).toEqual(['close', 'update', 'create']);
    await page.getByLabel('Toimenpide', { exact: true }).fill('close');
    await page.getByRole('button', { name: 'Rajaa', exact: true }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    violations.push(...(await axeViolations(page, '/fi/audit (filtered)')));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Lataa rajattu loki (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,entity_type,entity_id,reason,ip,before,after');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/,e2e-admin,close,reporting_period,\d+,/);
    expect(lines[1]).toContain('Toteutuskatsaus 2025');

    // The download is itself in the trail.
    await page.getByLabel('Toimenpide', { exact: true }).fill('export');
    await page.getByLabel('Tietueen laji', { exact: true }).fill('audit_log');
    await page.getByRole('button', { name: 'Rajaa', exact: true }).click();
    await expect.poll(async () => (await table.textContent()) ?? '').toContain('audit_log csv');

    expect(violations).toEqual([]);
    await context.close();
  });

  it('refuses a wrong period key at its field and reads the trail (sv)', async () => {
    const { context, page } = await signedIn('e2e-admin');
    await page.goto('/sv/reports');
    await page.getByRole('button', { name: 'Öppna en ny rapporteringsperiod' }).click();
    const form = page.getByRole('form', { name: 'Öppna en ny rapporteringsperiod' });
    const key = form.getByLabel('Kod', { exact: true });
    await key.fill('2025 sv');
    await form.getByLabel('Namn på finska', { exact: true }).fill('Toteutuskatsaus 2025, ruotsiksi');
    await onlyOneTheme(page, 'Teman som rapporterar');
    await form.getByRole('button', { name: 'Öppna perioden' }).click();
    expect(await errorAt(page, key)).toContain('Ange koden med små bokstäver');
    const violations = await axeViolations(page, '/sv/reports (a refused key)');
    await key.fill('2025-sv');
    await form.getByRole('button', { name: 'Öppna perioden' }).click();
    // Its title is given in Finnish only, which the Swedish page says after it.
    await page.getByRole('region', { name: /^Toteutuskatsaus 2025, ruotsiksi( \(på finska\))?$/ }).waitFor();

    await page.goto('/sv/audit');
    await page.getByLabel('Typ av post', { exact: true }).fill('reporting_period');
    await page.getByLabel('Åtgärd', { exact: true }).fill('create');
    await page.getByRole('button', { name: 'Avgränsa', exact: true }).click();
    const table = page.getByRole('table', { name: 'Loggposter, den nyaste först' });
    await expect.poll(async () => (await table.textContent()) ?? '').toContain('e2e-admin');
    violations.push(...(await axeViolations(page, '/sv/audit (filtered)')));
    expect(violations).toEqual([]);
    await context.close();
  });

  it('lets the finance expert edit a project and an organisation; a wrong Y-tunnus is refused at the field (fi)', async () => {
    const { context, page } = await signedIn('e2e-ely');
    await page.goto('/fi/projects/lanupe-talo');
    await page.getByRole('link', { name: 'Muokkaa hankkeen tietoja' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^Muokkaa hanketta: /);
    const decided = optionalField(page, 'Rahoituspäätöksen päivä');
    // Dates are taken as people write them (15.5.2023); an impossible one is refused at the field.
    await decided.fill('31.2.2023');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    expect(await errorAt(page, decided)).toContain('p.k.vvvv');
    await decided.fill('15.5.2023');
    await optionalField(page, 'Nimi ruotsiksi').fill('TALO – idrott för alla');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page.getByText('Muutokset on tallennettu ja kirjattu muutoshistoriaan.').first().waitFor();
    await expect.poll(async () => (await page.getByRole('main').textContent()) ?? '').toContain('15.5.2023');
    const violations = await axeViolations(page, '/fi/projects/lanupe-talo/edit (saved)');

    await page.goto('/fi/organisations/suomen-urheiluliitto-ry');
    await page.getByRole('link', { name: 'Muokkaa organisaation tietoja' }).click();
    const businessId = optionalField(page, 'Y-tunnus');
    await businessId.fill('1234567-2');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    expect(await errorAt(page, businessId)).toContain('Y-tunnuksen tarkistusmerkki ei täsmää.');
    // And in the summary above the form.
    await expect.poll(() => page.getByText('Y-tunnus: Y-tunnuksen tarkistusmerkki ei täsmää.').count()).toBe(1);
    violations.push(...(await axeViolations(page, '/fi/organisations/…/edit (wrong Y-tunnus)')));
    await businessId.fill('1234567-1');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page.getByText('Muutokset on tallennettu ja kirjattu muutoshistoriaan.').first().waitFor();
    await page.getByRole('link', { name: 'Takaisin organisaation sivulle' }).click();
    await expect.poll(async () => (await page.getByRole('main').textContent()) ?? '').toContain('1234567-1');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('refuses a wrong FO-nummer at the field in Swedish too (sv)', async () => {
    const { context, page } = await signedIn('e2e-ely-2');
    await page.goto('/sv/organisations/kuntoutussaatio-sr/edit');
    const businessId = optionalField(page, 'FO-nummer');
    await businessId.fill('7654321-3');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    expect(await errorAt(page, businessId)).toContain('FO-numrets kontrolltecken stämmer inte.');
    const violations = await axeViolations(page, '/sv/organisations/…/edit (wrong FO-nummer)');
    await businessId.fill('7654321-2');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Ändringarna har sparats', { exact: false }).first().waitFor();
    violations.push(...(await axeViolations(page, '/sv/organisations/…/edit (saved)')));
    expect(violations).toEqual([]);
    await context.close();
  });
});
