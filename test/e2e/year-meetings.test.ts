/**
 * Issue 17's year of the LANUPE steering group in Chromium, in Finnish and in Swedish, without one
 * API call: the secretary signs in on the sign-in page, appoints a deputy, links the chair's seat to
 * the chair's account, creates two held meetings, writes the first one's distribution list, records
 * attendance, writes the minutes on one page and asks the chair to check them (mail to the chair);
 * the chair finds them on their task list, checks and returns them with a reason, which the secretary
 * sees on the meeting page and receives by mail (read from the SMTP sink); the secretary fixes them,
 * the chair checks them, the next meeting (everyone recorded present: a quorum) approves them, and
 * the secretary publishes them: the distribution list receives the mail. The secretary's and the
 * chair's task lists are read before and after each step; axe finds nothing in any state.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/db/dataset/read-dataset.js';
import { addCalendarDays, helsinkiDate } from '../../src/domain/helsinki-time.js';
import { formatFinnishDate } from '../../src/domain/calendar-date.js';
import {
  axeViolations,
  heading,
  openTasks,
  screenshot,
  signInOnPage,
  tasksIn,
  useBrowser,
  type BrowserSession,
} from './browser.js';
import { linkIn, mailTo } from './mail.js';

const { newPage } = useBrowser();
const GROUP = 'lanupe-johtoryhma';
const group = readDataset('data/2024').steeringGroups.find((g) => g.key === GROUP)!;
/** The group has no Swedish name in the data: the Finnish one stands in both languages. */
const GROUP_NAME = group.name.fi;
const CHAIR = 'Eeva-Riitta Pirhonen';
const MEMBERS = group.seats.flatMap((seat) => (seat.member ? [seat.member.name] : []));
const today = helsinkiDate(new Date());

