/**
 * Issue 17's year of a joint OKM + STM theme in Chromium, in Finnish and in Swedish, without one API
 * call: the managing authority signs in on the sign-in page, opens the 2025 period for the theme
 * and adds the theme's coordinator on the users page (a temporary password, shown once); the
 * coordinator signs in with it, chooses a password, finds the report on their task list, writes and
 * submits it; the STM official, told by e-mail, finds it on their list and returns it with a comment;
 * the coordinator is told by e-mail (read from the SMTP sink: subject, the comment, the link),
 * follows the link, fixes and resubmits; STM approves and the report waits for OKM; OKM approves.
 * Each role's task list is read before and after each step, and axe finds nothing in any state.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  heading,
  onTasks,
  openTasks,
  screenshot,
  signInOnPage,
  tasksIn,
  useBrowser,
  type BrowserSession,
} from './browser.js';
import { linkIn, mailTo } from './mail.js';
import { E2E_PASSWORD } from './users.js';

const { newPage } = useBrowser();

const THEME = 'osallisuuden-tuki-ja-koordinaatio';
/** The theme has no Swedish name in the data: the Finnish one stands in both languages. */
const THEME_NAME =
  'Osallisuuden, sukupuolten tasa-arvon ja yhdenvertaisuuden tuki ja koordinaatio Euroopan sosiaalirahastotyössä 2021-2027';

const TEXT = {
  fi: {
    period: { key: 'vuosi-2025', fi: 'Vuosikatsaus 2025', sv: 'Årsöversikt 2025' },
    coordinator: { username: 'e2e-vuosi-koord', name: 'Vuoden Koordinaattori', email: 'vuosi-koord@e2e.example.fi' },
    nav: { reports: 'Raportit', users: 'Käyttäjät' },
    periodForm: {
      open: 'Avaa uusi raportointikausi',
      key: 'Tunnus',
      titleFi: 'Nimi suomeksi',
      titleSv: 'Nimi ruotsiksi',
      cutOff: 'Tarkastelupäivä',
      deadline: 'Määräpäivä',
      themes: 'Raportoivat teemat',
      submit: 'Avaa kausi',
    },
    userForm: {
      title: 'Lisää käyttäjä',
      submit: 'Lisää käyttäjä',
      username: 'Käyttäjätunnus',
      name: 'Nimi',
      email: 'Sähköpostiosoite',
      role: /Rooli$/,
      coordinator: 'koordinaatiohanke',
      scope: 'Rooli koskee',
      done: 'Käyttäjä e2e-vuosi-koord on lisätty.',
    },
    password: { current: 'Nykyinen salasana', new: 'Uusi salasana (vähintään 12 merkkiä)', submit: 'Vaihda salasana' },
    group: {
      write: 'Kirjoitettavat raportit',
      returned: 'Korjattavaksi palautetut raportit',
      approve: 'Hyväksyntääsi odottavat raportit',
    },
    section: (n: number) => `Osion ${n} teksti`,
    autosaved: 'Luonnos tallennettu automaattisesti',
    submit: 'Lähetä ministeriölle',
    resubmit: 'Lähetä uudelleen',
    comment: /^Kommentti: 2\./,
    returnButton: 'Palauta korjattavaksi',
    approve: 'Hyväksy raportti',
    stateRegion: 'Tila',
    state: { submitted: 'lähetetty', returned: 'palautettu korjattavaksi', approved: 'hyväksytty' },
    waitingForOkm: 'Hyväksyjät: OKM, STM. Hyväksynyt: STM.',
    commentText: 'Kuvatkaa osallisuuden koordinaation tulokset tarkemmin.',
    fixText: 'Koordinaatio kokosi 14 hanketta yhteiseen oppimisverkostoon.',
    mail: { submitted: 'Hyväksyttävänä: ', returned: 'Palautettu korjattavaksi: ', approved: 'Hyväksytty: ' },
  },
  sv: {
    period: { key: 'vuosi-2025-sv', fi: 'Vuosikatsaus 2025, ruotsiksi', sv: 'Årsöversikt 2025, på svenska' },
    coordinator: {
      username: 'e2e-vuosi-koord-sv',
      name: 'Årets Koordinator',
      email: 'vuosi-koord-sv@e2e.example.fi',
    },
    nav: { reports: 'Rapporter', users: 'Användare' },
    periodForm: {
      open: 'Öppna en ny rapporteringsperiod',
      key: 'Kod',
      titleFi: 'Namn på finska',
      titleSv: 'Namn på svenska',
      cutOff: 'Brytdag',
      deadline: 'Sista dag',
      themes: 'Teman som rapporterar',
      submit: 'Öppna perioden',
    },
    userForm: {
      title: 'Lägg till en användare',
      submit: 'Lägg till användaren',
      username: 'Användarnamn',
      name: 'Namn',
      email: 'E-postadress',
      role: /Roll$/,
      coordinator: 'koordineringsprojekt',
      scope: 'Rollen gäller',
      done: 'Användaren e2e-vuosi-koord-sv har lagts till.',
    },
    password: { current: 'Nuvarande lösenord', new: 'Nytt lösenord (minst 12 tecken)', submit: 'Byt lösenord' },
    group: {
      write: 'Rapporter att skriva',
      returned: 'Rapporter återsända för rättelse',
      approve: 'Rapporter som väntar på ditt godkännande',
    },
    section: (n: number) => `Text i avsnitt ${n}`,
    autosaved: 'Utkastet sparades automatiskt',
    submit: 'Skicka in till ministeriet',
    resubmit: 'Skicka in på nytt',
    comment: /^Kommentar: 2\./,
    returnButton: 'Återsänd för ändringar',
    approve: 'Godkänn rapporten',
    stateRegion: 'Status',
    state: { submitted: 'inskickad', returned: 'återsänd för ändringar', approved: 'godkänd' },
    waitingForOkm: 'Godkänns av: OKM, STM. Har godkänt: STM.',
    commentText: 'Beskriv resultaten av koordineringen närmare.',
    fixText: 'Koordineringen samlade 14 projekt i ett gemensamt nätverk.',
    // The mail is in the account's language, and accounts are Finnish unless they choose otherwise.
    mail: { submitted: 'Hyväksyttävänä: ', returned: 'Palautettu korjattavaksi: ', approved: 'Hyväksytty: ' },
  },
} as const;

