/**
 * Every registered API route, asked by every role, by a user of the right role for the wrong theme,
 * and by the signed-out public: the answer must match the hand-written table in route-access-table.ts.
 * A route without an entry fails the test, so nobody adds a route without deciding who may use it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  as,
  ensureUser,
  EVERYONE,
  GROUP,
  OTHER_THEME,
  signIn,
  signInEveryone,
  THEME,
  type Session,
  type SignedInActor,
} from '../helpers/actors.js';
import { ROUTE_ACCESS, type RouteContext } from './route-access-table.js';

/** The routes access is decided for: the API, not its documentation or the health probes. */
const isApiRoute = (route: { url: string; hidden: boolean }) => route.url.startsWith('/api/v1/') && !route.hidden;

async function lanupeContext(t: TestApp, admin: Session): Promise<RouteContext> {
  const { db } = t.database;
  const theme = await db.selectFrom('themes').select('id').where('slug', '=', THEME).executeTakeFirstOrThrow();
  const themeId = Number(theme.id);
  let counter = 0;
  const unique = () => `access-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  const create = async (url: string, payload: object) => {
    const response = await as(t.app, admin, { method: 'POST', url, payload });
    if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return (response.json() as { data: { id: number } }).data.id;
  };
  const firstId = async (table: 'contacts' | 'content_areas' | 'theme_links' | 'activity_figures') => {
    const row = await db.selectFrom(table).select('id').where('theme_id', '=', themeId).executeTakeFirst();
    return row ? Number(row.id) : null;
  };
  const member = await db
    .selectFrom('steering_group_members as m')
    .innerJoin('steering_groups as g', 'g.id', 'm.steering_group_id')
    .select('m.id')
    .where('g.key', '=', GROUP)
    .executeTakeFirstOrThrow();
  const meeting = await db
    .selectFrom('meetings')
    .select(['id', 'key'])
    .where('key', '=', 'lanupe-johtoryhma-2023-1')
    .executeTakeFirstOrThrow();
  const item = await db
    .selectFrom('agenda_items')
    .select('id')
    .where('meeting_id', '=', Number(meeting.id))
    .orderBy('number')
    .executeTakeFirstOrThrow();
  const decision = await db
    .selectFrom('meeting_decisions')
    .select('id')
    .where('meeting_id', '=', Number(meeting.id))
    .executeTakeFirstOrThrow();
  const call = await db.selectFrom('calls').select('key').where('theme_id', '=', themeId).executeTakeFirstOrThrow();
  const project = await db
    .selectFrom('project_entities')
    .select('key')
    .where('theme_id', '=', themeId)
    .executeTakeFirstOrThrow();
  const organisation = await db.selectFrom('organisations').select('key').executeTakeFirstOrThrow();
  // A reporting period with a draft report for LANUPE (reports module).
  const opened = await as(t.app, admin, {
    method: 'POST',
    url: '/api/v1/reporting-periods',
    payload: { key: 'access-2024', title: { fi: 'Toteutuskatsaus 2024' }, cutOff: '2024-10-31', themes: [THEME] },
  });
  if (opened.statusCode !== 201) throw new Error(`reporting period: ${opened.statusCode} ${opened.body}`);
  const reportId = (opened.json() as { themes: { reportId: number }[] }).themes[0]!.reportId;
  return {
    periodKey: 'access-2024',
    reportId,
    theme: THEME,
    otherTheme: OTHER_THEME,
    group: GROUP,
    contactId: (await firstId('contacts'))!,
    erasableContactId: await create('/api/v1/contacts', {
      theme: THEME,
      role: 'coordination',
      name: 'Poistettava Henkilö',
    }),
    contentAreaId:
      (await firstId('content_areas')) ??
      (await create('/api/v1/content-areas', { theme: THEME, key: unique(), name: { fi: 'Osa-alue' } })),
    themeLinkId:
      (await firstId('theme_links')) ??
      (await create('/api/v1/theme-links', { theme: THEME, url: 'https://example.fi/' })),
    activityFigureId:
      (await firstId('activity_figures')) ??
      (await create('/api/v1/activity-figures', {
        theme: THEME,
        key: unique(),
        label: { fi: 'Tilaisuuksia' },
        value: 1,
        period: { start: '2024', end: '2024' },
      })),
    memberId: Number(member.id),
    meetingKey: meeting.key,
    agendaItemId: Number(item.id),
    decisionId: Number(decision.id),
    callKey: call.key,
    projectKey: project.key,
    organisationKey: organisation.key,
    unique,
  };
}

describe.each(DIALECTS)('route access on %s', (dialect) => {
  let t: TestApp;
  let sessions: Record<SignedInActor, Session>;
  let context: RouteContext;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    sessions = await signInEveryone(t.app, t.database.db);
    await ensureUser(t.database.db, 'test-login', []);
    await ensureUser(t.database.db, 'test-reset', []);
    context = await lanupeContext(t, sessions.admin);
  }, 60_000);
  afterAll(async () => t?.close());

  it('has an access entry for every registered route, and no entry without a route', () => {
    const registered = t.app.routeTable.filter(isApiRoute).map((r) => `${r.method} ${r.url}`);
    expect(
      registered.filter((route) => !(route in ROUTE_ACCESS)),
      'routes without an entry in route-access-table.ts',
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_ACCESS).filter((route) => !registered.includes(route)),
      'entries without a route',
    ).toEqual([]);
  });

  it('lets exactly the listed people through every route', async () => {
    const wrong: string[] = [];
    for (const route of t.app.routeTable.filter(isApiRoute)) {
      const key = `${route.method} ${route.url}`;
      const entry = ROUTE_ACCESS[key];
      if (!entry) continue; // reported by the test above
      for (const who of EVERYONE) {
        const session =
          who === 'public' ? null : entry.ownSession ? await signIn(t.app, `test-${who.toLowerCase()}`) : sessions[who];
        const body = entry.body?.(context);
        const response = await as(t.app, session, {
          method: route.method as 'GET',
          url: entry.path(context),
          headers: entry.headers,
          ...(body === undefined ? {} : { payload: body as object }),
        });
        const allowed = entry.allow.includes(who);
        const status = response.statusCode;
        if (status >= 500) wrong.push(`${key} as ${who}: ${status} ${response.body.slice(0, 200)}`);
        // Through means done (2xx), or refused for the state of the record (409) or a rule (422); a 400
        // would mean the table's request is malformed and proves nothing.
        else if (allowed && !(status < 300 || status === 409 || status === 422 || entry.alsoThrough?.includes(status)))
          wrong.push(`${key} as ${who}: expected through, got ${status} ${response.body.slice(0, 160)}`);
        else if (!allowed && status !== (who === 'public' ? 401 : 403))
          wrong.push(`${key} as ${who}: expected ${who === 'public' ? 401 : 403}, got ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
