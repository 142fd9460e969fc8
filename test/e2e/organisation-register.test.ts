/**
 * Issue 20, the organisation register, in Chromium against the real server and a stand-in of the YTJ
 * open-data API (global-setup.ts): a finance expert looks an organisation up on its form, sees the
 * register's values next to the stored ones with their sources, takes the empty fields (ticked to
 * begin with) and leaves the type they entered themselves; the organisation's page then shows where
 * each value came from; a wrong check digit is refused with the reason. In Finnish and Swedish, at
 * 1366 and 320 px (screenshots in $SCREENSHOT_DIR, default /tmp/teemaseuranta-register-shots), and
 * axe (WCAG 2.1 A, AA) finds nothing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, heading, useBrowser } from './browser.js';
import { E2E_PASSWORD } from './users.js';

const { newPage } = useBrowser();
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/teemaseuranta-register-shots';
const KEY = 'e2e-kaiku';

async function signedIn(username: string) {
  const session = await newPage();
  const login = await session.context.request.post('/api/v1/auth/login', {
    data: { username, password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return session;
}

async function shots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1366, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('region', { name: /Hae YTJ:stä|Sök i FDS/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe('the organisation register in the browser', () => {
  it('looks up, compares, takes the chosen fields and shows their sources (fi, sv)', async () => {
    const { context, page } = await signedIn('e2e-ely');
    const csrf = ((await (await context.request.get('/api/v1/auth/session')).json()) as { csrfToken: string })
      .csrfToken;
    const created = await context.request.post('/api/v1/organisations', {
      data: { key: KEY, name: { fi: 'Kaiku ry' }, type: 'foundation' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(created.status(), await created.text()).toBe(201);

    await page.goto(`/fi/organisations/${KEY}/edit`);
    await heading(page).waitFor();
    const panel = page.getByRole('region', { name: 'Hae YTJ:stä' });
    await panel.getByLabel('Y-tunnus tai nimi').fill('3100001-2');
    await panel.getByRole('button', { name: 'Hae YTJ:stä' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('tarkistusmerkki ei täsmää');
    const violations = await axeViolations(page, `/fi/organisations/${KEY}/edit (wrong check digit)`);

    await panel.getByLabel('Y-tunnus tai nimi').fill('3100001-1');
    await panel.getByRole('button', { name: 'Hae YTJ:stä' }).click();
    const table = panel.getByRole('region', { name: /Tallennetut tiedot ja YTJ:n tiedot/ });
    await table.waitFor();
    expect(await panel.textContent()).toContain('Yritysmuoto: Yhdistys.');
    // Empty here: ticked. Entered by a person (name, type): not ticked, replaced only if chosen.
    const box = (name: string) => panel.getByRole('checkbox', { name });
    expect(await box('Ota YTJ:stä: Y-tunnus').isChecked()).toBe(true);
    expect(await box('Ota YTJ:stä: Kotikunta (kuntanumero)').isChecked()).toBe(true);
    expect(await box('Ota YTJ:stä: Nimi ruotsiksi (YTJ:n rinnakkaistoiminimi)').isChecked()).toBe(true);
    expect(await box('Korvaa YTJ:n arvolla: Organisaation tyyppi').isChecked()).toBe(false);
    expect(await box('Korvaa YTJ:n arvolla: Nimi suomeksi').isChecked()).toBe(false);
    expect(await table.textContent()).toContain('Lähde: käyttäjä');
    violations.push(...(await axeViolations(page, `/fi/organisations/${KEY}/edit (compared)`)));
    await shots(page, 'register-compare-fi');

    await panel.getByRole('button', { name: 'Ota valitut tiedot YTJ:stä (3)' }).click();
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toContain('3 tietoa otettiin YTJ:stä ja tallennettiin lähteineen.');
    await expect.poll(() => table.textContent()).toContain('Lähde: YTJ');
    violations.push(...(await axeViolations(page, `/fi/organisations/${KEY}/edit (taken)`)));

    await page.goto(`/fi/organisations/${KEY}`);
    await heading(page).waitFor();
    const facts = page.getByRole('region', { name: 'Perustiedot' });
    await expect.poll(() => facts.textContent()).toContain('3100001-1');
    const text = (await facts.textContent()) ?? '';
    expect(text).toContain('Säätiö');
    expect(text).toMatch(/Lähde: YTJ/);
    expect(text).toMatch(/Lähde: käyttäjä/);
    violations.push(...(await axeViolations(page, `/fi/organisations/${KEY}`)));

    await page.goto(`/sv/organisations/${KEY}/edit`);
    await heading(page).waitFor();
    const svPanel = page.getByRole('region', { name: 'Sök i FDS' });
    await svPanel.getByRole('button', { name: 'Sök i FDS' }).click();
    await svPanel.getByRole('region', { name: /Sparade uppgifter och FDS uppgifter/ }).waitFor();
    expect(await svPanel.textContent()).toContain('Källa: FDS');
    violations.push(...(await axeViolations(page, `/sv/organisations/${KEY}/edit (compared)`)));
    await shots(page, 'register-compare-sv');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('shows a wellbeing services county organisation in its own county', async () => {
    const { context, page } = await newPage();
    await page.goto('/fi/organisations/pirkanmaan-hyvinvointialue');
    await heading(page).waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Perustiedot' }).textContent())
      .toMatch(/Pirkanma.*\(oma alueensa\)/);
    await context.close();
  });
});
