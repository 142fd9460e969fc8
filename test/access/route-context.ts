/**
 * The records the route-access table's requests point at (LANUPE, its group, a meeting, a report…),
 * created or looked up in a fresh test database. Shared by the access test and the bad-input corpus.
 */
import type { TestApp } from '../helpers/app.js';
import { as, GROUP, OTHER_THEME, THEME, type Session } from '../helpers/actors.js';
import type { RouteContext } from './route-access-table.js';

export async function lanupeContext(t: TestApp, admin: Session): Promise<RouteContext> {
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
  const themeOrganisation = await db
    .selectFrom('projects as p')
    .innerJoin('project_entities as e', 'e.id', 'p.entity_id')
    .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
    .select('o.key')
    .where('e.theme_id', '=', themeId)
    .orderBy('o.key')
    .executeTakeFirstOrThrow();
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
    themeOrganisationKey: themeOrganisation.key,
    unique,
  };
}