const TEXT = {
  fi: {
    // Both meetings have been held: the first 40 days ago, the next 35.
    dates: [addCalendarDays(today, -40), addCalendarDays(today, -35)],
    distribution: 'jakelu-fi@e2e.example.fi',
    deputy: 'Vuoden Varajäsen',
    nav: 'Johtoryhmät',
    appointDeputy: /^Nimeä paikan \d+ varajäsen$/,
    name: /^Nimi/,
    organisation: 'Organisaatio',
    validFrom: /^Jäsen alkaen/,
    diary: 'Päätös \\(diaarinumero\\)',
    appoint: 'Nimeä',
    editMember: `Muuta tai päätä: ${CHAIR}`,
    account: 'Tunnus',
    save: 'Tallenna',
    saved: 'Tallennettu',
    recordSaved: 'Muutokset on tallennettu ja kirjattu muutoshistoriaan.',
    newMeeting: 'Uusi kokous',
    date: 'Päivämäärä',
    startTime: 'Alkaa klo',
    create: 'Luo kokous',
    meetingTitle: /^Johtoryhmän kokous (\d{4}\/\d+)$/,
    editMeeting: 'Muokkaa kokouksen aikaa ja paikkaa',
    distributionField: 'Jakelu',
    backToMeeting: 'Takaisin kokouksen sivulle',
    attendance: 'Kirjaa läsnäolijat',
    present: (name: string) => `${name} läsnä`,
    minutes: 'Kirjoita pöytäkirja (kaikki kohdat yhdellä sivulla)',
    discussion: (n: number) => new RegExp(`^Keskustelu \\(${n} §\\)`),
    decision: (n: number) => new RegExp(`^Päätös \\(${n} §\\)`),
    allSaved: 'Kaikki muutokset tallennettu',
    ready: 'Pyydä puheenjohtajaa tarkastamaan',
    check: 'Tarkasta pöytäkirja',
    returnButton: 'Palauta pöytäkirja sihteerille',
    reasonField: /^Mitä pitää korjata/,
    reason: 'Kohdan 2 päätöksestä puuttuu asialistan muutos.',
    fix: 'Asialista hyväksyttiin muutettuna: kohta 5 siirrettiin seuraavaan kokoukseen.',
    statusNow: (status: string) => `Pöytäkirjan tila on nyt: ${status}.`,
    status: { draft: 'Luonnos', checked: 'Puheenjohtajan tarkastama', published: 'Julkaistu' },
    returnedTitle: 'Puheenjohtaja palautti pöytäkirjan',
    approvePrevious: (n: string) => `Hyväksy edellisen kokouksen pöytäkirja ${n}`,
    approvedPrevious: (n: string) => `Edellisen kokouksen pöytäkirja ${n} on hyväksytty.`,
    publish: 'Julkaise pöytäkirja',
    confirmPlaceholders: 'Olen tarkistanut paikkamerkit: ne kuuluvat hyväksyttyyn pöytäkirjaan, julkaise silti',
    group: {
      check: 'Tarkastettavat pöytäkirjat',
      write: 'Kirjoitettavat pöytäkirjat',
      approve: 'Seuraavassa kokouksessa hyväksyttävät pöytäkirjat',
      publish: 'Julkaistavat pöytäkirjat',
    },
  },
  sv: {
    dates: [addCalendarDays(today, -30), addCalendarDays(today, -25)],
    distribution: 'jakelu-sv@e2e.example.fi',
    deputy: 'Årets Ersättare',
    nav: 'Styrgrupper',
    appointDeputy: /^Utse ersättaren för plats \d+$/,
    name: /^Namn/,
    organisation: 'Organisation',
    validFrom: /^Medlem från/,
    diary: 'Beslut \\(diarienummer\\)',
    appoint: 'Utse',
    editMember: `Ändra eller avsluta: ${CHAIR}`,
    account: 'Konto',
    save: 'Spara',
    saved: 'Sparat',
    recordSaved: 'Ändringarna har sparats och registrerats i ändringshistoriken.',
    newMeeting: 'Nytt möte',
    date: 'Datum',
    startTime: 'Börjar kl.',
    create: 'Skapa mötet',
    meetingTitle: /^Styrgruppens möte (\d{4}\/\d+)$/,
    editMeeting: 'Redigera mötets tid och plats',
    distributionField: 'Sändlista',
    backToMeeting: 'Tillbaka till mötets sida',
    attendance: 'Registrera närvaro',
    present: (name: string) => `${name} närvarande`,
    minutes: 'Skriv protokollet (alla punkter på en sida)',
    discussion: (n: number) => new RegExp(`^Diskussion \\(${n} §\\)`),
    decision: (n: number) => new RegExp(`^Beslut \\(${n} §\\)`),
    allSaved: 'Alla ändringar sparade',
    ready: 'Be ordföranden granska',
    check: 'Granska protokollet',
    returnButton: 'Returnera protokollet till sekreteraren',
    reasonField: /^Vad ska rättas/,
    reason: 'Beslutet i punkt 2 saknar ändringen av föredragningslistan.',
    fix: 'Föredragningslistan godkändes med en ändring: punkt 5 flyttades till nästa möte.',
    statusNow: (status: string) => `Protokollets status är nu: ${status}.`,
    status: { draft: 'Utkast', checked: 'Granskat av ordföranden', published: 'Publicerat' },
    returnedTitle: 'Ordföranden återsände protokollet',
    approvePrevious: (n: string) => `Godkänn föregående mötes protokoll ${n}`,
    approvedPrevious: (n: string) => `Föregående mötes protokoll ${n} har godkänts.`,
    publish: 'Publicera protokollet',
    confirmPlaceholders: 'Jag har kontrollerat platshållarna: de hör till det godkända protokollet, publicera ändå',
    group: {
      check: 'Protokoll att granska',
      write: 'Protokoll att skriva',
      approve: 'Protokoll att godkänna vid nästa möte',
      publish: 'Protokoll att publicera',
    },
  },
} as const;

