/**
 * The finance form in Chromium against the real server, as an ELY finance expert uses it, on a theme
 * no other browser test touches (Luovan ja kulttuurialan innovaatio-osaaminen: 13,6 M€, 5 905 632 €,
 * 4 418 618 €, 839 271 € as of 31.10.2024): the date is not pre-filled; the rounded frame comes
 * pre-filled with its "≈" and stays rounded when saved back; each amount shows what will be stored
 * before saving ("12500000.5" is 12 500 000,50 €); an ambiguous amount and a future date are refused
 * at their fields; an order break and a large change are saved only after a confirmation with a
 * reason, which the history then shows; a withdrawal puts the public figures back.
 */
import { describe, expect, it } from 'vitest';
import { heading, scanPage, useBrowser } from './browser.js';
import { E2E_PASSWORD } from './users.js';
import { addCalendarDays, helsinkiDate } from '../../src/domain/helsinki-time.js';

const { newPage } = useBrowser();
const THEME = 'luovan-ja-kulttuurialan-innovaatio-osaaminen';
const NBSP = '\u00a0';

describe('the finance form', () => {
  it('reads amounts unambiguously, refuses bad input at the field, and confirms overrides with a reason', async () => {
    const { context, page } = await newPage();
    const login = await context.request.post('/api/v1/auth/login', {
      data: { username: 'e2e-ely-luova', password: E2E_PASSWORD },
    });
    expect(login.status()).toBe(200);
    await page.goto(`/fi/themes/${THEME}/figures`);
    const asOf = page.getByLabel('Tilannepäivä');
    const frame = page.getByLabel('Rahoituskehys');
    const reserved = page.getByLabel('Varaukset');
    const committed = page.getByLabel('Sidotut valtuudet');
    await asOf.waitFor();
    expect(await asOf.inputValue()).toBe('');
    expect(await frame.inputValue()).toBe('≈ 13 600 000');
    expect(await reserved.inputValue()).toBe('5 905 632');

    // What will be stored, before saving.
    await reserved.fill('12500000.5');
    await expect.poll(() => page.getByText(`Tallennetaan: 12${NBSP}500${NBSP}000,50${NBSP}€`).count()).toBe(1);
    await reserved.fill('12.500.000');
    await expect.poll(() => page.getByText(`Tallennetaan: 12${NBSP}500${NBSP}000${NBSP}€`).count()).toBe(1);

    // An ambiguous amount is refused at its field, with the accepted forms.
    await reserved.fill('5.905');
    await asOf.fill('2025-06-30');
    await page.getByLabel('Peruste').fill('Tilanne 30.6.2025');
    await page.getByRole('button', { name: 'Kirjaa luvut' }).click();
    await expect.poll(() => reserved.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(/Summa on monitulkintainen/).count()).toBeGreaterThan(0);

    // A future date (three days ahead in Helsinki) is refused by the server, at the date field, and
    // nothing is saved. (9999-12-31 never reaches the rule: the contract refuses it as no sane date.)
    await reserved.fill('5 905 632');
    await asOf.fill(addCalendarDays(helsinkiDate(new Date()), 3));
    await page.getByRole('button', { name: 'Kirjaa luvut' }).click();
    await expect.poll(() => asOf.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(/ei voi olla tulevaisuudessa/).count()).toBeGreaterThan(0);

    // Committed above reserved, and a jump of over a million: both must be confirmed.
    await asOf.fill('2025-06-30');
    await committed.fill('6 000 000');
    await page.getByRole('button', { name: 'Kirjaa luvut' }).click();
    const confirm = page.getByRole('alert').filter({ hasText: 'Tarkista luvut' });
    await expect.poll(() => confirm.count()).toBe(1);
    expect(await confirm.textContent()).toContain('ovat suuremmat kuin varaukset');
    expect(await confirm.textContent()).toContain('Suuri muutos');
    await page.getByRole('button', { name: 'Vahvista ja tallenna' }).click();
    await expect.poll(() => page.getByLabel('Miksi luvut ovat oikein').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Miksi luvut ovat oikein').fill('EURA: päätös 20.6.2025 sidottu ennen varausta');
    await page.getByRole('button', { name: 'Vahvista ja tallenna' }).click();

    // The theme page: the frame still rounded, the confirmed figures and the confirmation in the history.
    await expect.poll(() => heading(page).textContent()).toContain('Luovan');
    const money = page.getByRole('list', { name: 'Rahoitus' });
    await expect
      .poll(() => money.getByRole('listitem').filter({ hasText: 'Rahoituskehys' }).textContent())
      .toContain(`≈${NBSP}13${NBSP}600${NBSP}000${NBSP}€`);
    await expect
      .poll(() => money.getByRole('listitem').filter({ hasText: 'Sidotut valtuudet' }).textContent())
      .toContain(`6${NBSP}000${NBSP}000${NBSP}€`);
    expect(await page.getByText(/Vahvistettu: sidotut yli varausten.*EURA: päätös 20\.6\.2025/).count()).toBe(1);

    // Withdrawn from the form's history: the figures of 31.10.2024 are the theme's again.
    await page.goto(`/fi/themes/${THEME}/figures`);
    await page.getByRole('button', { name: 'Peru (30.6.2025)' }).click();
    await page.getByLabel('Miksi kirjaus perutaan').fill('Kirjattu väärälle teemalle');
    await page.getByRole('button', { name: 'Peru kirjaus' }).click();
    await expect.poll(() => page.getByText('Peruttu', { exact: true }).count()).toBe(1);
    expect(await page.getByText(/^Peruutus/).count()).toBe(1);
    await page.goto(`/fi/themes/${THEME}`);
    await expect
      .poll(() => money.getByRole('listitem').filter({ hasText: 'Sidotut valtuudet' }).textContent())
      .toContain(`4${NBSP}418${NBSP}618${NBSP}€`);

    // The form with its history, confirmations and withdrawals passes axe.
    expect(await scanPage(page, `/fi/themes/${THEME}/figures`)).toEqual([]);
    await context.close();
  });
});
