/**
 * Every page of the app, from the one list the router and the server share
 * (src/contracts/web-pages.ts), at 320 and 1366 CSS px in Finnish and Swedish, signed out or as the
 * role whose page it is. Each visit fails on what a reader would meet: the page scrolling sideways
 * (WCAG 1.4.10 Reflow, which axe does not test), a raw translation key, doubled punctuation, or an
 * axe violation (WCAG 2.1 A and AA). And an address that is none of the pages answers 404 with the
 * not-found page in the address's language. One browser; one context per viewport, language and
 * user; one test per page and combination, so that a failure names its page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ROUTES, type PageRoute } from '../../src/contracts/web-pages.js';
import { axeViolations, heading, settled, useBrowser } from './browser.js';
import { E2E_PASSWORD } from './users.js';

const { browser, baseUrl } = useBrowser();

const ADMIN = 'e2e-admin';
const EXPERT = 'e2e-ely';
const COORDINATOR = 'e2e-koordinaattori';
const SECRETARY = 'e2e-sihteeri';
type User = typeof ADMIN | typeof EXPERT | typeof COORDINATOR | typeof SECRETARY;

const GROUP = 'lanupe-johtoryhma';
const MEETING = 'lanupe-johtoryhma-2023-1';

/** Records whose numeric ids the database chose: looked up once through the API. */
type Ids = {
  activityFigure: number;
  member: number;
  agendaItem: number;
  contact: number;
  contentArea: number;
  themeLink: number;
};

/** One address per page and who looks at it (signed out when no one). */
const VISITS: Record<PageRoute, { path: string | ((ids: Ids) => string); as?: User }> = {
  overview: { path: '/' },
  theme: { path: '/themes/lanupe' },
  projects: { path: '/projects' },
  project: { path: '/projects/lanupe-knot' },
  organisations: { path: '/organisations' },
  organisation: { path: '/organisations/tampereen-ammattikorkeakoulu-oy' },
  calls: { path: '/calls' },
  search: { path: '/search?q=hyvinvointi' },
  about: { path: '/about' },
  accessibility: { path: '/accessibility' },
  signIn: { path: '/sign-in' },
  users: { path: '/users', as: ADMIN },
  tasks: { path: '/tasks', as: COORDINATOR },
  financeForm: { path: '/themes/lanupe/figures', as: EXPERT },
  keyFigures: { path: '/themes/lanupe/key-figures' },
  keyFigureFacts: { path: '/themes/lanupe/key-figures/facts', as: COORDINATOR },
  keyFiguresAcrossThemes: { path: '/key-figures' },
  callForm: { path: '/calls/lanupe-rahoitushaku-2023/edit', as: EXPERT },
  newCall: { path: '/themes/lanupe/calls/new', as: EXPERT },
  activityFigureForm: { path: (ids) => `/activity-figures/${ids.activityFigure}/edit`, as: ADMIN },
  newContact: { path: '/themes/lanupe/contacts/new', as: COORDINATOR },
  contactForm: { path: (ids) => `/contacts/${ids.contact}/edit`, as: COORDINATOR },
  newContentArea: { path: '/themes/lanupe/content-areas/new', as: COORDINATOR },
  contentAreaForm: { path: (ids) => `/content-areas/${ids.contentArea}/edit`, as: COORDINATOR },
  newThemeLink: { path: '/themes/lanupe/links/new', as: COORDINATOR },
  themeLinkForm: { path: (ids) => `/theme-links/${ids.themeLink}/edit`, as: COORDINATOR },
  adminMail: { path: '/admin/outbox', as: ADMIN },
  myMail: { path: '/me/mail', as: COORDINATOR },
  steeringGroups: { path: '/steering-groups', as: SECRETARY },
  steeringGroup: { path: `/steering-groups/${GROUP}`, as: SECRETARY },
  newMeeting: { path: `/steering-groups/${GROUP}/meetings/new`, as: SECRETARY },
  meeting: { path: `/meetings/${MEETING}`, as: SECRETARY },
  meetingForm: { path: `/meetings/${MEETING}/edit`, as: SECRETARY },
  attendanceForm: { path: `/meetings/${MEETING}/attendance`, as: SECRETARY },
  minutesEditor: { path: `/meetings/${MEETING}/minutes`, as: SECRETARY },
  newMember: { path: `/steering-groups/${GROUP}/members/new?capacity=member&seat=1`, as: SECRETARY },
  memberForm: { path: (ids) => `/steering-group-members/${ids.member}/edit`, as: SECRETARY },
  newAgendaItem: { path: `/meetings/${MEETING}/items/new`, as: SECRETARY },
  newActionItem: { path: `/meetings/${MEETING}/items/1/actions/new`, as: SECRETARY },
  agendaItemForm: { path: (ids) => `/agenda-items/${ids.agendaItem}/edit`, as: SECRETARY },
  publishedMinutesList: { path: '/minutes' },
  publishedMinutes: { path: `/minutes/${MEETING}` },
  reports: { path: '/reports', as: COORDINATOR },
  reviewImport: { path: '/reports/2024/import', as: ADMIN },
  report: { path: '/reports/2024/lanupe', as: COORDINATOR },
  audit: { path: '/audit', as: ADMIN },
  organisationForm: { path: '/organisations/tampereen-ammattikorkeakoulu-oy/edit', as: ADMIN },
  projectForm: { path: '/projects/lanupe-knot/edit', as: ADMIN },
};

