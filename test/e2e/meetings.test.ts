/**
 * The LANUPE steering group and its meeting 2023/1 (seed 000) in Chromium, in Finnish and Swedish:
 * the group page shows the members and deputies the data holds, the meeting page its attendance
 * and items; the secretary writes a decision and records attendance in the browser (errors at the
 * fields, in the page's language), the chair checks the minutes (a change meanwhile is shown as a
 * conflict and the check taken again), the next meeting approves them and the secretary publishes
 * them; then the public sees them signed out. Every new page is scanned with axe (WCAG 2.1 A, AA).
 * The tests run in order: each takes the minutes one step further.
 */
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/db/dataset/read-dataset.js';
import { STANDARD_TITLES } from '../../src/domain/meetings.js';
import { axeViolations, heading, optionalField, scanPage, useBrowser, type BrowserSession } from './browser.js';
import { E2E_PASSWORD } from './users.js';

const GROUP = 'lanupe-johtoryhma';
const FIRST = 'lanupe-johtoryhma-2023-1';
const SECOND = 'lanupe-johtoryhma-2023-2';
const dataset = readDataset('data/2024');
const group = dataset.steeringGroups.find((g) => g.key === GROUP)!;
const meeting = dataset.meetings.find((m) => m.key === FIRST)!;
const DECISION = 'Johtoryhmä puoltaa molempien koordinaatiohankkeiden rahoittamista.';

const { newPage } = useBrowser();

async function signedIn(username: string): Promise<BrowserSession> {
  const session = await newPage();
  const response = await session.context.request.post('/api/v1/auth/login', {
    data: { username, password: E2E_PASSWORD },
  });
  expect(response.status()).toBe(200);
  return session;
}

