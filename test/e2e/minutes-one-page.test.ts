/**
 * The secretary's year with the minutes in Chromium, in Finnish and Swedish: the secretary appoints
 * a deputy and links the chair's seat to the chair's account in the browser, writes the minutes of
 * a held meeting on one page (saved by themselves), the chair returns them with a reason the
 * secretary sees on the meeting page, the secretary fixes them and the chair checks them, and the
 * next meeting, with a quorum recorded, approves them. Every page is scanned with axe. Set-up only
 * (creating the two meetings and recording the second one's attendance) goes through the API.
 */
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, heading, optionalField, useBrowser, type BrowserSession } from './browser.js';
import { E2E_PASSWORD } from './users.js';

const GROUP = 'lanupe-johtoryhma';
const { newPage } = useBrowser();

async function signedIn(username: string): Promise<BrowserSession> {
  const session = await newPage();
  const response = await session.context.request.post('/api/v1/auth/login', {
    data: { username, password: E2E_PASSWORD },
  });
  expect(response.status()).toBe(200);
  return session;
}

async function send(
  request: APIRequestContext,
  method: 'PATCH' | 'POST',
  path: string,
  data: unknown,
  ifMatch?: number,
) {
  const csrf = ((await (await request.get('/api/v1/auth/session')).json()) as { csrfToken: string }).csrfToken;
  const response = await request.fetch(path, {
    method,
    data,
    headers: { 'x-csrf-token': csrf, ...(ifMatch ? { 'if-match': `"${ifMatch}"` } : {}) },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json();
}

type Group = {
  chair: { id: number; name: string };
  seats: { seat: number; member: { id: number } | null; deputy: unknown }[];
};

describe('the minutes on one page, returned, fixed, checked and approved with a quorum', () => {
  let first = '';
  let second = '';

  it('the secretary appoints a deputy and links the chair’s seat to the chair’s account (fi)', async () => {
    const { context, page } = await signedIn('e2e-sihteeri');
    const group = (await (await context.request.get(`/api/v1/steering-groups/${GROUP}`)).json()) as Group;
    const open = group.seats.find((s) => s.member && !s.deputy)!;
    await page.goto(`/fi/steering-groups/${GROUP}`);
    await page.getByRole('link', { name: `Nimeä paikan ${open.seat} varajäsen` }).click();
    await expect.poll(() => heading(page).textContent()).toBe(`Nimeä paikan ${open.seat} varajäsen`);
    await page.getByRole('textbox', { name: /^Nimi/ }).fill('Testi Varajäsen');
    await optionalField(page, 'Organisaatio').fill('THL');
    await page.getByRole('textbox', { name: /^Jäsen alkaen/ }).fill('1.1.2026');
    await optionalField(page, 'Päätös \\(diaarinumero\\)').fill('VN/30090/2021');
    expect(await axeViolations(page, 'appoint a deputy (fi)')).toEqual([]);
    await page.getByRole('button', { name: 'Nimeä', exact: true }).click();
    await expect.poll(() => page.getByText('Testi Varajäsen').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: `Muuta tai päätä: ${group.chair.name}` }).click();
    await optionalField(page, 'Tunnus').fill('e2e-pj');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => page.getByText('Tallennettu', { exact: false }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page, 'membership (fi)')).toEqual([]);

    // Set-up: two meetings of this year that have been held, the first with everyone present.
    const made = async (date: string) =>
      (
        (await send(context.request, 'POST', '/api/v1/meetings', {
          steeringGroup: GROUP,
          date,
          startTime: '10:00',
        })) as {
          data: { key: string };
        }
      ).data.key;
    first = await made('2026-11-16');
    second = await made('2026-11-30');
    const roster = (await (
      await context.request.get(`/api/v1/steering-groups/${GROUP}?at=2026-11-16`)
    ).json()) as Group;
    const everyone = roster.seats.flatMap((s) => (s.member ? [{ memberId: s.member.id, present: true }] : []));
    for (const key of [first, second]) {
      const meeting = (await (await context.request.get(`/api/v1/meetings/${key}`)).json()) as { version: number };
      await send(context.request, 'PATCH', `/api/v1/meetings/${key}`, { attendance: everyone }, meeting.version);
    }
    await context.close();
  });

  it('the secretary writes the minutes of every item on one page; they save by themselves (fi)', async () => {
    const { context, page } = await signedIn('e2e-sihteeri');
    await page.goto(`/fi/meetings/${first}`);
    await page.getByRole('link', { name: 'Kirjoita pöytäkirja (kaikki kohdat yhdellä sivulla)' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/pöytäkirja$/);
    const opening = page.getByRole('textbox', { name: /^Keskustelu \(1 §\)/ });
    await opening.fill('Puheenjohtaja avasi kokouksen.');
    // Alt+↓ goes to the next item's first field.
    await opening.press('Alt+ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-discussion$/);
    await page.keyboard.type('Keskusteltiin asialistasta.');
    await page.getByRole('textbox', { name: /^Päätös \(2 §\)/ }).fill('Asialista hyväksyttiin.');
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
      .toBe('Kaikki muutokset tallennettu');
    expect(await page.getByText(/^Tallennettu klo/).count()).toBeGreaterThanOrEqual(2);
    expect(await axeViolations(page, 'minutes editor (fi)')).toEqual([]);
    await context.close();
  });

  it('the chair returns the minutes with a reason, which the secretary sees (fi, sv)', async () => {
    const chair = await signedIn('e2e-pj');
    await chair.page.goto(`/fi/meetings/${first}`);
    await chair.page.getByRole('button', { name: 'Tarkasta pöytäkirja' }).click();
    await chair.page.getByRole('button', { name: 'Palauta pöytäkirja sihteerille' }).waitFor();
    await chair.page.getByRole('textbox', { name: /^Mitä pitää korjata/ }).fill('Kohdan 3 päätös puuttuu.');
    await chair.page.getByRole('button', { name: 'Palauta pöytäkirja sihteerille' }).click();
    await expect.poll(() => chair.page.getByText('Pöytäkirjan tila on nyt: luonnos', { exact: false }).count()).toBe(1);
    await chair.context.close();

    const { context, page } = await signedIn('e2e-sihteeri');
    await page.goto(`/sv/meetings/${first}`);
    await page.getByText('Ordföranden återsände protokollet').waitFor();
    expect(await page.getByText('Kohdan 3 päätös puuttuu.').count()).toBe(1);
    expect(await axeViolations(page, 'returned minutes (sv)')).toEqual([]);
    // The fix, on the one page.
    await page.goto(`/fi/meetings/${first}/minutes`);
    await page.getByRole('textbox', { name: /^Päätös \(3 §\)/ }).fill('Edellinen pöytäkirja hyväksyttiin.');
    await page.getByRole('textbox', { name: /^Päätös \(3 §\)/ }).blur();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
      .toBe('Kaikki muutokset tallennettu');
    await context.close();
  });

  it('the chair checks the fixed minutes and the next meeting, with a quorum, approves them (fi)', async () => {
    const chair = await signedIn('e2e-pj');
    await chair.page.goto(`/fi/meetings/${first}`);
    await chair.page.getByRole('button', { name: 'Tarkasta pöytäkirja' }).click();
    await expect
      .poll(() => chair.page.getByText('Pöytäkirjan tila on nyt: Puheenjohtajan tarkastama.').count())
      .toBe(1);
    await chair.context.close();

    const { context, page } = await signedIn('e2e-sihteeri');
    await page.goto(`/fi/meetings/${second}`);
    const facts = page.getByRole('region', { name: 'Kokouksen tiedot' });
    await expect.poll(() => facts.textContent()).toContain('Kyllä: läsnä');
    const number = first.replace(`${GROUP}-`, '').replace('-', '/');
    await page.getByRole('button', { name: `Hyväksy edellisen kokouksen pöytäkirja ${number}` }).click();
    await expect.poll(() => page.getByText(`pöytäkirja ${number} on hyväksytty`, { exact: false }).count()).toBe(1);
    expect(await axeViolations(page, 'approved at the next meeting (fi)')).toEqual([]);
    await context.close();
  });
});
