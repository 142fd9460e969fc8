/**
 * Issue 17: a theme's own records in Chromium against the real server. The coordinator adds a
 * contact (an e-mail address the API refuses and a validity that ends before it starts are shown
 * at their fields and in the summary, and nothing is stored), edits it while someone else changes it
 * (the conflict shows what changed; the coordinator's change is saved on the newer version) and
 * removes it; adds a content area (a key the API refuses first) and a link (a javascript: address
 * refused), edits and removes the link. In Swedish the refusals are Swedish. The theme's finance
 * expert may keep its contacts but not its content areas. The project page's two editors share the
 * entity's version: implementers saved, then the main fields, with no conflict. axe (WCAG 2.1 A,
 * AA) finds nothing in any state. Signing in and the other person's change are set-up (the API).
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, heading, optionalField, useBrowser } from './browser.js';
import { E2E_PASSWORD } from './users.js';

const { newPage } = useBrowser();
const THEME = 'osallisuuden-tuki-ja-koordinaatio';

async function signedIn(username: string) {
  const session = await newPage();
  const login = await session.context.request.post('/api/v1/auth/login', {
    data: { username, password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return { ...session, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
}

/** The error texts a field is described by (the design system's status text under it). */
async function errorAt(page: Page, field: ReturnType<Page['getByLabel']>): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Picks an option of a design-system dropdown, as a person would: open it, choose. */
async function choose(page: Page, label: RegExp, option: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The theme as the API reads it: what is stored, to prove a refusal stored nothing. */
async function stored(request: APIRequestContext) {
  const theme = (await (await request.get(`/api/v1/themes/${THEME}`)).json()) as {
    contacts: { id: number; name: string; absence?: string | null; phone: string | null }[];
    contentAreas: { id: number; key: string }[];
    links: { id: number; url: string; title: string | null }[];
  };
  return theme;
}

/** With SCREENSHOT_DIR set, the page at 1366 and 320 px wide, for a person to look at. */
async function shots(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  for (const width of [1366, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

const main = (page: Page) => page.getByRole('main');

describe('a theme’s contacts, content areas and links in the browser', () => {
  it('adds, edits through a conflict and removes a contact; refusals at the fields (fi)', async () => {
    const { context, page } = await signedIn('e2e-sisalto');
    const other = await signedIn('e2e-sisalto-ely');
    await page.goto(`/fi/themes/${THEME}`);
    await page.getByRole('link', { name: 'Lisää yhteyshenkilö' }).waitFor();
    const violations = await axeViolations(page, '/fi/themes/… (coordinator)');
    await shots(page, 'theme-coordinator-fi');
    const before = await stored(context.request);

    await page.getByRole('link', { name: 'Lisää yhteyshenkilö' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Lisää yhteyshenkilö');
    await page.getByLabel('Nimi', { exact: true }).fill('Testi Yhteyshenkilö');
    await choose(page, /^Rooli/, 'koordinaatio');
    const email = optionalField(page, 'Sähköposti');
    await email.fill('ei-osoite');
    await optionalField(page, 'Alkaen').fill('2025-04-01');
    const until = optionalField(page, 'Saakka');
    await until.fill('2025-03');
    await page.getByRole('button', { name: 'Lisää yhteyshenkilö' }).click();
    // The API refuses the address (the browser does not check it): at the field and in the summary.
    expect(await errorAt(page, email)).not.toBe('');
    await expect.poll(() => page.getByText(/^Sähköposti: /).count()).toBe(1);
    violations.push(...(await axeViolations(page, '/fi/themes/…/contacts/new (refused address)')));
    await email.fill('testi.yhteyshenkilo@example.fi');
    await page.getByRole('button', { name: 'Lisää yhteyshenkilö' }).click();
    expect(await errorAt(page, until)).toContain('Voimassaolon loppu ei voi olla ennen sen alkua.');
    await expect.poll(() => page.getByText('Saakka: Voimassaolon loppu ei voi olla ennen sen alkua.').count()).toBe(1);
    violations.push(...(await axeViolations(page, '/fi/themes/…/contacts/new (refused validity)')));
    await shots(page, 'contact-refused-fi');
    expect((await stored(context.request)).contacts).toEqual(before.contacts);
    await until.fill('2026');
    await page.getByRole('button', { name: 'Lisää yhteyshenkilö' }).click();

    // Back on the theme page, with the new contact and its validity.
    await page.getByRole('link', { name: 'Muokkaa: Testi Yhteyshenkilö' }).waitFor();
    await expect.poll(async () => (await main(page).textContent()) ?? '').toContain('1.4.2025');
    await page.getByRole('link', { name: 'Muokkaa: Testi Yhteyshenkilö' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Muokkaa yhteyshenkilöä: Testi Yhteyshenkilö');

    // Someone else changes the phone meanwhile; the coordinator marks the person on leave.
    const contact = (await stored(context.request)).contacts.find((c) => c.name === 'Testi Yhteyshenkilö')!;
    const record = await other.context.request.get(`/api/v1/contacts/${contact.id}/record`);
    const changed = await other.context.request.patch(`/api/v1/contacts/${contact.id}`, {
      headers: { 'if-match': record.headers().etag!, 'x-csrf-token': other.csrf },
      data: { phone: '+358 29 516 0001' },
    });
    expect(changed.status()).toBe(200);
    // The dropdown's name starts with its value, "(tyhjä)", then the label.
    await choose(page, /Poissaolo/, 'virkavapaalla');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await expect.poll(() => page.getByText('Joku muu muutti tietoa sillä välin').count()).toBe(1);
    await expect.poll(async () => (await main(page).textContent()) ?? '').toContain('+358 29 516 0001');
    violations.push(...(await axeViolations(page, '/fi/contacts/…/edit (conflict)')));
    await shots(page, 'contact-conflict-fi');
    await page.getByRole('button', { name: 'Tallenna omat muutokseni uudelleen' }).click();
    await page.getByText('Muutokset on tallennettu ja kirjattu muutoshistoriaan.').first().waitFor();
    const saved = (await stored(context.request)).contacts.find((c) => c.id === contact.id)!;
    expect(saved).toMatchObject({ absence: 'on_leave', phone: '+358 29 516 0001' });
    violations.push(...(await axeViolations(page, '/fi/contacts/…/edit (saved)')));

    await page.getByRole('button', { name: 'Poista yhteyshenkilö' }).click();
    violations.push(...(await axeViolations(page, '/fi/contacts/…/edit (confirm removal)')));
    await shots(page, 'contact-archive-fi');
    await page.getByRole('button', { name: 'Kyllä, poista' }).click();
    await page.getByRole('link', { name: 'Lisää yhteyshenkilö' }).waitFor();
    expect(await page.getByRole('link', { name: 'Muokkaa: Testi Yhteyshenkilö' }).count()).toBe(0);
    expect((await stored(context.request)).contacts).toEqual(before.contacts);
    expect(violations).toEqual([]);
    await other.context.close();
    await context.close();
    // Six axe scans and a conflict: longer than the default on a busy machine.
  }, 180_000);

  it('adds a content area and a link, each refused first at its field; edits and removes the link (fi)', async () => {
    const { context, page } = await signedIn('e2e-sisalto');
    await page.goto(`/fi/themes/${THEME}/content-areas/new`);
    const key = page.getByLabel('Tunnus', { exact: true });
    await key.fill('Testi alue');
    await page.getByLabel('Nimi suomeksi', { exact: true }).fill('Testialue');
    await optionalField(page, 'Nimi ruotsiksi').fill('Testområde');
    await page.getByRole('button', { name: 'Lisää sisältöalue' }).click();
    expect(await errorAt(page, key)).not.toBe('');
    const violations = await axeViolations(page, '/fi/themes/…/content-areas/new (refused key)');
    expect((await stored(context.request)).contentAreas).toEqual([]);
    await key.fill('testialue');
    await page.getByRole('button', { name: 'Lisää sisältöalue' }).click();
    await page.getByRole('link', { name: 'Muokkaa: Testialue' }).waitFor();

    await page.getByRole('link', { name: 'Lisää linkki' }).click();
    const url = page.getByLabel('Osoite', { exact: true });
    await url.fill('javascript:alert(1)');
    await optionalField(page, 'Linkin teksti').fill('Testilinkki');
    await page.getByRole('button', { name: 'Lisää linkki' }).click();
    expect(await errorAt(page, url)).toContain('Osoitteen on oltava verkko-osoite, joka alkaa http:// tai https://.');
    await expect.poll(() => page.getByText(/^Osoite: Osoitteen on oltava verkko-osoite/).count()).toBe(1);
    violations.push(...(await axeViolations(page, '/fi/themes/…/links/new (refused address)')));
    await shots(page, 'link-refused-fi');
    const links = (await stored(context.request)).links;
    await url.fill('https://www.example.fi/testi');
    await page.getByRole('button', { name: 'Lisää linkki' }).click();
    await page.getByRole('link', { name: 'Muokkaa: Testilinkki' }).click();
    await optionalField(page, 'Linkin teksti').fill('Testilinkki, muutettu');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page.getByText('Muutokset on tallennettu ja kirjattu muutoshistoriaan.').first().waitFor();
    violations.push(...(await axeViolations(page, '/fi/theme-links/…/edit (saved)')));
    await page.getByRole('button', { name: 'Poista linkki' }).click();
    await page.getByRole('button', { name: 'Kyllä, poista' }).click();
    await page.getByRole('link', { name: 'Lisää linkki' }).waitFor();
    expect((await stored(context.request)).links).toEqual(links);
    expect((await stored(context.request)).contentAreas.map((area) => area.key)).toEqual(['testialue']);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('refuses a phone number and an address in Swedish; the finance expert keeps contacts only (sv)', async () => {
    const { context, page } = await signedIn('e2e-sisalto');
    const before = await stored(context.request);
    await page.goto(`/sv/themes/${THEME}`);
    await page.getByRole('link', { name: 'Lägg till kontaktperson' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Lägg till kontaktperson');
    await page.getByLabel('Namn', { exact: true }).fill('Test Kontaktperson');
    await choose(page, /^Roll/, 'samordning');
    const phone = optionalField(page, 'Telefon');
    await phone.fill('ring mig');
    await page.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
    expect(await errorAt(page, phone)).toContain('Telefonnumret får innehålla siffror');
    const violations = await axeViolations(page, '/sv/themes/…/contacts/new (refused phone)');
    await shots(page, 'contact-refused-sv');
    expect((await stored(context.request)).contacts).toEqual(before.contacts);

    await page.goto(`/sv/themes/${THEME}/links/new`);
    const url = page.getByLabel('Adress', { exact: true });
    await url.fill('mailto:someone@example.fi');
    await page.getByRole('button', { name: 'Lägg till länk' }).click();
    expect(await errorAt(page, url)).toContain(
      'Adressen måste vara en webbadress som börjar med http:// eller https://.',
    );
    violations.push(...(await axeViolations(page, '/sv/themes/…/links/new (refused address)')));
    await shots(page, 'link-refused-sv');
    expect((await stored(context.request)).links).toEqual(before.links);
    await context.close();

    const finance = await signedIn('e2e-sisalto-ely');
    await finance.page.goto(`/sv/themes/${THEME}`);
    await finance.page.getByRole('link', { name: 'Lägg till kontaktperson' }).waitFor();
    expect(await finance.page.getByRole('link', { name: 'Lägg till länk' }).count()).toBe(0);
    expect(await finance.page.getByRole('link', { name: 'Lägg till innehållsområde' }).count()).toBe(0);
    violations.push(...(await axeViolations(finance.page, '/sv/themes/… (finance expert)')));
    expect(violations).toEqual([]);
    await finance.context.close();
  });

  it('saves a project’s implementers and then its main fields on the version the first save gave (fi)', async () => {
    const { context, page } = await signedIn('e2e-sisalto-ely');
    const projects = (await (await context.request.get(`/api/v1/projects?theme=${THEME}&limit=200`)).json()) as {
      items: { key: string; kind: string }[];
    };
    // Not the project facts.test.ts reads.
    const project = projects.items.find(
      (item) => item.kind === 'single' && !item.key.endsWith('lasten-nuorten-ja-perheiden-osallisuuden-koordinaatio'),
    )!;
    await page.goto(`/fi/projects/${project.key}/edit`);
    await expect.poll(() => heading(page).textContent()).toMatch(/^Muokkaa hanketta: /);
    const code = optionalField(page, 'Hankekoodi').first();
    await code.fill('S30E2E01');
    await page.getByRole('button', { name: 'Tallenna toteuttajat' }).click();
    await page.getByText('Muutokset on tallennettu ja kirjattu muutoshistoriaan.').first().waitFor();
    await optionalField(page, 'Nimi ruotsiksi').fill('Testprojekt');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await expect.poll(() => page.getByText('Muutokset on tallennettu ja kirjattu muutoshistoriaan.').count()).toBe(2);
    expect(await page.getByText('Joku muu muutti tietoa sillä välin').count()).toBe(0);
    const violations = await axeViolations(page, '/fi/projects/…/edit (both saved)');
    await shots(page, 'project-both-saved-fi');
    const record = (await (await context.request.get(`/api/v1/projects/${project.key}/record`)).json()) as {
      data: { name: { sv: string | null }; projects: { code: string | null }[] };
    };
    expect(record.data.name.sv).toBe('Testprojekt');
    expect(record.data.projects[0]!.code).toBe('S30E2E01');
    expect(violations).toEqual([]);
    await context.close();
  });
});