const VIEWPORTS = [
  { width: 320, height: 800 },
  { width: 1366, height: 768 },
] as const;

/** Every translation key with a dot in it ("pages.current"), from the locale files. */
function translationKeys(): string[] {
  const root = 'src/web/locales/fi';
  const keys: string[] = [];
  const walk = (tree: unknown, prefix: string) => {
    if (typeof tree !== 'object' || tree === null) return;
    for (const [name, value] of Object.entries(tree)) {
      const key = prefix ? `${prefix}.${name.replace(/_(one|other|zero)$/, '')}` : name;
      if (typeof value === 'string' && key.includes('.')) keys.push(key);
      walk(value, key);
    }
  };
  for (const file of readdirSync(root)) walk(JSON.parse(readFileSync(join(root, file), 'utf8')), '');
  return [...new Set(keys)];
}
const KEYS = translationKeys();
const NAMESPACES = readdirSync('src/web/locales/fi').map((file) => file.replace(/\.json$/, ''));

/** What a reader should never see: keys, placeholders left over, and punctuation written twice. */
function textProblems(text: string): string[] {
  const problems: string[] = [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const key of KEYS) {
    if (new RegExp(`(^|[^\\w.])${escape(key)}($|[^\\w.])`).test(text)) problems.push(`raw key "${key}"`);
  }
  for (const match of text.matchAll(new RegExp(`\\b(${NAMESPACES.join('|')}):[a-zA-Z]+\\.[\\w.]+`, 'g')))
    problems.push(`raw key "${match[0]}"`);
  for (const mark of ['{{', '}}', '..', ',,', '((', '))', ': :']) {
    const at = text.indexOf(mark);
    // "…" is one character; three dots written out are doubled punctuation too.
    if (at >= 0) problems.push(`"${mark}" in "${text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, ' ')}"`);
  }
  return problems;
}

/** The page's visible text and the names it gives to controls. */
const pageText = (page: Page) =>
  page.evaluate(() => {
    const names = Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]')).flatMap((element) =>
      ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
    );
    return [document.body.innerText, ...names].join('\n');
  });