/** An optional field of a form (the design system adds "(optional)" to the name). */
const optionalIn = (scope: Pick<Page, 'getByLabel'>, label: string) => scope.getByLabel(new RegExp(`^${label} \\(`));

/** Leaves only the year's theme ticked. */
async function onlyTheTheme(page: Page, legend: string) {
  const boxes = page.getByRole('group', { name: legend }).getByRole('checkbox');
  await expect.poll(() => boxes.count()).toBeGreaterThan(5);
  for (const box of await boxes.all()) {
    const label = await box.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '');
    if (label.includes(THEME_NAME)) await box.check({ force: true });
    else await box.uncheck({ force: true });
  }
}

describe.each(['fi', 'sv'] as const)('a joint theme’s report year in the browser (%s)', (lang) => {
  const text = TEXT[lang];
  const title = text.period[lang];
  /** The report's item on a task list: "theme – period". */
  const item = `${THEME_NAME} – ${title}`;
  const reportPath = `/${lang}/reports/${text.period.key}/${THEME}`;
  const violations: string[] = [];
  let admin: BrowserSession;
  let coordinator: BrowserSession;
  let stm: BrowserSession;
  let okm: BrowserSession;
  let temporaryPassword = '';

  beforeAll(async () => {
    [admin, coordinator, stm, okm] = await Promise.all([newPage(), newPage(), newPage(), newPage()]);
  });
  afterAll(async () => {
    for (const session of [admin, coordinator, stm, okm]) await session?.context.close();
  });

  const state = (page: Page) => page.getByRole('region', { name: text.stateRegion, exact: true }).locator('p').first();

  it('the managing authority opens the 2025 period for the theme and adds its coordinator', async () => {
    const { page } = admin;
    await signInOnPage(page, lang, 'e2e-admin');
    violations.push(...(await axeViolations(page, `/${lang}/tasks (managing authority)`)));
    await page.getByRole('navigation').getByRole('link', { name: text.nav.reports, exact: true }).first().click();
    await page.getByRole('button', { name: text.periodForm.open }).click();
    const form = page.getByRole('form', { name: text.periodForm.open });
    await form.getByLabel(text.periodForm.key, { exact: true }).fill(text.period.key);
    await form.getByLabel(text.periodForm.titleFi, { exact: true }).fill(text.period.fi);
    await optionalIn(form, text.periodForm.titleSv).fill(text.period.sv);
    // Dates as people write them.
    await optionalIn(form, text.periodForm.cutOff).fill('31.10.2025');
    await optionalIn(form, text.periodForm.deadline).fill('15.1.2027');
    await onlyTheTheme(page, text.periodForm.themes);
    violations.push(...(await axeViolations(page, `/${lang}/reports (opening the period)`)));
    await form.getByRole('button', { name: text.periodForm.submit }).click();
    const panel = page.getByRole('region', { name: title, exact: true });
    await expect.poll(async () => (await panel.textContent()) ?? '').toContain('31.10.2025');
    await expect.poll(() => panel.getByRole('link', { name: THEME_NAME }).count()).toBe(1);

    // The coordinator's account, with a temporary password shown once.
    await page.getByRole('navigation').getByRole('link', { name: text.nav.users, exact: true }).first().click();
    const users = page.getByRole('form', { name: text.userForm.title });
    const username = users.getByLabel(text.userForm.username, { exact: true });
    // What the server refuses is shown at the field, and nothing is created.
    await username.fill('Ö');
    await users.getByLabel(text.userForm.name, { exact: true }).fill(text.coordinator.name);
    await users.getByRole('button', { name: text.userForm.role }).click();
    await page.getByRole('option', { name: text.userForm.coordinator, exact: true }).click();
    await users.getByRole('button', { name: text.userForm.submit }).click();
    await expect.poll(() => username.getAttribute('aria-invalid')).toBe('true');
    violations.push(...(await axeViolations(page, `/${lang}/users (a refused username)`)));
    await username.fill(text.coordinator.username);
    await optionalIn(users, text.userForm.email).fill(text.coordinator.email);
    await optionalIn(users, text.userForm.scope).fill(THEME);
    violations.push(...(await axeViolations(page, `/${lang}/users (adding a user)`)));
    await users.getByRole('button', { name: text.userForm.submit }).click();
    const status = page.getByRole('status').filter({ hasText: text.userForm.done });
    await status.waitFor();
    temporaryPassword = ((await status.locator('code').textContent()) ?? '').trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    const row = page.getByRole('row', { name: new RegExp(text.coordinator.username) });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(THEME);
    violations.push(...(await axeViolations(page, `/${lang}/users (user added)`)));
    await screenshot(page, `${lang}-users-added`);
  });

  it('the coordinator signs in with the temporary password, finds the report on their list and submits it', async () => {
    const { page } = coordinator;
    await signInOnPage(page, lang, text.coordinator.username, { password: temporaryPassword });
    await page.getByLabel(text.password.current, { exact: true }).fill(temporaryPassword);
    await page.getByLabel(text.password.new, { exact: true }).fill(E2E_PASSWORD);
    violations.push(...(await axeViolations(page, `/${lang}/sign-in (choosing a password)`)));
    await page.getByRole('button', { name: text.password.submit, exact: true }).click();
    await onTasks(page, lang);
    // Before: the report is to be written (not overdue: the deadline is in 2027), nothing returned.
    expect(await tasksIn(page, text.group.write)).toContain(item);
    expect(await tasksIn(page, text.group.returned)).not.toContain(item);
    violations.push(...(await axeViolations(page, `/${lang}/tasks (coordinator, report to write)`)));

    await page.getByRole('link', { name: item, exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe(`${title}: ${THEME_NAME}`);
    for (const n of [1, 2, 3, 4, 5])
      await page.getByLabel(text.section(n), { exact: true }).fill(`Osion ${n} teksti vuodelta 2025 (${lang}).`);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: text.autosaved }).count(), { timeout: 10_000 })
      .toBe(1);
    violations.push(...(await axeViolations(page, `${reportPath} (draft)`)));
    await page.getByRole('button', { name: text.submit }).click();
    await expect.poll(() => state(page).textContent()).toContain(text.state.submitted);

    // After: nothing left to write for this report.
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.write)).not.toContain(item);
    expect(await tasksIn(page, text.group.returned)).not.toContain(item);
  });

  it('the STM official, told by e-mail, finds it on their list and returns it with a comment', async () => {
    const told = () => mailTo('vuosi-stm@e2e.example.fi').filter((m) => m.subject.startsWith(text.mail.submitted));
    await expect
      .poll(() => told().filter((m) => m.subject.includes(text.period.fi)).length, { timeout: 15_000 })
      .toBe(1);

    const { page } = stm;
    await signInOnPage(page, lang, 'e2e-vuosi-stm');
    expect(await tasksIn(page, text.group.approve)).toContain(item);
    violations.push(...(await axeViolations(page, `/${lang}/tasks (STM, waiting for approval)`)));
    await screenshot(page, `${lang}-tasks-stm`);
    await page.getByRole('link', { name: item, exact: true }).click();
    await page.getByLabel(text.comment).fill(text.commentText);
    violations.push(...(await axeViolations(page, `${reportPath} (submitted, STM)`)));
    await page.getByRole('button', { name: text.returnButton }).click();
    await expect.poll(() => state(page).textContent()).toContain(text.state.returned);
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.approve)).not.toContain(item);
  });

  it('the coordinator reads the return in the mail, follows its link, fixes and resubmits', async () => {
    const returned = () =>
      mailTo(text.coordinator.email).filter(
        (m) => m.subject.startsWith(text.mail.returned) && m.subject.includes(text.period.fi),
      );
    await expect.poll(() => returned().length, { timeout: 15_000 }).toBe(1);
    const mail = returned()[0]!;
    expect(mail.subject).toBe(`${text.mail.returned}${THEME_NAME}, ${text.period.fi}`);
    expect(mail.text).toContain(text.commentText);
    const link = linkIn(mail, 'http://127.0.0.1:');
    expect(link).toMatch(new RegExp(`/fi/reports/${text.period.key}/${THEME}$`));

    const { page } = coordinator;
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.returned)).toContain(item);
    violations.push(...(await axeViolations(page, `/${lang}/tasks (coordinator, returned)`)));
    await screenshot(page, `${lang}-tasks-coordinator-returned`);
    // The link in the mail opens the report (in the mail's language).
    await page.goto(link!);
    const finnishState = page.getByRole('region', { name: TEXT.fi.stateRegion, exact: true }).locator('p').first();
    await expect.poll(() => finnishState.textContent()).toContain(TEXT.fi.state.returned);
    await page.goto(reportPath);
    await expect.poll(() => state(page).textContent()).toContain(text.state.returned);
    const section2 = page.getByRole('region', { name: /^2\. / });
    expect(await section2.getByText(text.commentText).count()).toBe(1);
    violations.push(...(await axeViolations(page, `${reportPath} (returned, coordinator)`)));
    await page.getByLabel(text.section(2), { exact: true }).fill(text.fixText);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: text.autosaved }).count(), { timeout: 10_000 })
      .toBe(1);
    await page.getByRole('button', { name: text.resubmit }).click();
    await expect.poll(() => state(page).textContent()).toContain(text.state.submitted);
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.returned)).not.toContain(item);
  });

  it('both ministries approve: STM first, the report waits for OKM, then OKM', async () => {
    const { page } = stm;
    await page.reload();
    await onTasks(page, lang);
    expect(await tasksIn(page, text.group.approve)).toContain(item);
    await page.getByRole('link', { name: item, exact: true }).click();
    await page.getByRole('button', { name: text.approve }).click();
    await expect.poll(() => page.getByText(text.waitingForOkm).count()).toBe(1);
    expect(await state(page).textContent()).toContain(text.state.submitted);
    violations.push(...(await axeViolations(page, `${reportPath} (approved by STM, waiting for OKM)`)));
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.approve)).not.toContain(item);

    await signInOnPage(okm.page, lang, 'e2e-vuosi-okm');
    expect(await tasksIn(okm.page, text.group.approve)).toContain(item);
    await okm.page.getByRole('link', { name: item, exact: true }).click();
    await okm.page.getByRole('button', { name: text.approve }).click();
    await expect.poll(() => state(okm.page).textContent()).toContain(text.state.approved);
    violations.push(...(await axeViolations(okm.page, `${reportPath} (approved)`)));
    await openTasks(okm.page, lang);
    expect(await tasksIn(okm.page, text.group.approve)).not.toContain(item);

    // The coordinator is told, and has nothing left of this report.
    await expect
      .poll(
        () =>
          mailTo(text.coordinator.email).filter(
            (m) => m.subject.startsWith(text.mail.approved) && m.subject.includes(text.period.fi),
          ).length,
        { timeout: 15_000 },
      )
      .toBe(1);
    await openTasks(coordinator.page, lang);
    for (const group of [text.group.write, text.group.returned])
      expect(await tasksIn(coordinator.page, group)).not.toContain(item);
    expect(violations).toEqual([]);
  });
});
