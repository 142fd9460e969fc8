/**
 * My tasks as the start page after sign-in, in Chromium against the real server, in Finnish and in
 * Swedish: a coordinator signs in from the public overview and lands on their task list, which names
 * the report to write as overdue (the 2024 deadline has passed) and links to it; the link opens the
 * report. The page passes axe (WCAG 2.1 A and AA), and the navigation offers it to the signed-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, heading, useBrowser, type BrowserSession } from './browser.js';
import { E2E_PASSWORD } from './users.js';

const { newPage } = useBrowser();

const TEXT = {
  fi: {
    signIn: { link: 'Kirjaudu sisään', username: 'Käyttäjätunnus', password: 'Salasana', submit: 'Kirjaudu' },
    title: 'Omat tehtävät',
    group: 'Kirjoitettavat raportit (1)',
    report: 'Jatkuva oppiminen – Toteutuskatsaus 2024',
    overdue: 'Myöhässä',
    due: 'määräaika 15.12.2024',
  },
  sv: {
    signIn: { link: 'Logga in', username: 'Användarnamn', password: 'Lösenord', submit: 'Logga in' },
    title: 'Mina uppgifter',
    group: 'Rapporter att skriva (1)',
    // The theme has no Swedish name in the data: the Finnish one stands.
    report: 'Jatkuva oppiminen – Genomförandeöversikt 2024',
    overdue: 'Försenad',
    due: 'tidsfrist 15.12.2024',
  },
} as const;

describe.each(['fi', 'sv'] as const)('my tasks after sign-in in %s', (lang) => {
  const text = TEXT[lang];
  let session: BrowserSession;
  beforeAll(async () => {
    session = await newPage();
  });
  afterAll(async () => session?.context.close());

  it('lands the coordinator on their tasks, the overdue report first, linked to where it is written', async () => {
    const { page } = session;
    await page.goto(`/${lang}/`);
    await page.getByRole('link', { name: text.signIn.link }).click();
    await page.getByLabel(text.signIn.username).fill('e2e-tehtavat');
    await page.getByLabel(text.signIn.password, { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: text.signIn.submit, exact: true }).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/${lang}/tasks$`));
    await expect.poll(() => heading(page).textContent()).toBe(text.title);
    expect(await page.getByRole('navigation').getByRole('link', { name: text.title }).count()).toBe(1);
    const group = page.getByRole('region', { name: text.group });
    await group.waitFor();
    const item = group.getByRole('listitem');
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain(text.due);
    expect(await item.textContent()).toContain(text.overdue);
    expect(await axeViolations(page, `/${lang}/tasks (coordinator)`)).toEqual([]);

    await group.getByRole('link', { name: text.report }).click();
    await expect.poll(() => page.url()).toContain(`/${lang}/reports/2024/jatkuva-oppiminen`);
    await expect.poll(() => heading(page).textContent()).toContain('Jatkuva oppiminen');
  });
});
