/**
 * Who may use each route: the hand-written expectation the route-access test checks against the
 * running application. Every registered route under /api/v1 must have an entry here (a new route
 * without one fails the test), and every entry must name a registered route.
 *
 * `allow` lists who gets past access control; everyone else must get 401 (signed out) or 403.
 * Writes are sent so that an allowed request changes nothing where it can: PATCH and DELETE carry a
 * version that is never current (so access passes and the answer is 409), finance snapshots are based
 * on a snapshot that is not the latest. Creates do create, with fresh keys.
 */
import { EVERYONE, SIGNED_IN_ACTORS, type Who } from '../helpers/actors.js';

export type RouteContext = {
  theme: string;
  otherTheme: string;
  group: string;
  contactId: number;
  erasableContactId: number;
  contentAreaId: number;
  themeLinkId: number;
  activityFigureId: number;
  memberId: number;
  /** Meeting 2023/1 of the LANUPE group (draft minutes), one of its agenda items and decision records. */
  meetingKey: string;
  agendaItemId: number;
  decisionId: number;
  callKey: string;
  projectKey: string;
  organisationKey: string;
  /** An organisation implementing a project of the theme (its place is the theme's to keep). */
  themeOrganisationKey: string;
  /** A reporting period whose only theme is LANUPE, and LANUPE's (draft) report in it. */
  periodKey: string;
  reportId: number;
  /** A fresh key for every call, so creates do not collide. */
  unique: () => string;
};

export type RouteCase = {
  allow: readonly Who[];
  path: (c: RouteContext) => string;
  body?: (c: RouteContext) => unknown;
  headers?: Record<string, string>;
  /** Run with a session of its own: signing in again or out ends the session it is sent with. */
  ownSession?: boolean;
  /** Answers that also count as "through" here, e.g. 404 from a feature the test app does not configure. */
  alsoThrough?: readonly number[];
};

const STALE = { 'if-match': '"999999"' };
const ADMIN: Who[] = ['admin'];
const SIGNED_IN: Who[] = [...SIGNED_IN_ACTORS];
const THEME_FINANCE: Who[] = ['admin', 'finance'];
/** Organisations are shared by every theme: any finance expert keeps them. */
const ANY_FINANCE: Who[] = ['admin', 'finance', 'financeOther'];
const THEME_CONTACTS: Who[] = ['admin', 'finance', 'coordinator'];
const THEME_COORDINATION: Who[] = ['admin', 'coordinator'];
const GROUP_EDIT: Who[] = ['admin', 'secretary'];
/** The compiled review and every theme's state: the managing authority and every ministry. */
const REVIEW_READ: Who[] = ['admin', 'ministry', 'ministryOther'];
/** A theme's report: its coordinator, finance expert and ministry. */
const REPORT_READ: Who[] = ['admin', 'ministry', 'finance', 'coordinator'];
const REPORT_APPROVE: Who[] = ['admin', 'ministry'];
/** The group's material: its secretary and members, the ministries of its themes (LANUPE: STM, OKM). */
const GROUP_READ: Who[] = ['admin', 'ministry', 'secretary', 'member'];

const name = (c: RouteContext) => ({ fi: `Testi ${c.unique()}`, sv: null, en: null });

/** The five routes every editable resource has (see src/server/modules/editing/routes.ts). */
function editable(
  collection: string,
  param: 'id' | 'key',
  id: (c: RouteContext) => string | number,
  allow: readonly Who[],
  create: ((c: RouteContext) => unknown) | null,
  update: (c: RouteContext) => unknown,
  archivable = true,
): Record<string, RouteCase> {
  const pattern = `/api/v1/${collection}/:${param}`;
  const item = (c: RouteContext) => `/api/v1/${collection}/${id(c)}`;
  const cases: Record<string, RouteCase> = {
    [`GET ${pattern}/record`]: { allow, path: (c) => `${item(c)}/record` },
    [`PATCH ${pattern}`]: { allow, path: item, body: update, headers: STALE },
    [`GET ${pattern}/history`]: { allow, path: (c) => `${item(c)}/history` },
  };
  if (create) cases[`POST /api/v1/${collection}`] = { allow, path: () => `/api/v1/${collection}`, body: create };
  if (archivable) cases[`DELETE ${pattern}`] = { allow, path: item, headers: STALE };
  return cases;
}

