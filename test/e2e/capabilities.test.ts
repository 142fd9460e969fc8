/**
 * Issue 14: the web keeps no role table. Signed in as several roles, on every page with actions,
 * each edit link and workflow button the page offers must be one the server's capabilities list for
 * that person and record (the session's per theme, group and globally; a meeting's own), read here
 * from the API. And the page does offer what the capabilities list, so the check is not vacuous.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, useBrowser } from './browser.js';
import { E2E_PASSWORD } from './users.js';

const { newPage } = useBrowser();
const THEME = 'lanupe';
const GROUP = 'lanupe-johtoryhma';
const MEETING = 'lanupe-johtoryhma-2023-1';

type Capabilities = {
  global: string[];
  themes: Record<string, string[]>;
  steeringGroups: Record<string, string[]>;
};

/** What an action in the page needs: a capability on the page's theme, group, meeting, or globally. */
type Need = { on: 'theme' | 'group' | 'meeting' | 'global'; capability: string };

/** The app's edit addresses (src/web/paths.ts) and what each leads to. */
const LINK_NEEDS: [RegExp, Need][] = [
  [/^\/fi\/themes\/[^/]+\/figures$/, { on: 'theme', capability: 'finance.record' }],
  [/^\/fi\/themes\/[^/]+\/calls\/new$/, { on: 'theme', capability: 'call.edit' }],
  [/^\/fi\/calls\/[^/]+\/edit$/, { on: 'theme', capability: 'call.edit' }],
  [/^\/fi\/activity-figures\/\d+\/edit$/, { on: 'theme', capability: 'activity.edit' }],
  [/^\/fi\/projects\/[^/]+\/edit$/, { on: 'theme', capability: 'project.edit' }],
  [/^\/fi\/organisations\/[^/]+\/edit$/, { on: 'global', capability: 'organisation.edit' }],
  [/^\/fi\/steering-groups\/[^/]+\/members\/new/, { on: 'group', capability: 'steering_group.edit' }],
  [/^\/fi\/steering-group-members\/\d+\/edit$/, { on: 'group', capability: 'steering_group.edit' }],
  [/^\/fi\/steering-groups\/[^/]+\/meetings\/new$/, { on: 'group', capability: 'meeting.edit' }],
  [
    /^\/fi\/meetings\/[^/]+\/(edit|attendance|minutes|items\/new|items\/\d+\/actions\/new)$/,
    { on: 'meeting', capability: 'edit' },
  ],
  [/^\/fi\/agenda-items\/\d+\/edit$/, { on: 'meeting', capability: 'edit' }],
  [/^\/fi\/users$/, { on: 'global', capability: 'users.manage' }],
  [/^\/fi\/audit$/, { on: 'global', capability: 'audit.read' }],
  [/^\/fi\/steering-groups$/, { on: 'group', capability: 'steering_group.read' }],
  // A theme's report: its internal material, or the compiled review's readers.
  [/^\/fi\/reports\/[^/]+\/[^/]+$/, { on: 'theme', capability: 'theme.read_internal' }],
];

/** The minutes' workflow buttons (fi) and the meeting capability each needs. */
const BUTTON_NEEDS: [RegExp, Need][] = [
  [/^Tarkasta pöytäkirja$/, { on: 'meeting', capability: 'check' }],
  [/^Pyydä puheenjohtajaa tarkastamaan$/, { on: 'meeting', capability: 'ready' }],
  [/^Palauta pöytäkirja sihteerille$/, { on: 'meeting', capability: 'return' }],
  [/^Hyväksy edellisen kokouksen pöytäkirja/, { on: 'meeting', capability: 'approvePrevious' }],
  [/^Julkaise pöytäkirja$/, { on: 'meeting', capability: 'publish' }],
];