/** A write through the API with the context's session (set-up the browser journeys do not cover). */
async function write(
  request: APIRequestContext,
  method: 'PATCH' | 'POST',
  path: string,
  ifMatch: number,
  data: unknown,
) {
  const csrf = ((await (await request.get('/api/v1/auth/session')).json()) as { csrfToken: string }).csrfToken;
  const response = await request.fetch(path, {
    method,
    data,
    headers: { 'if-match': `"${ifMatch}"`, 'x-csrf-token': csrf },
  });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

const field = optionalField;
const scanHere = axeViolations;
const scan = scanPage;

const TEXT = {
  fi: {
    seats: /^Jäsenet ja heidän varajäsenensä/,
    attendanceSeats: 'Johtoryhmän jäsenet ja varajäsenet',
    others: /^Muut osallistujat/,
    meetingTitle: (n: string) => `Johtoryhmän kokous ${n}`,
    meetingLink: (n: string) => `Kokous ${n}`,
    openActions: /avoin toimenpide/,
    diary: 'VN/30090/2021',
    itemTitle: (item: (typeof meeting.items)[number]) => item.title,
    present: 'läsnä',
  },
  sv: {
    seats: /^Ledamöter och deras ersättare/,
    attendanceSeats: 'Styrgruppens ledamöter och ersättare',
    others: /^Övriga deltagare/,
    meetingTitle: (n: string) => `Styrgruppens möte ${n}`,
    meetingLink: (n: string) => `Möte ${n}`,
    openActions: /öppen åtgärd/,
    diary: 'VN/30090/2021',
    // Standard items under their standard Finnish title are shown with the Swedish one.
    itemTitle: (item: (typeof meeting.items)[number]) =>
      item.kind !== 'topic' && STANDARD_TITLES[item.kind].fi === item.title
        ? STANDARD_TITLES[item.kind].sv
        : item.title,
    present: 'närvarande',
  },
} as const;

describe.each(['fi', 'sv'] as const)('reading the group and meeting 2023/1 in %s', (lang) => {
  const text = TEXT[lang];

  it('the group page shows every member with their deputy and organisation, the roles, experts and the open action item', async () => {
    const { context, page } = await signedIn('e2e-sihteeri');
    await page.goto(`/${lang}/`);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: lang === 'fi' ? 'Johtoryhmät' : 'Styrgrupper' })
      .click();
    await page.getByRole('link', { name: group.name.fi }).click();
    await expect.poll(() => heading(page).textContent()).toBe(group.name.fi);
    const seats = page.getByRole('table', { name: text.seats });
    for (const seat of group.seats) {
      const row = seats
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${seat.member!.name}`) }) });
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells[0]).toBe(seat.member!.organisation);
      if (seat.deputy) {
        expect(cells[1]).toContain(seat.deputy.name);
        expect(cells[2]).toBe(seat.deputy.organisation);
      }
    }
    expect(await seats.getByRole('row').count()).toBe(group.seats.length + 1);
    const facts = await page
      .getByRole('region', { name: lang === 'fi' ? 'Johtoryhmän tiedot' : 'Styrgruppens uppgifter' })
      .textContent();
    expect(facts).toContain('Eeva-Riitta Pirhonen (OKM)');
    expect(facts).toContain('Merja Niemi (OKM)');
    expect(facts).toContain(text.diary);
    for (const expert of group.permanentExperts)
      expect(await page.getByRole('listitem').filter({ hasText: expert.name }).count()).toBe(1);
    const actions = page.getByRole('table', { name: text.openActions });
    expect(await actions.getByRole('row').filter({ hasText: 'Iida Partanen' }).count()).toBe(1);
    await page.getByRole('link', { name: text.meetingLink('2023/1') }).click();
    await expect.poll(() => heading(page).textContent()).toBe(text.meetingTitle('2023/1'));
    await context.close();
  });

  it('the meeting page shows the attendance as member/deputy columns and the items of seed 000', async () => {
    const { context, page } = await signedIn('e2e-sihteeri');
    await page.goto(`/${lang}/meetings/${FIRST}`);
    await expect.poll(() => heading(page).textContent()).toBe(text.meetingTitle('2023/1'));
    const attendance = page.getByRole('table', { name: text.attendanceSeats });
    expect(await attendance.getByRole('columnheader').count()).toBe(2);
    const pairs = group.seats.filter((seat) => seat.deputy);
    for (const seat of pairs) {
      const row = attendance
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${seat.member!.name}`) }) });
      expect(await row.getByRole('cell').textContent()).toContain(seat.deputy!.name);
    }
    const others = page.getByRole('table', { name: text.others });
    expect(await others.getByRole('row').filter({ hasText: 'Merja Niemi' }).textContent()).toContain(text.present);
    for (const item of meeting.items) {
      await page.getByRole('heading', { level: 3, name: `${item.number} § ${text.itemTitle(item)}` }).waitFor();
    }
    // What was said at item 4 and the action item of item 8, as the minutes give them.
    expect(
      await page
        .getByText('Sinikka Kauranen Hämeen ELY-keskuksesta antoi lyhyen tilannekatsauksen.', { exact: false })
        .count(),
    ).toBe(1);
    expect(
      await page
        .getByRole('table', { name: /2023\/1/ })
        .getByRole('row')
        .filter({ hasText: 'Iida Partanen' })
        .count(),
    ).toBe(1);
    // The documents: the agenda as DOCX opens for the group.
    const docx = await page
      .getByRole('link', { name: lang === 'fi' ? 'Esityslista (DOCX)' : 'Föredragningslista (DOCX)' })
      .getAttribute('href');
    const file = await context.request.get(docx!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('officedocument');
    await context.close();
  });

  it('every page of the group and its forms has no axe violations (secretary, draft minutes)', async () => {
    const { context, page } = await signedIn('e2e-sihteeri');
    const items = (
      (await (await context.request.get(`/api/v1/meetings/${FIRST}`)).json()) as {
        items: { id: number; number: number }[];
      }
    ).items;
    const paths = [
      '/steering-groups',
      `/steering-groups/${GROUP}`,
      `/steering-groups/${GROUP}/meetings/new`,
      `/meetings/${FIRST}`,
      `/meetings/${FIRST}/edit`,
      `/meetings/${FIRST}/attendance`,
      `/meetings/${FIRST}/items/new`,
      `/meetings/${FIRST}/items/5/actions/new`,
      `/agenda-items/${items.find((i) => i.number === 5)!.id}/edit`,
    ];
    const violations: string[] = [];
    for (const path of paths) violations.push(...(await scan(page, `/${lang}${path}`)));
    await context.close();
    expect(violations).toEqual([]);
  }, 180_000);
});