/** An optional field (the design system adds "(optional)" to the name). */
const optional = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label} \\(`));

describe.each(['fi', 'sv'] as const)('the steering group’s year in the browser (%s)', (lang) => {
  const text = TEXT[lang];
  const violations: string[] = [];
  let secretary: BrowserSession;
  let chair: BrowserSession;
  /** The two meetings: key (from the address) and number (from the heading). */
  const meetings: { key: string; number: string }[] = [];
  /** A meeting's item on a task list. */
  const item = (index: number) => `${GROUP_NAME} ${meetings[index]!.number}`;

  beforeAll(async () => {
    [secretary, chair] = await Promise.all([newPage(), newPage()]);
  });
  afterAll(async () => {
    for (const session of [secretary, chair]) await session?.context.close();
  });

  it('the secretary appoints a deputy and links the chair’s seat to the chair’s account', async () => {
    const { page } = secretary;
    await signInOnPage(page, lang, 'e2e-vuosi-sihteeri');
    violations.push(...(await axeViolations(page, `/${lang}/tasks (secretary)`)));
    await page.getByRole('navigation').getByRole('link', { name: text.nav, exact: true }).first().click();
    // The group's name is Finnish only: a Swedish page may say so after it ("(på finska)").
    const groupName = new RegExp(`^${GROUP_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(på finska\\))?$`);
    await page.getByRole('main').getByRole('link', { name: groupName }).first().click();
    await expect
      .poll(async () => ((await heading(page).textContent()) ?? '').replace(/ \(på finska\)$/, ''))
      .toBe(GROUP_NAME);
    await page.getByRole('link', { name: text.appointDeputy }).first().click();
    await page.getByRole('textbox', { name: text.name }).fill(text.deputy);
    await optional(page, text.organisation).fill('THL');
    await page.getByRole('textbox', { name: text.validFrom }).fill('1.1.2026');
    await optional(page, text.diary).fill('VN/30090/2021');
    violations.push(...(await axeViolations(page, `appointing a deputy (${lang})`)));
    await page.getByRole('button', { name: text.appoint, exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe(GROUP_NAME);
    await expect.poll(() => page.getByText(text.deputy).count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: text.editMember }).first().click();
    await optional(page, text.account).fill('e2e-vuosi-pj');
    await page.getByRole('button', { name: text.save, exact: true }).click();
    await page.getByText(text.recordSaved).first().waitFor();
    violations.push(...(await axeViolations(page, `the chair's seat linked (${lang})`)));
  });

  it('the secretary creates two held meetings and writes the first one’s distribution list', async () => {
    const { page } = secretary;
    for (const date of text.dates) {
      await page.goto(`/${lang}/steering-groups/${GROUP}`);
      await page.getByRole('link', { name: text.newMeeting }).click();
      await page.getByRole('textbox', { name: text.date }).fill(formatFinnishDate(date));
      await optional(page, text.startTime).fill('10.00');
      await page.getByRole('button', { name: text.create }).click();
      await expect.poll(async () => (await heading(page).textContent()) ?? '').toMatch(text.meetingTitle);
      const number = text.meetingTitle.exec((await heading(page).textContent()) ?? '')![1]!;
      meetings.push({ key: new URL(page.url()).pathname.split('/').pop()!, number });
    }
    expect(meetings[0]!.number.slice(0, 4)).toBe(text.dates[0]!.slice(0, 4));

    await page.goto(`/${lang}/meetings/${meetings[0]!.key}`);
    await page.getByRole('link', { name: text.editMeeting }).click();
    await optional(page, text.distributionField).fill(text.distribution);
    violations.push(...(await axeViolations(page, `the meeting's form with its distribution list (${lang})`)));
    await screenshot(page, `${lang}-meeting-distribution`);
    await page.getByRole('button', { name: text.save, exact: true }).click();
    await page.getByText(text.recordSaved).first().waitFor();
    await page.getByRole('link', { name: text.backToMeeting }).click();
    await expect.poll(async () => (await page.getByRole('main').textContent()) ?? '').toContain(text.distribution);
  });

  /** Records everyone of the roster present (a quorum), on the meeting's attendance form. */
  async function everyonePresent(page: Page, key: string) {
    await page.goto(`/${lang}/meetings/${key}`);
    await page.getByRole('link', { name: text.attendance }).click();
    for (const name of MEMBERS)
      await page.getByRole('checkbox', { name: text.present(name), exact: true }).check({ force: true });
    violations.push(...(await axeViolations(page, `attendance of ${key} (${lang})`)));
    await page.getByRole('button', { name: text.save, exact: true }).click();
    await expect.poll(() => page.getByText(text.saved, { exact: true }).count()).toBe(1);
    await page.getByRole('link', { name: text.backToMeeting }).click();
    await heading(page).waitFor();
  }

  it('the secretary records attendance, writes the minutes on one page and asks the chair to check them', async () => {
    const { page } = secretary;
    await everyonePresent(page, meetings[0]!.key);
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.write)).toContain(item(0));

    await page.goto(`/${lang}/meetings/${meetings[0]!.key}`);
    await page.getByRole('link', { name: text.minutes }).click();
    await page.getByRole('textbox', { name: text.discussion(1) }).fill('Puheenjohtaja avasi kokouksen klo 10.00.');
    await page.getByRole('textbox', { name: text.decision(2) }).fill('Asialista hyväksyttiin.');
    await page.getByRole('textbox', { name: text.decision(2) }).blur();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe(text.allSaved);
    violations.push(...(await axeViolations(page, `the minutes on one page (${lang})`)));

    await page.goto(`/${lang}/meetings/${meetings[0]!.key}`);
    await page.getByRole('button', { name: text.ready }).click();
    const toCheck = () =>
      mailTo('vuosi-pj@e2e.example.fi').filter(
        (m) => m.subject === `Pöytäkirja tarkastettavana: ${GROUP_NAME} ${meetings[0]!.number}`,
      );
    await expect.poll(() => toCheck().length, { timeout: 15_000 }).toBe(1);
  });

  it('the chair finds the minutes on their list, checks them and returns them with a reason', async () => {
    const { page } = chair;
    await signInOnPage(page, lang, 'e2e-vuosi-pj');
    expect(await tasksIn(page, text.group.check)).toContain(item(0));
    violations.push(...(await axeViolations(page, `/${lang}/tasks (chair, minutes to check)`)));
    await screenshot(page, `${lang}-tasks-chair`);
    await page.getByRole('link', { name: item(0), exact: true }).click();
    await page.getByRole('button', { name: text.check }).click();
    await page.getByRole('button', { name: text.returnButton }).waitFor();
    await page.getByRole('textbox', { name: text.reasonField }).fill(text.reason);
    violations.push(...(await axeViolations(page, `returning the minutes (${lang})`)));
    await page.getByRole('button', { name: text.returnButton }).click();
    await expect.poll(() => page.getByText(text.statusNow(text.status.draft), { exact: false }).count()).toBe(1);
    // Still the chair's to check, after the fix.
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.check)).toContain(item(0));
  });

  it('the secretary sees the reason on the page and in the mail, and fixes the minutes', async () => {
    const returned = () =>
      mailTo('vuosi-sihteeri@e2e.example.fi').filter(
        (m) => m.subject === `Pöytäkirja palautettu: ${GROUP_NAME} ${meetings[0]!.number}`,
      );
    await expect.poll(() => returned().length, { timeout: 15_000 }).toBe(1);
    const mail = returned()[0]!;
    expect(mail.text).toContain(text.reason);
    const link = linkIn(mail, 'http://127.0.0.1:');
    expect(link).toMatch(new RegExp(`/fi/meetings/${meetings[0]!.key}$`));

    const { page } = secretary;
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.write)).toContain(item(0));
    await page.goto(link!.replace('/fi/', `/${lang}/`));
    await page.getByText(text.returnedTitle).first().waitFor();
    expect(await page.getByText(text.reason).count()).toBe(1);
    violations.push(...(await axeViolations(page, `returned minutes (${lang})`)));
    await screenshot(page, `${lang}-minutes-returned`);
    await page.getByRole('link', { name: text.minutes }).click();
    const decision = page.getByRole('textbox', { name: text.decision(2) });
    await decision.fill(text.fix);
    await decision.blur();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe(text.allSaved);
  });

  it('the chair checks the fixed minutes; the next meeting, with a quorum, approves them', async () => {
    await chair.page.goto(`/${lang}/meetings/${meetings[0]!.key}`);
    await chair.page.getByRole('button', { name: text.check }).click();
    await expect.poll(() => chair.page.getByText(text.statusNow(text.status.checked)).count()).toBe(1);
    violations.push(...(await axeViolations(chair.page, `checked minutes (${lang})`)));
    await openTasks(chair.page, lang);
    expect(await tasksIn(chair.page, text.group.check)).not.toContain(item(0));

    const { page } = secretary;
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.write)).not.toContain(item(0));
    expect(await tasksIn(page, text.group.approve)).toContain(item(0));
    await everyonePresent(page, meetings[1]!.key);
    const approve = page.getByRole('button', { name: text.approvePrevious(meetings[0]!.number) });
    await approve.click();
    await expect.poll(() => page.getByText(text.approvedPrevious(meetings[0]!.number)).count()).toBe(1);
    violations.push(...(await axeViolations(page, `approved at the next meeting (${lang})`)));
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.approve)).not.toContain(item(0));
    expect(await tasksIn(page, text.group.publish)).toContain(item(0));
  });

  it('the secretary publishes the minutes and the distribution list receives the mail', async () => {
    const { page } = secretary;
    await page.getByRole('link', { name: item(0), exact: true }).click();
    // The group's seats include "N.N." (as seed 000 has them): the secretary is shown the
    // placeholders and says they belong to the approved minutes before publishing.
    await page.getByText(text.confirmPlaceholders).click();
    await page.getByRole('button', { name: text.publish }).click();
    await expect.poll(() => page.getByText(text.statusNow(text.status.published)).count()).toBe(1);
    violations.push(...(await axeViolations(page, `published minutes (${lang})`)));
    const published = () =>
      mailTo(text.distribution).filter(
        (m) => m.subject === `Pöytäkirja julkaistu: ${GROUP_NAME} ${meetings[0]!.number}`,
      );
    await expect.poll(() => published().length, { timeout: 15_000 }).toBe(1);
    expect(linkIn(published()[0]!, 'http://127.0.0.1:')).toMatch(new RegExp(`/fi/meetings/${meetings[0]!.key}$`));
    await openTasks(page, lang);
    expect(await tasksIn(page, text.group.publish)).not.toContain(item(0));
    expect(violations).toEqual([]);
  });
});