async function signedIn(username: string) {
  const session = await newPage();
  const login = await session.context.request.post('/api/v1/auth/login', {
    data: { username, password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return session;
}

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** Every action the page offers now: edit links by address, workflow buttons by name. */
async function offered(page: Page): Promise<{ action: string; need: Need }[]> {
  await settled(page);
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const buttons = await page.getByRole('button').allInnerTexts();
  const found: { action: string; need: Need }[] = [];
  for (const href of hrefs) {
    const path = href.split('?')[0]!.split('#')[0]!;
    const match = LINK_NEEDS.find(([pattern]) => pattern.test(href) || pattern.test(path));
    if (match) found.push({ action: href, need: match[1] });
  }
  for (const text of buttons) {
    const match = BUTTON_NEEDS.find(([pattern]) => pattern.test(text.trim()));
    if (match) found.push({ action: text.trim(), need: match[1] });
  }
  return found;
}

describe('every action the web offers is one the server lists', () => {
  const users = ['e2e-admin', 'e2e-ely', 'e2e-koordinaattori', 'e2e-stm', 'e2e-sihteeri', 'e2e-pj'];

  it.each(users)('as %s on the theme, project, organisation, group and meeting pages', async (username) => {
    const { context, page } = await signedIn(username);
    try {
      const { request } = context;
      const session = await json<{ capabilities: Capabilities }>(request, '/api/v1/auth/session');
      const caps = session.capabilities;
      const projects = await json<{ items: { key: string; projects: { implementer: { key: string } }[] }[] }>(
        request,
        `/api/v1/projects?theme=${THEME}&limit=1`,
      );
      const project = projects.items[0]!;
      const groupReadable = GROUP in caps.steeringGroups;
      const meetingResponse = await request.get(`/api/v1/meetings/${MEETING}`);
      expect(meetingResponse.status()).toBe(groupReadable ? 200 : 403);
      const meetingCaps = groupReadable
        ? ((await meetingResponse.json()) as { capabilities: string[] }).capabilities
        : [];

      const listed = (need: Need) =>
        need.on === 'theme'
          ? (caps.themes[THEME] ?? []).includes(need.capability) ||
            (need.capability === 'theme.read_internal' && caps.global.includes('review.read'))
          : need.on === 'group'
            ? // The list of groups is offered when some group is readable.
              need.capability === 'steering_group.read'
              ? Object.keys(caps.steeringGroups).length > 0
              : (caps.steeringGroups[GROUP] ?? []).includes(need.capability)
            : need.on === 'meeting'
              ? meetingCaps.includes(need.capability)
              : caps.global.includes(need.capability);

      const pages = [
        `/fi/themes/${THEME}`,
        `/fi/projects/${project.key}`,
        `/fi/organisations/${project.projects[0]!.implementer.key}`,
        ...(groupReadable ? [`/fi/steering-groups/${GROUP}`, `/fi/meetings/${MEETING}`] : []),
      ];
      const seen = new Set<string>();
      for (const path of pages) {
        await page.goto(path);
        for (const { action, need } of await offered(page)) {
          expect(listed(need), `${username} on ${path} offered ${action} (${need.on} ${need.capability})`).toBe(true);
          seen.add(`${need.on} ${need.capability}`);
        }
      }
      // What the server lists is offered somewhere on these pages (not a vacuous check).
      const shown = [
        ...['finance.record', 'call.edit', 'project.edit', 'activity.edit']
          .filter((c) => (caps.themes[THEME] ?? []).includes(c))
          .map((c) => `theme ${c}`),
        ...['steering_group.edit', 'meeting.edit']
          .filter((c) => groupReadable && (caps.steeringGroups[GROUP] ?? []).includes(c))
          .map((c) => `group ${c}`),
        ...['organisation.edit', 'users.manage', 'audit.read']
          .filter((c) => caps.global.includes(c))
          .map((c) => `global ${c}`),
        ...meetingCaps.map((c) => `meeting ${c}`),
      ];
      for (const expected of shown) expect(seen, `${username}: ${expected} listed but not offered`).toContain(expected);
    } finally {
      await context.close();
    }
  });

  it('shows a ministry the facts page without forms it may not send, and the secretary the meeting steps (fi, sv)', async () => {
    // Pictures for a person to look at (in the system's temporary folder), at 1366 and 320 px.
    const shots = join(tmpdir(), 'teemaseuranta-capabilities');
    mkdirSync(shots, { recursive: true });
    for (const [username, path, check] of [
      ['e2e-stm', `/themes/${THEME}/key-figures/facts`, /roolisi ei anna|din roll ger inte/],
      ['e2e-sihteeri', `/meetings/${MEETING}`, null],
    ] as const) {
      const { context, page } = await signedIn(username);
      try {
        for (const lang of ['fi', 'sv'] as const) {
          await page.goto(`/${lang}${path}`);
          await settled(page);
          if (check) {
            await expect.poll(() => page.getByText(check).count()).toBe(1);
            expect(await page.getByRole('button', { name: /Tallenna|Spara/ }).count()).toBe(0);
          }
          for (const width of [1366, 320]) {
            await page.setViewportSize({ width, height: 900 });
            await page.screenshot({ path: join(shots, `${username}-${lang}-${width}.png`), fullPage: true });
          }
        }
      } finally {
        await context.close();
      }
    }
  });
});