describe('the minutes from draft to published', () => {
  it('the secretary signs in and writes the decision of item 5; an impossible time is refused at its field (fi)', async () => {
    const { context, page } = await newPage();
    await page.goto(`/fi/meetings/${FIRST}`);
    // Signed out the meeting asks to sign in; the public sees published minutes only.
    await expect.poll(() => heading(page).textContent()).toBe('Kirjautuminen tarvitaan');
    await page.getByRole('main').getByRole('link', { name: 'Kirjaudu sisään' }).click();
    await page.getByLabel('Käyttäjätunnus').fill('e2e-sihteeri');
    await page.getByLabel('Salasana', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Johtoryhmän kokous 2023/1');

    await page.getByRole('link', { name: 'Kirjoita asia ja pöytäkirja, asia 5 §' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Asia 5 §: Koordinaatiohankkeen valinta');
    const time = field(page, 'Kellonaika');
    await time.fill('25.00');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await expect.poll(() => time.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Anna kellonaika muodossa 13.00.').count()).toBeGreaterThan(0);
    await time.fill('');
    await field(page, 'Päätös').fill(DECISION);
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await expect.poll(() => page.getByText('Tallennettu', { exact: true }).count()).toBe(1);
    await page.getByRole('link', { name: 'Takaisin kokouksen sivulle' }).click();
    const item = page.getByRole('article', { name: '5 § Koordinaatiohankkeen valinta' });
    await expect.poll(() => item.textContent()).toContain(DECISION);
    // The secretary does not check the minutes; the page says who does.
    expect(await page.getByRole('button', { name: 'Tarkasta pöytäkirja' }).count()).toBe(0);
    expect(await page.getByText('puheenjohtaja tarkastaa sen tällä sivulla', { exact: false }).count()).toBe(1);
    await context.close();
  });

  it('the secretary records that a deputy stood in for an absent member; a wrong stand-in is refused at its row (sv)', async () => {
    const { context, page } = await signedIn('e2e-sihteeri');
    await page.goto(`/sv/meetings/${FIRST}`);
    await page.getByRole('link', { name: 'Registrera närvaro' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Registrera närvaro: möte 2023/1');
    await page.getByRole('checkbox', { name: 'Hannu Mars närvarande' }).setChecked(false, { force: true });
    await page.getByRole('checkbox', { name: 'Ersättare för Hannu Mars' }).setChecked(true, { force: true });
    // Elina Palola is present: her deputy cannot stand in for her.
    const wrong = page.getByRole('checkbox', { name: 'Ersättare för Elina Palola' });
    await wrong.setChecked(true, { force: true });
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(() => page.getByText('Elina Palola är själv närvarande och kan inte ersättas.').count()).toBe(1);
    // Focus goes to the row the reason is about.
    await expect.poll(() => wrong.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await scanHere(page, 'attendance form with an error (sv)')).toEqual([]);
    await wrong.setChecked(false, { force: true });
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(() => page.getByText('Sparat', { exact: true }).count()).toBe(1);
    await page.getByRole('link', { name: 'Tillbaka till mötets sida' }).click();
    const attendance = page.getByRole('table', { name: 'Styrgruppens ledamöter och ersättare' });
    const row = attendance.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Hannu Mars/ }) });
    await expect.poll(() => row.getByRole('rowheader').textContent()).toContain('frånvarande');
    const deputy = await row.getByRole('cell').textContent();
    expect(deputy).toContain('Marja Perälä, Lapin ELY-keskus');
    expect(deputy).toContain('som ersättare för Hannu Mars');
    await context.close();
  });

  it('the chair checks the minutes; a change made meanwhile is shown as a conflict and the check is taken again (fi)', async () => {
    // The chair's seat is linked to the chair's account (the managing authority does it, as in meeting-workflow.test.ts).
    const admin = await signedIn('e2e-admin');
    const detail = (await (await admin.context.request.get(`/api/v1/steering-groups/${GROUP}`)).json()) as {
      chair: { id: number };
    };
    const member = (await (
      await admin.context.request.get(`/api/v1/steering-group-members/${detail.chair.id}/record`)
    ).json()) as { version: number };
    await write(admin.context.request, 'PATCH', `/api/v1/steering-group-members/${detail.chair.id}`, member.version, {
      user: 'e2e-pj',
    });

    const chair = await signedIn('e2e-pj');
    await chair.page.goto(`/fi/meetings/${FIRST}`);
    const check = chair.page.getByRole('button', { name: 'Tarkasta pöytäkirja' });
    await check.waitFor();
    // Meanwhile the secretary adds the Teams link: the meeting's version moves on.
    const secretary = await signedIn('e2e-sihteeri');
    const record = (await (await secretary.context.request.get(`/api/v1/meetings/${FIRST}/record`)).json()) as {
      version: number;
    };
    await write(secretary.context.request, 'PATCH', `/api/v1/meetings/${FIRST}`, record.version, {
      onlineUrl: 'https://teams.example.invalid/lanupe',
    });

    await check.click();
    await expect.poll(() => chair.page.getByText('Joku muu muutti tietoa sillä välin').count()).toBe(1);
    expect(await scanHere(chair.page, 'workflow conflict (fi)')).toEqual([]);
    await chair.page.getByRole('button', { name: 'Tallenna omat muutokseni uudelleen' }).click();
    await expect
      .poll(() => chair.page.getByText('Pöytäkirjan tila on nyt: Puheenjohtajan tarkastama.').count())
      .toBe(1);
    const facts = chair.page.getByRole('region', { name: 'Kokouksen tiedot' });
    await expect.poll(() => facts.textContent()).toContain('Puheenjohtajan tarkastama');
    // People are shown by their display name, never by username (issue 13, class 2).
    expect(await facts.textContent()).toContain('Testi Puheenjohtaja');
    // Checked minutes can be returned with a reason; the form is scanned in both languages.
    await chair.page.getByRole('button', { name: 'Palauta pöytäkirja sihteerille' }).waitFor();
    const violations = [
      ...(await scanHere(chair.page, 'chair, checked (fi)')),
      ...(await scan(chair.page, `/sv/meetings/${FIRST}`)),
    ];
    expect(violations).toEqual([]);
    for (const session of [admin, chair, secretary]) await session.context.close();
  });

  it('the next meeting is created, approves the minutes through its approval item, and the secretary publishes them (sv)', async () => {
    const { context, page } = await signedIn('e2e-sihteeri');
    await page.goto(`/sv/steering-groups/${GROUP}`);
    await page.getByRole('link', { name: 'Nytt möte' }).click();
    // Typed as people write dates (the date picker beside the field gives the same text).
    await page.getByRole('textbox', { name: 'Datum' }).fill('17.3.2023');
    await field(page, 'Börjar kl.').fill('11.30');
    await field(page, 'Distansförbindelse').fill('Teams');
    await page.getByRole('button', { name: 'Skapa mötet' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Styrgruppens möte 2023/2');
    expect(page.url()).toContain(`/sv/meetings/${SECOND}`);
    // Set-up: the meeting approves only with a quorum recorded, so everyone is marked present.
    const roster = (await (await context.request.get(`/api/v1/steering-groups/${GROUP}?at=2023-03-17`)).json()) as {
      seats: { member: { id: number } | null }[];
    };
    const second = (await (await context.request.get(`/api/v1/meetings/${SECOND}`)).json()) as { version: number };
    await write(context.request, 'PATCH', `/api/v1/meetings/${SECOND}`, second.version, {
      attendance: roster.seats.flatMap((s) => (s.member ? [{ memberId: s.member.id, present: true }] : [])),
    });
    await page.reload();
    const approve = page.getByRole('button', { name: 'Godkänn föregående mötes protokoll 2023/1' });
    await approve.waitFor();
    expect(await scanHere(page, `/sv/meetings/${SECOND}`)).toEqual([]);
    await approve.click();
    await expect.poll(() => page.getByText('Föregående mötes protokoll 2023/1 har godkänts.').count()).toBe(1);
    const approval = page.getByRole('article', { name: '3 § Godkännande av föregående mötes protokoll' });
    await expect.poll(() => approval.textContent()).toContain('Edellisen kokouksen pöytäkirja 2023/1 hyväksyttiin.');

    await page.goto(`/sv/meetings/${FIRST}`);
    // Seed 000's minutes hold "Koordinaatiohanke N.N.": the page lists it, and publishing waits for
    // the secretary to confirm that it belongs to the approved minutes.
    const publish = page.getByRole('button', { name: 'Publicera protokollet' });
    await expect.poll(() => page.getByText('Protokollet innehåller 1 platshållare').count()).toBe(1);
    expect(await publish.isDisabled()).toBe(true);
    // The suomifi checkbox's label covers its input: the label is what a user clicks.
    await page.getByText(/^Jag har kontrollerat platshållarna/).click();
    expect(await page.getByRole('checkbox', { name: /Jag har kontrollerat platshållarna/ }).isChecked()).toBe(true);
    await publish.click();
    await expect.poll(() => page.getByText('Protokollets status är nu: Publicerat.').count()).toBe(1);
    // Approved minutes no longer change: the secretary's writing links are gone.
    expect(await page.getByRole('link', { name: /^Skriv ärendet och protokollet/ }).count()).toBe(0);
    await context.close();
  });

  it.each(['fi', 'sv'] as const)('signed out, the published minutes are listed and shown (%s)', async (lang) => {
    const { context, page } = await newPage();
    await page.goto(`/${lang}/`);
    const nav = page.getByRole('navigation', { name: lang === 'fi' ? 'Päävalikko' : 'Huvudmeny' });
    expect(await nav.getByRole('link', { name: lang === 'fi' ? 'Johtoryhmät' : 'Styrgrupper' }).count()).toBe(0);
    await nav.getByRole('link', { name: lang === 'fi' ? 'Pöytäkirjat' : 'Protokoll' }).click();
    await page.getByRole('link', { name: lang === 'fi' ? 'Pöytäkirja 2023/1' : 'Protokoll 2023/1' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(lang === 'fi' ? 'Pöytäkirja 2023/1' : 'Protokoll 2023/1');
    const item = page.getByRole('article', { name: '5 § Koordinaatiohankkeen valinta' });
    expect(await item.textContent()).toContain(DECISION);
    const attendance = page.getByRole('table', { name: TEXT[lang].attendanceSeats });
    expect(await attendance.getByRole('row').filter({ hasText: 'Marja Perälä' }).textContent()).toContain('Hannu Mars');
    const minutes = await page
      .getByRole('link', { name: lang === 'fi' ? 'Pöytäkirja (DOCX)' : 'Protokoll (DOCX)' })
      .getAttribute('href');
    expect((await context.request.get(minutes!)).status()).toBe(200);
    // The agenda, the invitation and the group's own pages stay the group's.
    expect(
      await page
        .getByRole('link', { name: lang === 'fi' ? 'Esityslista (DOCX)' : 'Föredragningslista (DOCX)' })
        .count(),
    ).toBe(0);

    const violations: string[] = [];
    for (const path of [
      '/minutes',
      `/minutes/${FIRST}`,
      '/steering-groups',
      `/steering-groups/${GROUP}`,
      `/meetings/${FIRST}`,
    ])
      violations.push(...(await scan(page, `/${lang}${path}`)));
    expect(violations).toEqual([]);
    await context.close();
  });
});