export const ROUTE_ACCESS: Record<string, RouteCase> = {
  // The public read API.
  'GET /api/v1/themes': { allow: EVERYONE, path: () => '/api/v1/themes' },
  'GET /api/v1/overview': { allow: EVERYONE, path: () => '/api/v1/overview' },
  'GET /api/v1/themes/:slug': { allow: EVERYONE, path: (c) => `/api/v1/themes/${c.theme}` },
  'GET /api/v1/themes/:slug/figures': { allow: EVERYONE, path: (c) => `/api/v1/themes/${c.theme}/figures` },
  'GET /api/v1/themes/:slug/key-figures': {
    allow: EVERYONE,
    path: (c) => `/api/v1/themes/${c.theme}/key-figures?lang=sv`,
  },
  'GET /api/v1/themes/:slug/key-figures.pptx': {
    allow: EVERYONE,
    path: (c) => `/api/v1/themes/${c.theme}/key-figures.pptx`,
  },
  'GET /api/v1/themes/:slug/key-figures/charts/:file': {
    allow: EVERYONE,
    path: (c) => `/api/v1/themes/${c.theme}/key-figures/charts/sectors.svg`,
  },
  'GET /api/v1/key-figures': { allow: EVERYONE, path: () => '/api/v1/key-figures' },
  'GET /api/v1/projects': { allow: EVERYONE, path: (c) => `/api/v1/projects?theme=${c.theme}` },
  'GET /api/v1/projects/:key': { allow: EVERYONE, path: (c) => `/api/v1/projects/${c.projectKey}` },
  'GET /api/v1/organisations': { allow: EVERYONE, path: () => '/api/v1/organisations' },
  'GET /api/v1/organisations/:key': { allow: EVERYONE, path: (c) => `/api/v1/organisations/${c.organisationKey}` },
  // The organisation register: a stand-in of YTJ on loopback in the access test (test/helpers/register-server.ts).
  'GET /api/v1/organisation-register': { allow: EVERYONE, path: () => '/api/v1/organisation-register' },
  'GET /api/v1/organisation-register/companies': {
    allow: ANY_FINANCE,
    path: () => '/api/v1/organisation-register/companies?businessId=3100001-1',
  },
  'POST /api/v1/organisations/:key/register-values': {
    allow: ANY_FINANCE,
    path: (c) => `/api/v1/organisations/${c.organisationKey}/register-values`,
    body: () => ({ businessId: '3100007-0', fields: ['type'] }),
    headers: STALE,
  },
  'POST /api/v1/admin/organisation-register/update': {
    allow: ADMIN,
    path: () => '/api/v1/admin/organisation-register/update',
    body: () => ({}),
  },
  'GET /api/v1/calls': { allow: EVERYONE, path: () => '/api/v1/calls' },
  'GET /api/v1/calls/:key': { allow: EVERYONE, path: (c) => `/api/v1/calls/${c.callKey}` },
  'GET /api/v1/search': { allow: EVERYONE, path: () => '/api/v1/search?q=hyvinvoinnin' },
  'GET /api/v1/export': { allow: EVERYONE, path: () => '/api/v1/export' },
  'GET /api/v1/export/schema.json': { allow: EVERYONE, path: () => '/api/v1/export/schema.json' },
  'GET /api/v1/export/tables/schema.json': { allow: EVERYONE, path: () => '/api/v1/export/tables/schema.json' },
  'GET /api/v1/export/tables/:file': { allow: EVERYONE, path: () => '/api/v1/export/tables/calls.csv' },
  'GET /api/v1/export/dcat.jsonld': { allow: EVERYONE, path: () => '/api/v1/export/dcat.jsonld' },

  // Signing in and out.
  'POST /api/v1/auth/login': {
    allow: EVERYONE,
    ownSession: true,
    path: () => '/api/v1/auth/login',
    body: () => ({ username: 'test-login', password: 'Testisalasana-2024!' }),
  },
  'GET /api/v1/auth/options': { allow: EVERYONE, path: () => '/api/v1/auth/options' },
  // Single sign-on is not configured in this test (see single-sign-on.test.ts): it answers 404 to all.
  'GET /api/v1/auth/oidc/start': { allow: EVERYONE, path: () => '/api/v1/auth/oidc/start', alsoThrough: [404] },
  'GET /api/v1/auth/oidc/callback': {
    allow: EVERYONE,
    path: () => '/api/v1/auth/oidc/callback?state=x&code=y',
    alsoThrough: [404],
  },
  'GET /api/v1/auth/session': { allow: SIGNED_IN, path: () => '/api/v1/auth/session' },
  'POST /api/v1/auth/logout': { allow: SIGNED_IN, path: () => '/api/v1/auth/logout', ownSession: true },
  'POST /api/v1/auth/password': {
    allow: SIGNED_IN,
    path: () => '/api/v1/auth/password',
    // A wrong current password: access passes, the change is refused, the session lives on.
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'Uusi-salasana-2026!' }),
  },

  // Users, the trail and personal data: the managing authority.
  'GET /api/v1/admin/users': { allow: ADMIN, path: () => '/api/v1/admin/users' },
  'POST /api/v1/admin/users': {
    allow: ADMIN,
    path: () => '/api/v1/admin/users',
    body: (c) => ({ username: `user-${c.unique()}`, displayName: 'Testi', roles: [] }),
  },
  'POST /api/v1/admin/users/:username/password': {
    allow: ADMIN,
    path: () => '/api/v1/admin/users/test-reset/password',
    body: () => ({ newPassword: 'Nollattu-salasana-2026!' }),
  },
  // Offboarding a user no test signs in with: an allowed request really changes them (test-reset).
  'PUT /api/v1/admin/users/:username/disabled': {
    allow: ADMIN,
    path: () => '/api/v1/admin/users/test-reset/disabled',
    body: () => ({ disabled: false }),
  },
  'POST /api/v1/admin/users/:username/roles/end': {
    allow: ADMIN,
    path: () => '/api/v1/admin/users/test-reset/roles/end',
    // A role test-reset does not hold: access passes, the answer is 404, nothing changes.
    body: () => ({ role: 'admin' }),
    alsoThrough: [404],
  },
  'GET /api/v1/admin/audit': { allow: ADMIN, path: () => '/api/v1/admin/audit' },
  'GET /api/v1/admin/audit/entries': { allow: ADMIN, path: () => '/api/v1/admin/audit/entries?action=update' },
  'GET /api/v1/admin/audit.csv': { allow: ADMIN, path: () => '/api/v1/admin/audit.csv?entityType=theme' },
  // Mail: my own settings; the deliveries are the administrator's (message 999999 does not exist).
  'GET /api/v1/me/notifications': { allow: SIGNED_IN, path: () => '/api/v1/me/notifications' },
  'GET /api/v1/me/tasks': { allow: SIGNED_IN, path: () => '/api/v1/me/tasks' },
  'PATCH /api/v1/me/notifications': { allow: SIGNED_IN, path: () => '/api/v1/me/notifications', body: () => ({}) },
  'GET /api/v1/admin/outbox': { allow: ADMIN, path: () => '/api/v1/admin/outbox?status=failed' },
  'GET /api/v1/admin/mail': { allow: ADMIN, path: () => '/api/v1/admin/mail' },
  'POST /api/v1/admin/outbox/:id/retry': {
    allow: ADMIN,
    path: () => '/api/v1/admin/outbox/999999/retry',
    alsoThrough: [404],
  },
  'GET /api/v1/themes/:slug/approval-rule': {
    allow: REPORT_READ,
    path: (c) => `/api/v1/themes/${c.theme}/approval-rule`,
  },
  'PUT /api/v1/themes/:slug/approval-rule': {
    allow: ADMIN,
    path: (c) => `/api/v1/themes/${c.theme}/approval-rule`,
    body: () => ({ rule: 'each' }),
  },
  'GET /api/v1/contacts/:id/personal-data': {
    allow: ADMIN,
    path: (c) => `/api/v1/contacts/${c.contactId}/personal-data`,
  },
  'POST /api/v1/contacts/:id/erase': { allow: ADMIN, path: (c) => `/api/v1/contacts/${c.erasableContactId}/erase` },

  // The four figures: finance experts of the theme, as new snapshots.
  'POST /api/v1/themes/:slug/finance': {
    allow: THEME_FINANCE,
    path: (c) => `/api/v1/themes/${c.theme}/finance`,
    body: () => ({
      asOf: '2024-12-31',
      frame: 100,
      reserved: 50,
      committed: 10,
      paid: 0,
      reason: 'Testi',
      basedOnSnapshot: 0,
    }),
  },

  'POST /api/v1/themes/:slug/finance/:id/withdrawal': {
    allow: THEME_FINANCE,
    path: (c) => `/api/v1/themes/${c.theme}/finance/999999/withdrawal`,
    body: () => ({ reason: 'Testi', basedOnSnapshot: 0 }),
  },

  // Theme reports (src/server/modules/reports).
  'GET /api/v1/reporting-periods': { allow: SIGNED_IN, path: () => '/api/v1/reporting-periods' },
  'POST /api/v1/reporting-periods': {
    allow: ADMIN,
    path: () => '/api/v1/reporting-periods',
    body: (c) => ({ key: c.unique(), kind: 'description', title: { fi: 'Testi' }, themes: [c.theme] }),
  },
  'GET /api/v1/reporting-periods/:period': {
    allow: SIGNED_IN,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}`,
  },
  'PATCH /api/v1/reporting-periods/:period': {
    allow: ADMIN,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}`,
    body: () => ({ deadline: '2030-01-31' }),
    headers: STALE,
  },
  'POST /api/v1/reporting-periods/:period/close': {
    allow: ADMIN,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/close`,
    body: () => ({}),
    headers: STALE,
  },
  'POST /api/v1/reporting-periods/:period/reopen': {
    allow: ADMIN,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/reopen`,
    body: () => ({}),
    headers: STALE,
  },
  'GET /api/v1/reporting-periods/:period/status': {
    allow: REVIEW_READ,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/status`,
  },
  'POST /api/v1/reporting-periods/:period/reminders': {
    allow: ADMIN,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/reminders`,
    body: (c) => ({ themes: [c.theme] }),
  },
  'GET /api/v1/reporting-periods/:period/outbox': {
    allow: ADMIN,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/outbox`,
  },
  'GET /api/v1/reporting-periods/:period/review.html': {
    allow: REVIEW_READ,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/review.html`,
  },
  'GET /api/v1/reporting-periods/:period/review.docx': {
    allow: REVIEW_READ,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/review.docx`,
  },
  'GET /api/v1/reporting-periods/:period/review.pdf': {
    allow: REVIEW_READ,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/review.pdf`,
  },
  'GET /api/v1/reporting-periods/:period/themes/:slug/report': {
    allow: REPORT_READ,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/themes/${c.theme}/report`,
  },
  'GET /api/v1/reports/:id': { allow: REPORT_READ, path: (c) => `/api/v1/reports/${c.reportId}` },
  'PATCH /api/v1/reports/:id': {
    allow: THEME_COORDINATION,
    path: (c) => `/api/v1/reports/${c.reportId}`,
    body: () => ({ sections: { s1: { html: '<p>Testi</p>' } } }),
    headers: STALE,
  },
  'POST /api/v1/reports/:id/submit': {
    allow: THEME_COORDINATION,
    path: (c) => `/api/v1/reports/${c.reportId}/submit`,
    body: () => ({}),
    headers: STALE,
  },
  'POST /api/v1/reports/:id/return': {
    allow: REPORT_APPROVE,
    path: (c) => `/api/v1/reports/${c.reportId}/return`,
    body: () => ({ comments: [{ section: 's1', body: 'Testi' }] }),
    headers: STALE,
  },
  'POST /api/v1/reports/:id/approve': {
    allow: REPORT_APPROVE,
    path: (c) => `/api/v1/reports/${c.reportId}/approve`,
    body: () => ({}),
    headers: STALE,
  },
  'GET /api/v1/reports/:id/versions': { allow: REPORT_READ, path: (c) => `/api/v1/reports/${c.reportId}/versions` },
  'GET /api/v1/reports/:id/diff': { allow: REPORT_READ, path: (c) => `/api/v1/reports/${c.reportId}/diff?from=1&to=1` },
  'POST /api/v1/reporting-periods/:period/imports/preview': {
    allow: ADMIN,
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/imports/preview`,
    body: () => ({
      format: 'text',
      content: 'Valtakunnallinen teema\nLasten, nuorten ja perheiden palveluiden kehittäminen',
    }),
  },
  ...Object.fromEntries(
    (['html', 'xlsx'] as const).map((format) => [
      `POST /api/v1/reporting-periods/:period/imports/check-report.${format}`,
      {
        allow: ADMIN,
        path: (c: { periodKey: string }) => `/api/v1/reporting-periods/${c.periodKey}/imports/check-report.${format}`,
        body: () => ({
          format: 'text',
          content: 'Valtakunnallinen teema\nLasten, nuorten ja perheiden palveluiden kehittäminen',
        }),
      },
    ]),
  ),
  'POST /api/v1/reporting-periods/:period/imports/confirm': {
    allow: ADMIN,
    // A digest that is not the file's: access passes, the import is refused (422), nothing is written.
    path: (c) => `/api/v1/reporting-periods/${c.periodKey}/imports/confirm`,
    body: () => ({ format: 'text', content: 'Valtakunnallinen teema\nTesti', digest: '0'.repeat(64) }),
  },

  // The write API, per resource.
  ...editable(
    'themes',
    'key',
    (c) => c.theme,
    ADMIN,
    null,
    () => ({ intermediateBody: 'Testi' }),
    false,
  ),
  ...editable(
    'contacts',
    'id',
    (c) => c.contactId,
    THEME_CONTACTS,
    (c) => ({ theme: c.theme, role: 'coordination', name: 'Testi Henkilö', validFrom: '2025-04-01', validTo: null }),
    // The validity and absence of issue 15, editable since issue 17.
    () => ({ title: 'Testi', validTo: '2027-12-31', absence: 'on_leave' }),
  ),
  ...editable(
    'content-areas',
    'id',
    (c) => c.contentAreaId,
    THEME_COORDINATION,
    (c) => ({ theme: c.theme, key: c.unique(), name: name(c) }),
    (c) => ({ name: name(c) }),
  ),
  ...editable(
    'theme-links',
    'id',
    (c) => c.themeLinkId,
    THEME_COORDINATION,
    (c) => ({ theme: c.theme, url: 'https://example.fi/testi', title: 'Testi' }),
    () => ({ title: 'Testi' }),
  ),
  ...editable(
    'activity-figures',
    'id',
    (c) => c.activityFigureId,
    THEME_COORDINATION,
    (c) => ({
      theme: c.theme,
      key: c.unique(),
      label: { fi: 'Tapahtumia', sv: null, en: null },
      value: 3,
      period: { start: '2024', end: '2024' },
    }),
    () => ({ value: 4 }),
  ),
  ...editable(
    'calls',
    'key',
    (c) => c.callKey,
    THEME_FINANCE,
    (c) => ({ key: c.unique(), theme: c.theme, name: name(c) }),
    () => ({ applications: 1 }),
  ),
  ...editable(
    'organisations',
    'key',
    (c) => c.organisationKey,
    ANY_FINANCE,
    (c) => ({ key: c.unique(), name: name(c) }),
    () => ({ municipality: '091' }),
  ),
  ...editable(
    'projects',
    'key',
    (c) => c.projectKey,
    THEME_FINANCE,
    (c) => ({
      key: c.unique(),
      theme: c.theme,
      kind: 'single',
      name: name(c),
      projects: [{ implementer: c.organisationKey, role: 'main' }],
    }),
    () => ({ status: 'granted', decidedOn: '2024-05-02' }),
  ),
  // The facts behind the key figures: the theme's finance expert and coordinator.
  ...editable(
    'project-facts',
    'key',
    (c) => c.projectKey,
    THEME_CONTACTS,
    null,
    () => ({ sectors: ['basic-education'], ministries: [{ ministry: 'OKM', share: 100 }] }),
    false,
  ),
  ...editable(
    'organisation-places',
    'key',
    (c) => c.themeOrganisationKey,
    THEME_CONTACTS,
    null,
    () => ({ municipality: '091' }),
    false,
  ),
  ...editable(
    'steering-groups',
    'key',
    (c) => c.group,
    GROUP_EDIT,
    null,
    () => ({ diaryNumber: 'VN/1/2026' }),
    false,
  ),
  // A new group has no scope yet: only the managing authority sets one up.
  'POST /api/v1/steering-groups': {
    allow: ADMIN,
    path: () => '/api/v1/steering-groups',
    body: (c) => ({ key: c.unique(), name: name(c), themes: [c.theme] }),
  },
  ...editable(
    'steering-group-members',
    'id',
    (c) => c.memberId,
    GROUP_EDIT,
    (c) => ({ steeringGroup: c.group, seat: 20, capacity: 'member', name: 'Testi Jäsen' }),
    () => ({ organisation: 'Testi' }),
  ),

  // Steering groups and meetings (src/server/modules/meetings/routes.ts): group material is the group's.
  'GET /api/v1/steering-groups': { allow: EVERYONE, path: () => '/api/v1/steering-groups' },
  'GET /api/v1/steering-groups/:key': { allow: GROUP_READ, path: (c) => `/api/v1/steering-groups/${c.group}` },
  'GET /api/v1/steering-groups/:key/members': {
    allow: GROUP_READ,
    path: (c) => `/api/v1/steering-groups/${c.group}/members`,
  },
  'GET /api/v1/steering-groups/:key/meetings': {
    allow: GROUP_READ,
    path: (c) => `/api/v1/steering-groups/${c.group}/meetings`,
  },
  'GET /api/v1/steering-groups/:key/action-items': {
    allow: GROUP_READ,
    path: (c) => `/api/v1/steering-groups/${c.group}/action-items?status=open`,
  },
  'GET /api/v1/meetings/:key': { allow: GROUP_READ, path: (c) => `/api/v1/meetings/${c.meetingKey}` },
  'GET /api/v1/meetings/:key/agenda/:format': {
    allow: GROUP_READ,
    path: (c) => `/api/v1/meetings/${c.meetingKey}/agenda/html`,
  },
  // Draft minutes are the group's; published minutes are everyone's (see meeting-workflow.test.ts).
  'GET /api/v1/meetings/:key/minutes/:format': {
    allow: GROUP_READ,
    path: (c) => `/api/v1/meetings/${c.meetingKey}/minutes/html?lang=sv`,
  },
  'GET /api/v1/meetings/:key/invitation.ics': {
    allow: GROUP_READ,
    path: (c) => `/api/v1/meetings/${c.meetingKey}/invitation.ics`,
  },
  'GET /api/v1/published-minutes': {
    allow: EVERYONE,
    path: (c) => `/api/v1/published-minutes?steeringGroup=${c.group}`,
  },
  // 2023/1 is not published: 404 to everyone alike.
  'GET /api/v1/published-minutes/:key': {
    allow: EVERYONE,
    path: (c) => `/api/v1/published-minutes/${c.meetingKey}`,
    alsoThrough: [404],
  },
  // The chair checks: a member whose account is linked to the chair's seat (none is in this test), or the managing authority.
  'POST /api/v1/meetings/:key/minutes/ready': {
    allow: GROUP_EDIT,
    path: (c) => `/api/v1/meetings/${c.meetingKey}/minutes/ready`,
    headers: STALE,
  },
  'POST /api/v1/meetings/:key/minutes/check': {
    allow: ADMIN,
    path: (c) => `/api/v1/meetings/${c.meetingKey}/minutes/check`,
    headers: STALE,
  },
  'POST /api/v1/meetings/:key/minutes/return': {
    allow: ADMIN,
    path: (c) => `/api/v1/meetings/${c.meetingKey}/minutes/return`,
    headers: STALE,
    body: () => ({ reason: 'Testi' }),
  },
  'POST /api/v1/meetings/:key/approve-previous-minutes': {
    allow: GROUP_EDIT,
    path: (c) => `/api/v1/meetings/${c.meetingKey}/approve-previous-minutes`,
    headers: STALE,
  },
  'POST /api/v1/meetings/:key/minutes/publish': {
    allow: GROUP_EDIT,
    path: (c) => `/api/v1/meetings/${c.meetingKey}/minutes/publish`,
    headers: STALE,
  },
  ...editable(
    'meetings',
    'key',
    (c) => c.meetingKey,
    GROUP_EDIT,
    (c) => ({ steeringGroup: c.group, date: '2027-01-15', startTime: '13:00', online: 'Teams' }),
    () => ({ room: 'Testi' }),
  ),
  ...editable(
    'agenda-items',
    'id',
    (c) => c.agendaItemId,
    GROUP_EDIT,
    (c) => ({ meeting: c.meetingKey, title: `Testi ${c.unique()}` }),
    () => ({ discussion: 'Testi' }),
  ),
  ...editable(
    'meeting-decisions',
    'id',
    (c) => c.decisionId,
    GROUP_EDIT,
    (c) => ({
      meeting: c.meetingKey,
      item: 5,
      kind: 'action',
      text: 'Testi',
      owner: 'Testi Henkilö',
      dueDate: '2027-01-31',
    }),
    () => ({ status: 'done' }),
  ),
};
