/**
 * One theme report from draft through return to approval, in Chromium against the real server, in
 * Finnish and in Swedish: LANUPE's coordinator writes past a section's limit (the counter and the
 * field say so, the draft is neither autosaved nor saved by hand, and the server refuses the same
 * text sent to it directly), fixes it, lets autosave store the draft and submits; an STM official
 * returns it with a comment on a section, which the coordinator also receives by e-mail; the
 * coordinator sees the comment, edits and submits again; the STM official approves and the report
 * waits for OKM (LANUPE is a joint theme), an OKM official approves, and the state reads approved.
 * The report pages pass axe (WCAG 2.1 A and AA) in each state they are seen in.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, heading, useBrowser, type BrowserSession } from './browser.js';
import { mailTo } from './mail.js';
import { E2E_PASSWORD, E2E_PERIODS } from './users.js';

const { newPage } = useBrowser();

const axe = axeViolations;

const TEXT = {
  fi: {
    themeName:
      'Lasten, nuorten ja perheiden palveluiden kehittäminen ja hyvinvoinnin edistäminen kohti yhdenvertaisuutta',
    signIn: { link: 'Kirjaudu sisään', username: 'Käyttäjätunnus', password: 'Salasana', submit: 'Kirjaudu' },
    nav: 'Raportit',
    reportLink: 'Toteutuskatsaus 2024: teeman raportti',
    section: (n: number) => `Osion ${n} teksti`,
    tooLong: 'Teksti on 1 merkin liian pitkä',
    held: 'Osio 1 ylittää merkkirajan',
    saveDraft: 'Tallenna luonnos',
    notSaved: 'Ei tallennettu: korjaa merkityt kohdat',
    autosaved: 'Luonnos tallennettu automaattisesti',
    submit: 'Lähetä ministeriölle',
    resubmit: 'Lähetä uudelleen',
    comment: /^Kommentti: 2\./,
    returnButton: 'Palauta korjattavaksi',
    approve: 'Hyväksy raportti',
    state: { submitted: 'lähetetty', returned: 'palautettu korjattavaksi', approved: 'hyväksytty' },
    commentFrom: 'Ministeriön kommentti (Testi Ministeriö',
    compareFrom: 'Vanhempi versio',
    compareTo: 'Uudempi versio',
    returnedVersion: /: palautettu /,
    approvedVersion: /: hyväksytty /,
    waitingForOkm: 'Hyväksyjät: OKM, STM. Hyväksynyt: STM.',
    compare: 'Vertaa',
    limitProblem: 'Osiossa 1 on 2001 merkkiä; enintään 2000 sallitaan (1 liikaa).',
    comment2: 'Kerro tarkemmin, mitä hauissa tapahtui.',
    edit2: 'Teeman ensimmäinen haku oli auki syksyllä 2023, ja hakemuksia tuli 147.',
  },
  sv: {
    themeName:
      'Utveckling av tjänster för barn, ungdomar och familjer och befordran av välbefinnande mot jämställdheten',
    signIn: { link: 'Logga in', username: 'Användarnamn', password: 'Lösenord', submit: 'Logga in' },
    nav: 'Rapporter',
    reportLink: 'Genomförandeöversikt 2024, svensk omgång: temats rapport',
    section: (n: number) => `Text i avsnitt ${n}`,
    tooLong: 'Texten är 1 tecken för lång',
    held: 'Avsnitt 1 överskrider teckengränsen',
    saveDraft: 'Spara utkastet',
    notSaved: 'Inte sparat: rätta de markerade fälten',
    autosaved: 'Utkastet sparades automatiskt',
    submit: 'Skicka in till ministeriet',
    resubmit: 'Skicka in på nytt',
    comment: /^Kommentar: 2\./,
    returnButton: 'Återsänd för ändringar',
    approve: 'Godkänn rapporten',
    state: { submitted: 'inskickad', returned: 'återsänd för ändringar', approved: 'godkänd' },
    commentFrom: 'Ministeriets kommentar (Testi Ministeriö',
    compareFrom: 'Äldre version',
    compareTo: 'Nyare version',
    returnedVersion: /: återsänd /,
    approvedVersion: /: godkänd /,
    waitingForOkm: 'Godkänns av: OKM, STM. Har godkänt: STM.',
    compare: 'Jämför',
    limitProblem: 'Avsnitt 1 har 2001 tecken; högst 2000 är tillåtet (1 för många).',
    comment2: 'Beskriv närmare vad som hände i utlysningarna.',
    edit2: 'Temats första utlysning var öppen hösten 2023 och 147 ansökningar kom in.',
  },
} as const;

describe.each(['fi', 'sv'] as const)('a theme report from draft to approval in %s', (lang) => {
  const text = TEXT[lang];
  const period = E2E_PERIODS[lang];
  const reportPath = `/${lang}/reports/${period.key}/lanupe`;
  let coordinator: BrowserSession;
  let ministry: BrowserSession;
  const violations: string[] = [];

  beforeAll(async () => {
    coordinator = await newPage();
    ministry = await newPage();
  });
  afterAll(async () => {
    await coordinator?.context.close();
    await ministry?.context.close();
  });

  const stored = async (context: BrowserContext) => {
    const response = await context.request.get(`/api/v1/reporting-periods/${period.key}/themes/lanupe/report`);
    expect(response.status()).toBe(200);
    return (await response.json()) as {
      id: number;
      version: number;
      state: string;
      sections: { key: string; characters: number }[];
    };
  };
  const state = (page: Page) =>
    page
      .getByRole('region', { name: lang === 'fi' ? 'Tila' : 'Status', exact: true })
      .locator('p')
      .first();

  it('the coordinator signs in and opens the report from the theme page', async () => {
    const { page } = coordinator;
    await page.goto(`/${lang}/themes/lanupe`);
    await page.getByRole('link', { name: text.signIn.link }).click();
    await page.getByLabel(text.signIn.username).fill('e2e-koordinaattori');
    await page.getByLabel(text.signIn.password, { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: text.signIn.submit, exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe(text.themeName);
    // The navigation offers the reports to a role that has them.
    expect(await page.getByRole('navigation').getByRole('link', { name: text.nav }).count()).toBe(1);
    await page.getByRole('link', { name: text.reportLink }).click();
    await expect.poll(() => page.url()).toContain(reportPath);
    // The theme page stays while the report page's code loads: wait for the report's own heading.
    await expect.poll(() => heading(page).textContent()).toBe(`${period.title[lang]}: ${text.themeName}`);
    // The header comes from the data as of the cut-off: LANUPE's frame was 23 million euros.
    expect(
      await page.getByRole('region', { name: lang === 'fi' ? 'Perustiedot' : 'Grunduppgifter' }).textContent(),
    ).toContain('23\u00a0000\u00a0000\u00a0€');
    violations.push(...(await axe(page, `${reportPath} (draft, coordinator)`)));
  });

  it('refuses text over a section limit in the browser, and the server refuses it too', async () => {
    const { page, context } = coordinator;
    const s1 = page.getByLabel(text.section(1), { exact: true });
    await s1.fill('a'.repeat(2001));
    // The design system's counter marks the overflow; the field says what is wrong.
    const counter = page.getByText('2001/2000', { exact: true });
    await expect.poll(() => counter.getAttribute('class')).toContain('fi-textarea_character-counter--error');
    expect(await s1.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(text.tooLong).count()).toBeGreaterThan(0);
    // Autosave holds the section back, and saving by hand is refused with focus on the field.
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: text.held }).count(), { timeout: 10_000 })
      .toBe(1);
    await page.getByRole('button', { name: text.saveDraft }).click();
    await expect.poll(() => page.getByText(text.notSaved).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('section-s1');
    const report = await stored(context);
    expect(report.sections.find((s) => s.key === 's1')?.characters).toBe(0);

    // The same text sent straight to the API: 422, naming the field, in the request's language.
    const session = (await (await context.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
    const direct = await context.request.patch(`/api/v1/reports/${report.id}`, {
      data: { sections: { s1: { html: `<p>${'a'.repeat(2001)}</p>` } } },
      headers: { 'if-match': `"${report.version}"`, 'x-csrf-token': session.csrfToken, 'accept-language': lang },
    });
    expect(direct.status()).toBe(422);
    const problem = (await direct.json()) as { errors: { name: string; reason: string }[] };
    expect(problem.errors).toEqual([{ name: 'sections.s1', reason: text.limitProblem }]);
    expect((await stored(context)).version).toBe(report.version);
  });

  it('autosaves the fixed draft and submits it', async () => {
    const { page, context } = coordinator;
    await page.getByLabel(text.section(1), { exact: true }).fill('a'.repeat(2000));
    expect(await page.getByText('2000/2000', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel(text.section(1), { exact: true }).getAttribute('aria-invalid')).not.toBe('true');
    for (const n of [2, 3, 4, 5])
      await page
        .getByLabel(text.section(n), { exact: true })
        .fill(`Osion ${n} teksti (${lang}).\n- ensimmäinen kohta\n- toinen kohta`);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: text.autosaved }).count(), { timeout: 10_000 })
      .toBe(1);
    const saved = await stored(context);
    expect(saved.sections.map((s) => s.characters)).toEqual([
      2000,
      ...[2, 3, 4, 5].map((n) => `Osion ${n} teksti (${lang}).\nensimmäinen kohta\ntoinen kohta`.length),
    ]);
    await page.getByRole('button', { name: text.submit }).click();
    await expect.poll(() => state(page).textContent()).toContain(text.state.submitted);
    expect((await stored(context)).state).toBe('submitted');
    // Submitted: nothing to edit any more.
    expect(await page.getByLabel(text.section(1), { exact: true }).count()).toBe(0);
  });

  it('the ministry official returns it with a comment on section 2', async () => {
    const { page, context } = ministry;
    expect(
      (
        await context.request.post('/api/v1/auth/login', { data: { username: 'e2e-stm', password: E2E_PASSWORD } })
      ).status(),
    ).toBe(200);
    await page.goto(`/${lang}/reports`);
    await heading(page).waitFor();
    violations.push(...(await axe(page, `/${lang}/reports (ministry)`)));
    const periodPanel = page.getByRole('region', { name: period.title[lang], exact: true });
    await periodPanel.getByRole('link', { name: text.themeName }).click();
    await expect.poll(() => page.url()).toContain(reportPath);
    await page.getByLabel(text.comment).waitFor();
    violations.push(...(await axe(page, `${reportPath} (submitted, ministry)`)));
    await page.getByLabel(text.comment).fill(text.comment2);
    await page.getByRole('button', { name: text.returnButton }).click();
    await expect.poll(() => state(page).textContent()).toContain(text.state.returned);
    // The coordinator is told by e-mail, in the account's language (Finnish), with the comment.
    const told = () =>
      mailTo('koordinaattori@e2e.example.fi').filter(
        (mail) => mail.subject.startsWith('Palautettu korjattavaksi: ') && mail.text.includes(text.comment2),
      );
    await expect.poll(() => told().length, { timeout: 15_000 }).toBe(1);
    expect(told()[0]!.subject).toContain(period.title.fi);
    expect(told()[0]!.text).toContain(`/fi/reports/${period.key}/lanupe`);
  });

  it('the coordinator sees the comment, edits and submits again', async () => {
    const { page, context } = coordinator;
    await page.reload();
    await expect.poll(() => state(page).textContent()).toContain(text.state.returned);
    // The comment is shown at the section it is about, and in the summary of what to change.
    const section2 = page.getByRole('region', { name: new RegExp(`^2\\. `) });
    expect(await section2.getByText(text.commentFrom).count()).toBe(1);
    expect(await section2.getByText(text.comment2).count()).toBe(1);
    expect(
      await page
        .getByRole('region', { name: lang === 'fi' ? 'Tila' : 'Status', exact: true })
        .getByText(text.comment2)
        .count(),
    ).toBe(1);
    violations.push(...(await axe(page, `${reportPath} (returned, coordinator)`)));
    const field = page.getByLabel(text.section(2), { exact: true });
    await field.fill(text.edit2);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: text.autosaved }).count(), { timeout: 10_000 })
      .toBe(1);
    await page.getByRole('button', { name: text.resubmit }).click();
    await expect.poll(() => state(page).textContent()).toContain(text.state.submitted);
    const report = await stored(context);
    expect(report.state).toBe('submitted');
  });

  it('both ministries of the joint theme approve it; the state reads approved; versions compare', async () => {
    const { page } = ministry;
    await page.reload();
    await page.getByRole('button', { name: text.approve }).waitFor();
    await page.getByRole('button', { name: text.approve }).click();
    // STM has approved; LANUPE is OKM's too, so the report waits for OKM and STM decides no more.
    await expect.poll(() => page.getByText(text.waitingForOkm).count()).toBe(1);
    expect(await state(page).textContent()).toContain(text.state.submitted);
    expect(await page.getByRole('button', { name: text.approve }).count()).toBe(0);
    violations.push(...(await axe(page, `${reportPath} (approved by STM, waiting for OKM)`)));

    const okm = await newPage();
    try {
      await okm.page.goto(`/${lang}/themes/lanupe`);
      await okm.page.getByRole('link', { name: text.signIn.link }).click();
      await okm.page.getByLabel(text.signIn.username).fill('e2e-okm');
      await okm.page.getByLabel(text.signIn.password, { exact: true }).fill(E2E_PASSWORD);
      await okm.page.getByRole('button', { name: text.signIn.submit, exact: true }).click();
      await expect.poll(() => heading(okm.page).textContent()).toBe(text.themeName);
      await okm.page.goto(reportPath);
      await okm.page.getByRole('button', { name: text.approve }).click();
      await expect.poll(() => state(okm.page).textContent()).toContain(text.state.approved);
    } finally {
      await okm.context.close();
    }
    await page.reload();
    await expect.poll(() => state(page).textContent()).toContain(text.state.approved);

    // What changed between the return and the approval: section 2 as rewritten.
    // The design system's dropdown button is named by its value, then its label.
    await page.getByRole('button', { name: new RegExp(`${text.compareFrom}$`) }).click();
    await page.getByRole('option', { name: text.returnedVersion }).click();
    await page.getByRole('button', { name: new RegExp(`${text.compareTo}$`) }).click();
    await page.getByRole('option', { name: text.approvedVersion }).last().click();
    await page.getByRole('button', { name: text.compare, exact: true }).click();
    await expect.poll(() => page.locator('ins').filter({ hasText: '147' }).count()).toBeGreaterThan(0);
    violations.push(...(await axe(page, `${reportPath} (approved, ministry, compared)`)));

    // The coordinator sees it approved too.
    await coordinator.page.reload();
    await expect.poll(() => state(coordinator.page).textContent()).toContain(text.state.approved);
    expect((await stored(coordinator.context)).state).toBe('approved');
    expect(violations).toEqual([]);
  });
});

describe('the managing authority', () => {
  it("sees every theme's report state at a glance and records reminders", async () => {
    const { context, page } = await newPage();
    expect(
      (
        await context.request.post('/api/v1/auth/login', { data: { username: 'e2e-admin', password: E2E_PASSWORD } })
      ).status(),
    ).toBe(200);
    await page.goto('/fi/reports');
    const panel = page.getByRole('region', { name: E2E_PERIODS.fi.title.fi, exact: true });
    const table = panel.getByRole('table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(12);
    const violations = await axe(page, '/fi/reports (managing authority)');
    // Every theme whose report is neither submitted nor approved gets a reminder (sent as mail through the outbox).
    const states = await rows.locator('td:nth-child(2)').allTextContents();
    const due = states.filter((state) => !/lähetetty|hyväksytty/.test(state)).length;
    expect(due).toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Lähetä muistutus' }).click();
    await expect.poll(() => panel.getByText(`Muistutus kirjattu ${due} teemalle`).count()).toBe(1);
    await expect.poll(() => rows.locator('td:nth-child(6)').filter({ hasText: /\d/ }).count()).toBe(due);
    await context.close();
    expect(violations).toEqual([]);
  });
});
