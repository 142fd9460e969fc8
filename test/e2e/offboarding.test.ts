/**
 * Issue 13 in Chromium: the managing authority disables an account on the users page (fi), and the
 * person's open session ends at once; the page passes axe (WCAG 2.1 A, AA) in fi and sv. The sign-in
 * page says how long to wait when guesses at an account are being slowed down.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, heading, scanPage, useBrowser } from './browser.js';
import { E2E_PASSWORD } from './users.js';

const { newPage } = useBrowser();

describe('offboarding in the browser', () => {
  it('the managing authority disables an account and its open session ends at once (fi)', async () => {
    const leaver = await newPage();
    expect(
      (
        await leaver.context.request.post('/api/v1/auth/login', {
          data: { username: 'e2e-lahtija', password: E2E_PASSWORD },
        })
      ).status(),
    ).toBe(200);
    expect((await leaver.context.request.get('/api/v1/auth/session')).status()).toBe(200);

    const { context, page } = await newPage();
    await page.goto('/fi/sign-in?next=/fi/users');
    await page.getByLabel('Käyttäjätunnus').fill('e2e-admin');
    await page.getByLabel('Salasana', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Käyttäjät');
    const violations = await axeViolations(page, '/fi/users');

    await page.getByRole('button', { name: 'Poista käytöstä: Testi Lähtijä' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Testi Lähtijä on poistettu käytöstä');
    const row = page.getByRole('row', { name: /e2e-lahtija/ });
    await expect.poll(() => row.textContent()).toContain('Poistettu käytöstä');
    await page.getByRole('button', { name: 'Ota käyttöön: Testi Lähtijä' }).waitFor();

    // The leaver's browser: the session ended with the click, and signing in again is refused.
    expect((await leaver.context.request.get('/api/v1/auth/session')).status()).toBe(401);
    expect(
      (
        await leaver.context.request.post('/api/v1/auth/login', {
          data: { username: 'e2e-lahtija', password: E2E_PASSWORD },
        })
      ).status(),
    ).toBe(401);

    // Back in, with a temporary password that the person must change at the sign-in page.
    await page.getByRole('button', { name: 'Ota käyttöön: Testi Lähtijä' }).click();
    await page.getByRole('button', { name: 'Nollaa salasana: Testi Lähtijä' }).click();
    const temporary = (await page.getByRole('status').locator('code').textContent({ timeout: 10_000 }))!;
    expect(temporary.length).toBeGreaterThanOrEqual(16);
    violations.push(...(await axeViolations(page, '/fi/users (temporary password)')));
    await leaver.page.goto('/fi/sign-in');
    await leaver.page.getByLabel('Käyttäjätunnus').fill('e2e-lahtija');
    await leaver.page.getByLabel('Salasana', { exact: true }).fill(temporary);
    await leaver.page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
    await leaver.page.getByText('Kirjauduit väliaikaisella salasanalla').waitFor();
    violations.push(...(await axeViolations(leaver.page, '/fi/sign-in (change password)')));
    await leaver.page.getByLabel('Nykyinen salasana').fill(temporary);
    await leaver.page.getByLabel(/^Uusi salasana/).fill('Lähtijän-oma-salasana-2026');
    await leaver.page.getByRole('button', { name: 'Vaihda salasana', exact: true }).click();
    await expect.poll(() => heading(leaver.page).textContent()).not.toBe('Kirjaudu sisään');

    violations.push(...(await scanPage(page, '/sv/users')));
    expect(violations).toEqual([]);
    await context.close();
    await leaver.context.close();
  });

  it('the sign-in page says how long to wait while guesses are slowed down (fi)', async () => {
    const { context, page } = await newPage();
    // Wrong guesses at the pace the delays allow (1 + 2 + 4 s), until the next wait is 8 s: long enough to see.
    for (let evaluated = 0; evaluated < 8;) {
      const answer = await context.request.post('/api/v1/auth/login', {
        data: { username: 'e2e-arvattava', password: `väärin-${evaluated}` },
      });
      if (answer.status() === 401) evaluated++;
      else await new Promise((resolve) => setTimeout(resolve, Number(answer.headers()['retry-after']) * 1000));
    }
    await page.goto('/fi/sign-in');
    await page.getByLabel('Käyttäjätunnus').fill('e2e-arvattava');
    await page.getByLabel('Salasana', { exact: true }).fill('väärin-taas');
    await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
    await expect.poll(() => page.getByRole('main').textContent()).toMatch(/Yritä uudelleen \d+ sekunnin kuluttua/);
    await context.close();
  });
});