/** How far the page scrolls sideways, and the widest elements sticking out, to say what to fix. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const width = window.innerWidth;
    const over = document.documentElement.scrollWidth - width;
    if (over <= 0) return null;
    const culprits = Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .filter((element) => !Array.from(element.children).some((c) => c.getBoundingClientRect().right > width + 1))
      .slice(0, 3)
      .map((element) => {
        const classes = typeof element.className === 'string' ? element.className.split(' ')[0] : '';
        return `<${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}> "${(element.textContent ?? '').trim().slice(0, 40)}"`;
      });
    return `${over}px wider (${culprits.join(', ')})`;
  });

async function signedInContext(viewport: (typeof VIEWPORTS)[number], lang: string, user?: User) {
  const context = await browser().newContext({
    baseURL: baseUrl(),
    locale: lang === 'sv' ? 'sv-FI' : 'fi-FI',
    viewport,
  });
  if (user) {
    const response = await context.request.post('/api/v1/auth/login', {
      data: { username: user, password: E2E_PASSWORD },
    });
    expect(response.status(), `sign-in as ${user}`).toBe(200);
  }
  return context;
}

let ids: Ids;

beforeAll(async () => {
  const context = await signedInContext(VIEWPORTS[1], 'fi', ADMIN);
  const get = async <T>(path: string) => (await (await context.request.get(path)).json()) as T;
  const group = await get<{ seats: { member: { id: number } | null }[] }>(`/api/v1/steering-groups/${GROUP}`);
  const meeting = await get<{ items: { id: number }[] }>(`/api/v1/meetings/${MEETING}`);
  const themes = await get<{ items: { slug: string }[] }>('/api/v1/themes');
  let activityFigure: number | undefined;
  for (const { slug } of themes.items) {
    const theme = await get<{ activityFigures: { id: number }[] }>(`/api/v1/themes/${slug}`);
    activityFigure = theme.activityFigures[0]?.id;
    if (activityFigure) break;
  }
  const lanupe = await get<{ contacts: { id: number }[]; contentAreas: { id: number }[]; links: { id: number }[] }>(
    '/api/v1/themes/lanupe',
  );
  await context.close();
  const member = group.seats.find((seat) => seat.member)?.member?.id;
  const agendaItem = meeting.items[0]?.id;
  const [contact, contentArea, themeLink] = [lanupe.contacts[0]?.id, lanupe.contentAreas[0]?.id, lanupe.links[0]?.id];
  if (!member || !agendaItem || !activityFigure || !contact || !contentArea || !themeLink)
    throw new Error('the data has no member, agenda item, activity figure, contact, content area or link');
  ids = { member, agendaItem, activityFigure, contact, contentArea, themeLink };
});

describe('every page', () => {
  it('the list of visits names every page of the app, and nothing else', () => {
    expect(Object.keys(VISITS).sort()).toEqual(Object.keys(PAGE_ROUTES).sort());
  });

  // The visits of a combination run a few at a time (the project's maxConcurrency): one at a time
  // the 196 visits took 658 s, most of it waiting on the page, the server and axe in turn (decision 0012).
  describe.concurrent.each(
    VIEWPORTS.flatMap((viewport) =>
      (['fi', 'sv'] as const).map((lang) => [`${lang} at ${viewport.width} px`, lang, viewport] as const),
    ),
  )('%s', (_name, lang, viewport) => {
    // One context per user for the combination, opened on first use and closed after it.
    const contexts = new Map<User | undefined, Promise<BrowserContext>>();
    afterAll(async () => {
      for (const context of contexts.values()) await (await context).close();
    });
    it.each(Object.entries(VISITS) as [PageRoute, (typeof VISITS)[PageRoute]][])(
      '%s: no sideways scrolling, raw keys, doubled punctuation or axe violations',
      async (name, visit) => {
        if (!contexts.has(visit.as)) contexts.set(visit.as, signedInContext(viewport, lang, visit.as));
        const context = await contexts.get(visit.as)!;
        const path = `/${lang}${typeof visit.path === 'string' ? visit.path : visit.path(ids)}`;
        const label = `${name} ${path} at ${viewport.width}${visit.as ? ` as ${visit.as}` : ''}`;
        const problems: string[] = [];
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        const response = await page.goto(path);
        if (response?.status() !== 200) problems.push(`${label}: answered ${response?.status()}`);
        await settled(page);
        const over = await sidewaysOverflow(page);
        if (over) problems.push(`${label}: scrolls sideways, ${over}`);
        problems.push(...textProblems(await pageText(page)).map((problem) => `${label}: ${problem}`));
        problems.push(...(await axeViolations(page, label)));
        await page.close();
        expect(problems).toEqual([]);
      },
      60_000,
    );
  });
});

describe('an unknown address', () => {
  const NOT_FOUND = { fi: 'Sivua ei löytynyt', sv: 'Sidan hittades inte', en: 'Page not found' } as const;

  it.each(['fi', 'sv', 'en'] as const)('answers 404 with the not-found page in %s', async (lang) => {
    const context = await signedInContext(VIEWPORTS[0], lang);
    const page = await context.newPage();
    for (const path of [`/${lang}/no-such-page`, `/${lang}/themes/lanupe/no/such/page`, `/${lang}/projects/x/y`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expect.poll(() => heading(page).textContent()).toBe(NOT_FOUND[lang]);
    }
    // A page of the app still answers 200, with or without the trailing slash.
    for (const path of [`/${lang}`, `/${lang}/`, `/${lang}/themes/lanupe/`, `/${lang}/projects?theme=lanupe`])
      expect((await context.request.get(path)).status(), path).toBe(200);
    expect((await context.request.get('/api/v1/no-such-thing')).status()).toBe(404);
    await context.close();
  });
});
