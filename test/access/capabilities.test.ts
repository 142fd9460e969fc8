/**
 * What the web offers comes from the capabilities the server sends (the session's per theme and
 * group, a meeting's own); those must be exactly what the server lets the person do. Checked here
 * against the hand-written route × role table (route-access-table.ts), which the route-access test
 * checks against the running server: for every role, a capability is listed if and only if the
 * role may use the route that capability leads to. So a capability the web renders but the server
 * refuses (or a right the web hides) fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  as,
  GROUP,
  signInEveryone,
  SIGNED_IN_ACTORS,
  THEME,
  type Session,
  type SignedInActor,
} from '../helpers/actors.js';
import { ROUTE_ACCESS } from './route-access-table.js';
import { lanupeContext } from './route-context.js';
import type { z } from 'zod';
import type { ZSession } from '../../src/contracts/api.js';
import type { MeetingDetail } from '../../src/contracts/meetings.js';

type SessionAnswer = z.infer<typeof ZSession>;
import {
  GLOBAL_CAPABILITIES,
  GROUP_CAPABILITIES,
  MEETING_CAPABILITIES,
  THEME_CAPABILITIES,
  type GlobalCapability,
  type GroupCapability,
  type MeetingCapability,
  type ThemeCapability,
} from '../../src/domain/capabilities.js';

/** The route each capability opens in the web: the action the button or link leads to. */
const THEME_ROUTES: Record<ThemeCapability, string> = {
  'theme.edit': 'PATCH /api/v1/themes/:key',
  'theme.read_internal': 'GET /api/v1/reports/:id',
  'finance.record': 'POST /api/v1/themes/:slug/finance',
  'call.edit': 'POST /api/v1/calls',
  'project.edit': 'POST /api/v1/projects',
  'contact.edit': 'POST /api/v1/contacts',
  'activity.edit': 'POST /api/v1/activity-figures',
  'content_area.edit': 'POST /api/v1/content-areas',
  'figures.facts.edit': 'PATCH /api/v1/project-facts/:key',
  'report.edit': 'PATCH /api/v1/reports/:id',
  'report.approve': 'POST /api/v1/reports/:id/approve',
};
const GROUP_ROUTES: Record<GroupCapability, string> = {
  'steering_group.read': 'GET /api/v1/steering-groups/:key',
  'steering_group.edit': 'POST /api/v1/steering-group-members',
  'meeting.edit': 'POST /api/v1/meetings',
};
const GLOBAL_ROUTES: Record<GlobalCapability, string> = {
  'organisation.edit': 'PATCH /api/v1/organisations/:key',
  'organisation.register_update': 'POST /api/v1/admin/organisation-register/update',
  'users.manage': 'GET /api/v1/admin/users',
  'audit.read': 'GET /api/v1/admin/audit',
  'review.manage': 'POST /api/v1/reporting-periods',
  'review.read': 'GET /api/v1/reporting-periods/:period/status',
  'personal_data.manage': 'GET /api/v1/contacts/:id/personal-data',
};
const MEETING_ROUTES: Record<MeetingCapability, string> = {
  edit: 'PATCH /api/v1/meetings/:key',
  ready: 'POST /api/v1/meetings/:key/minutes/ready',
  check: 'POST /api/v1/meetings/:key/minutes/check',
  return: 'POST /api/v1/meetings/:key/minutes/return',
  approvePrevious: 'POST /api/v1/meetings/:key/approve-previous-minutes',
  publish: 'POST /api/v1/meetings/:key/minutes/publish',
};

const allowed = (route: string, who: SignedInActor) => {
  const entry = ROUTE_ACCESS[route];
  if (!entry) throw new Error(`no route-access entry for ${route}`);
  return entry.allow.includes(who);
};

/** The capabilities each role should have, read off the route table. */
const expected = <C extends string>(capabilities: readonly C[], routes: Record<C, string>, who: SignedInActor) =>
  capabilities.filter((capability) => allowed(routes[capability], who));

describe.each(DIALECTS)('capabilities against the route × role table on %s', (dialect) => {
  let t: TestApp;
  let sessions: Record<SignedInActor, Session>;
  let meetingKey: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    sessions = await signInEveryone(t.app, t.database.db);
    meetingKey = (await lanupeContext(t, sessions.admin)).meetingKey;
  }, 60_000);
  afterAll(async () => t?.close());

  const session = async (who: SignedInActor) => {
    const response = await as(t.app, sessions[who], { method: 'GET', url: '/api/v1/auth/session' });
    expect(response.statusCode).toBe(200);
    return response.json() as SessionAnswer;
  };

  it.each(SIGNED_IN_ACTORS)(
    "lists for %s exactly the theme's, group's and global rights the server grants",
    async (who) => {
      const { capabilities } = await session(who);
      expect([...(capabilities.themes[THEME] ?? [])].sort()).toEqual(
        expected(THEME_CAPABILITIES, THEME_ROUTES, who).sort(),
      );
      expect([...(capabilities.steeringGroups[GROUP] ?? [])].sort()).toEqual(
        expected(GROUP_CAPABILITIES, GROUP_ROUTES, who).sort(),
      );
      expect([...capabilities.global].sort()).toEqual(expected(GLOBAL_CAPABILITIES, GLOBAL_ROUTES, who).sort());
    },
  );

  it('sends the same capabilities with the sign-in answer as with the session', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'test-finance', password: 'Testisalasana-2024!' },
    });
    expect(response.statusCode).toBe(200);
    expect((response.json() as SessionAnswer).capabilities).toEqual((await session('finance')).capabilities);
  });

  it.each(SIGNED_IN_ACTORS)('lists for %s only the meeting steps the server lets them take', async (who) => {
    const response = await as(t.app, sessions[who], { method: 'GET', url: `/api/v1/meetings/${meetingKey}` });
    if (!allowed('GET /api/v1/meetings/:key', who)) {
      expect(response.statusCode).toBe(403);
      return;
    }
    const meeting = response.json() as MeetingDetail;
    for (const capability of meeting.capabilities)
      expect(allowed(MEETING_ROUTES[capability], who), `${who} offered ${capability}`).toBe(true);
    expect(MEETING_CAPABILITIES).toEqual(expect.arrayContaining(meeting.capabilities));
    // Meeting 2023/1 has draft minutes: whoever may change the meeting is offered to.
    expect(meeting.capabilities.includes('edit')).toBe(allowed(MEETING_ROUTES.edit, who));
  });
});
