/**
 * The write API's promises, over every write route the application registers: each change leaves
 * exactly one audit entry written in the same transaction; parallel writers lose no update; invalid
 * input of any shape gets a 4xx problem document and changes nothing; the trail itself cannot be
 * altered in the database. On SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  as,
  ensureUser,
  GROUP,
  signIn,
  signInEveryone,
  THEME,
  type Session,
  type SignedInActor,
} from '../helpers/actors.js';
import { ROUTE_ACCESS, type RouteContext } from '../access/route-access-table.js';
import { REGISTER_FIXTURES, startRegisterServer, type RegisterServer } from '../helpers/register-server.js';

const isWrite = (route: { method: string; url: string; hidden: boolean }) =>
  route.url.startsWith('/api/v1/') && !route.hidden && ['POST', 'PATCH', 'PUT', 'DELETE'].includes(route.method);

/** Routes that are writes but change no record of the model: they are driven by their own tests. */
const SESSION_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
  // Reads an uploaded review and answers with a preview; writes nothing (test/documents/review-compile.test.ts).
  'POST /api/v1/reporting-periods/:period/imports/preview',
  // The preview's findings as a download; writes nothing either (test/api/import-check-report.test.ts).
  'POST /api/v1/reporting-periods/:period/imports/check-report.html',
  'POST /api/v1/reporting-periods/:period/imports/check-report.xlsx',
  // Queues a failed mail again: needs a delivery that failed against an SMTP server, which
  // test/api/mail-delivery.test.ts sets up, and where the retried mail is then delivered.
  'POST /api/v1/admin/outbox/:id/retry',
]);

const auditCount = async (t: TestApp) =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A fingerprint of every table the write API changes, to prove a refused write changed nothing. */
async function fingerprint(t: TestApp): Promise<string> {
  const hash = createHash('sha256');
  for (const table of [
    'themes',
    'contacts',
    'content_areas',
    'theme_links',
    'activity_figures',
    'calls',
    'organisations',
    'project_entities',
    'projects',
    'steering_groups',
    'steering_group_members',
    'meetings',
    'meeting_attendance',
    'agenda_items',
    'meeting_decisions',
    'finance_snapshots',
    'users',
    'role_assignments',
    'personal_data',
    'audit_log',
  ]) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1, 2`.execute(
      t.database.db,
    );
    hash.update(`${table}:${JSON.stringify(rows.rows)}`);
  }
  return hash.digest('hex');
}

describe.each(DIALECTS)('write API on %s', (dialect) => {
  let t: TestApp;
  let register: RegisterServer;
  let sessions: Record<SignedInActor, Session>;
  let admin: Session;
  let counter = 0;
  const unique = () => `write-${(counter++).toString(36)}`;

  const context = async (): Promise<RouteContext> => {
    const { db } = t.database;
    const theme = await db.selectFrom('themes').select('id').where('slug', '=', THEME).executeTakeFirstOrThrow();
    const call = await db
      .selectFrom('calls')
      .select('key')
      .where('theme_id', '=', Number(theme.id))
      .executeTakeFirstOrThrow();
    const project = await db
      .selectFrom('project_entities')
      .select('key')
      .where('theme_id', '=', Number(theme.id))
      .executeTakeFirstOrThrow();
    const organisation = await db.selectFrom('organisations').select('key').executeTakeFirstOrThrow();
    const themeOrganisation = await db
      .selectFrom('projects as p')
      .innerJoin('project_entities as e', 'e.id', 'p.entity_id')
      .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
      .select('o.key')
      .where('e.theme_id', '=', Number(theme.id))
      .orderBy('o.key')
      .executeTakeFirstOrThrow();
    const contact = await db
      .selectFrom('contacts')
      .select('id')
      .where('theme_id', '=', Number(theme.id))
      .executeTakeFirstOrThrow();
    const report = await freshReport();
    const meeting = await db
      .selectFrom('meetings')
      .select(['id', 'key'])
      .where('key', '=', 'lanupe-johtoryhma-2023-1')
      .executeTakeFirstOrThrow();
    return {
      ...report,
      theme: THEME,
      otherTheme: 'tyomarkkinoiden-kohtaanto',
      group: GROUP,
      contactId: Number(contact.id),
      erasableContactId: Number(contact.id),
      contentAreaId: 0,
      themeLinkId: 0,
      activityFigureId: 0,
      memberId: 0,
      meetingKey: meeting.key,
      agendaItemId: 0,
      decisionId: 0,
      callKey: call.key,
      projectKey: project.key,
      organisationKey: organisation.key,
      themeOrganisationKey: themeOrganisation.key,
      unique,
    };
  };

  beforeAll(async () => {
    // The organisation register's routes ask a stand-in of YTJ on loopback (test/helpers/register-server.ts).
    register = await startRegisterServer();
    t = await createTestApp(dialect, { register: { baseUrl: register.url, timeoutMs: 2_000 } });
    sessions = await signInEveryone(t.app, t.database.db);
    admin = sessions.admin;
    await ensureUser(t.database.db, 'test-reset', []);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await register?.close();
  });

  const send = (
    session: Session | null,
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    as(t.app, session, {
      method: method as 'POST',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  /** A new record through the route's own create, for the update and archive recipes. */
  async function freshRecord(
    collection: string,
    c: RouteContext,
    by: 'id' | 'key',
  ): Promise<{ url: string; version: number }> {
    const create = ROUTE_ACCESS[`POST /api/v1/${collection}`]!;
    const response = await send(admin, 'POST', `/api/v1/${collection}`, create.body!(c));
    expect(response.statusCode, response.body).toBe(201);
    const { data, version } = response.json() as { data: { id?: number; key?: string }; version: number };
    return { url: `/api/v1/${collection}/${by === 'key' ? data.key : data.id}`, version };
  }

  /** A new reporting period with LANUPE's draft report in it (version 1). */
  async function freshReport(): Promise<{ periodKey: string; reportId: number }> {
    const periodKey = unique();
    const response = await send(admin, 'POST', '/api/v1/reporting-periods', {
      key: periodKey,
      title: { fi: 'Testi' },
      cutOff: '2024-10-31',
      themes: [THEME],
    });
    expect(response.statusCode, response.body).toBe(201);
    return { periodKey, reportId: (response.json() as { themes: { reportId: number }[] }).themes[0]!.reportId };
  }

  /** A fresh report with every section written and, if asked, submitted; returns its version. */
  async function readyReport(submitted: boolean): Promise<{ reportId: number; version: number }> {
    const { reportId } = await freshReport();
    const sections = Object.fromEntries(['s1', 's2', 's3', 's4', 's5'].map((key) => [key, { html: `<p>${key}</p>` }]));
    expect(
      (await send(admin, 'PATCH', `/api/v1/reports/${reportId}`, { sections }, { 'if-match': '"1"' })).statusCode,
    ).toBe(200);
    if (!submitted) return { reportId, version: 2 };
    expect(
      (await send(admin, 'POST', `/api/v1/reports/${reportId}/submit`, {}, { 'if-match': '"2"' })).statusCode,
    ).toBe(200);
    return { reportId, version: 3 };
  }

  /**
   * A meeting whose minutes are where the step starts from: the check needs a draft, the return a
   * checked draft, the approval a next meeting with a checked previous one, publishing approved ones.
   * Each recipe makes fresh meetings on later dates, so a new meeting's previous one is the one before.
   */
  let meetingDay = 0;
  async function minutesStep(route: string): Promise<{ method: string; url: string; headers: Record<string, string> }> {
    const version = async (key: string) =>
      Number((await send(admin, 'GET', `/api/v1/meetings/${key}`)).headers.etag!.replaceAll('"', ''));
    const newMeeting = async () => {
      const date = new Date(Date.UTC(2025, 0, 1 + meetingDay++)).toISOString().slice(0, 10);
      const created = await send(admin, 'POST', '/api/v1/meetings', { steeringGroup: GROUP, date, startTime: '10:00' });
      expect(created.statusCode, created.body).toBe(201);
      const key = (created.json() as { data: { key: string } }).data.key;
      // Who chaired and the quorum come from the attendance: every member present.
      const group = (await send(admin, 'GET', `/api/v1/steering-groups/${GROUP}?at=${date}`)).json() as {
        seats: { member: { id: number } | null }[];
      };
      const attended = await send(
        admin,
        'PATCH',
        `/api/v1/meetings/${key}`,
        { attendance: group.seats.flatMap((s) => (s.member ? [{ memberId: s.member.id, present: true }] : [])) },
        { 'if-match': `"${await version(key)}"` },
      );
      expect(attended.statusCode, attended.body).toBe(200);
      return key;
    };
    const step = async (key: string, path: string) => {
      const response = await send(admin, 'POST', `/api/v1/meetings/${key}/${path}`, undefined, {
        'if-match': `"${await version(key)}"`,
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    const at = (key: string, path: string) => ({ method: 'POST', url: `/api/v1/meetings/${key}/${path}` });
    const first = await newMeeting();
    if (route.endsWith('/minutes/check'))
      return { ...at(first, 'minutes/check'), headers: { 'if-match': `"${await version(first)}"` } };
    await step(first, 'minutes/check');
    if (route.endsWith('/minutes/return'))
      return { ...at(first, 'minutes/return'), headers: { 'if-match': `"${await version(first)}"` } };
    const next = await newMeeting();
    if (route.endsWith('/approve-previous-minutes'))
      return { ...at(next, 'approve-previous-minutes'), headers: { 'if-match': `"${await version(next)}"` } };
    await step(next, 'approve-previous-minutes');
    return { ...at(first, 'minutes/publish'), headers: { 'if-match': `"${await version(first)}"` } };
  }

  /**
   * How to make one successful change through each write route, and which record it concerns. A
   * write route without a recipe here fails the test below: the audit promise covers every route.
   */
  let financeDay = 0;
  async function successfulChange(
    route: string,
    c: RouteContext,
  ): Promise<{ method: string; url: string; body?: unknown; headers?: Record<string, string> }> {
    const [method, pattern] = route.split(' ') as [string, string];
    const collection = /^\/api\/v1\/([a-z-]+)/.exec(pattern)![1]!;
    if (route === 'POST /api/v1/admin/users/:username/password')
      return {
        method,
        url: '/api/v1/admin/users/test-reset/password',
        body: { newPassword: `Uusi-${unique()}-salasana!` },
      };
    if (route === 'PUT /api/v1/admin/users/:username/disabled') {
      const name = unique();
      await ensureUser(t.database.db, name, []);
      return { method, url: `/api/v1/admin/users/${name}/disabled`, body: { disabled: true } };
    }
    if (route === 'POST /api/v1/admin/users/:username/roles/end') {
      const name = unique();
      await ensureUser(t.database.db, name, [{ role: 'finance_expert', theme: THEME }]);
      return { method, url: `/api/v1/admin/users/${name}/roles/end`, body: { role: 'finance_expert', theme: THEME } };
    }
    if (route === 'POST /api/v1/contacts/:id/erase') {
      const record = await freshRecord('contacts', c, 'id');
      return { method, url: `${record.url}/erase` };
    }
    if (route === 'POST /api/v1/themes/:slug/finance') {
      const theme = await t.database.db
        .selectFrom('themes')
        .select('id')
        .where('slug', '=', THEME)
        .executeTakeFirstOrThrow();
      const latest = await t.database.db
        .selectFrom('finance_snapshots')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('theme_id', '=', Number(theme.id))
        .executeTakeFirstOrThrow();
      // The current figures again as of a new past date: no order break, no large change to confirm.
      const current = (
        (await t.app.inject({ method: 'GET', url: `/api/v1/themes/${THEME}` })).json() as {
          finance: Record<string, number | null>;
        }
      ).finance;
      const body = {
        ...(ROUTE_ACCESS[route]!.body!(c) as object),
        asOf: `2025-01-${String(++financeDay).padStart(2, '0')}`,
        frame: current.frame,
        reserved: current.reserved,
        committed: current.committed,
        paid: current.paid,
        basedOnSnapshot: latest.id === null ? null : Number(latest.id),
      };
      return { method, url: `/api/v1/themes/${THEME}/finance`, body };
    }
    if (route === 'POST /api/v1/themes/:slug/finance/:id/withdrawal') {
      const entry = await successfulChange('POST /api/v1/themes/:slug/finance', c);
      const recorded = await send(admin, 'POST', entry.url, entry.body);
      expect(recorded.statusCode, recorded.body).toBe(201);
      const id = (recorded.json() as { id: number }).id;
      return {
        method,
        url: `/api/v1/themes/${THEME}/finance/${id}/withdrawal`,
        body: { reason: 'Virhe', basedOnSnapshot: id },
      };
    }
    if (route === 'PATCH /api/v1/reports/:id') {
      const { reportId } = await freshReport();
      return {
        method,
        url: `/api/v1/reports/${reportId}`,
        body: { sections: { s1: { html: '<p>Testi</p>' } } },
        headers: { 'if-match': '"1"' },
      };
    }
    const transition = /^POST \/api\/v1\/reports\/:id\/(submit|return|approve)$/.exec(route)?.[1];
    if (transition) {
      const { reportId, version } = await readyReport(transition !== 'submit');
      const body = transition === 'return' ? { comments: [{ section: 's1', body: 'Tarkenna.' }] } : {};
      return {
        method,
        url: `/api/v1/reports/${reportId}/${transition}`,
        body,
        headers: { 'if-match': `"${version}"` },
      };
    }
    if (route === 'POST /api/v1/reporting-periods/:period/imports/confirm') {
      const { periodKey } = await freshReport();
      const upload = {
        format: 'text',
        content:
          'Valtakunnallinen teema\nLasten, nuorten ja perheiden palveluiden kehittäminen ja hyvinvoinnin edistäminen kohti yhdenvertaisuutta\n1) Tiivis kuvaus valtakunnallisen teeman sisällöstä\nTeksti.',
      };
      const preview = await send(admin, 'POST', `/api/v1/reporting-periods/${periodKey}/imports/preview`, upload);
      expect(preview.statusCode, preview.body).toBe(200);
      return {
        method,
        url: `/api/v1/reporting-periods/${periodKey}/imports/confirm`,
        body: { ...upload, digest: (preview.json() as { digest: string }).digest },
      };
    }
    if (route === 'PATCH /api/v1/reporting-periods/:period') {
      const { periodKey } = await freshReport();
      return {
        method,
        url: `/api/v1/reporting-periods/${periodKey}`,
        body: { deadline: '2030-01-31' },
        headers: { 'if-match': '"1"' },
      };
    }
    const periodStep = /^POST \/api\/v1\/reporting-periods\/:period\/(close|reopen)$/.exec(route)?.[1];
    if (periodStep) {
      const { periodKey } = await freshReport();
      if (periodStep === 'reopen') {
        const closed = await send(
          admin,
          'POST',
          `/api/v1/reporting-periods/${periodKey}/close`,
          {},
          { 'if-match': '"1"' },
        );
        expect(closed.statusCode, closed.body).toBe(200);
      }
      return {
        method,
        url: `/api/v1/reporting-periods/${periodKey}/${periodStep}`,
        body: {},
        headers: { 'if-match': periodStep === 'reopen' ? '"2"' : '"1"' },
      };
    }
    if (route.startsWith('POST /api/v1/meetings/:key/')) return minutesStep(route);
    if (route === 'POST /api/v1/organisations/:key/register-values') {
      const record = await freshRecord('organisations', c, 'key');
      return {
        method,
        url: `${record.url}/register-values`,
        body: { businessId: REGISTER_FIXTURES.recipe.businessId.value, fields: ['type'] },
        headers: { 'if-match': `"${record.version}"` },
      };
    }
    if (route === 'POST /api/v1/admin/organisation-register/update') {
      // An organisation with empty fields the register has values for: the run fills them, in one change.
      const created = await send(admin, 'POST', '/api/v1/organisations', {
        key: unique(),
        name: { fi: 'Massapäivitettävä' },
        businessId: REGISTER_FIXTURES.bulkRecipe.businessId.value,
      });
      expect(created.statusCode, created.body).toBe(201);
      return { method, url: '/api/v1/admin/organisation-register/update', body: {} };
    }
    const entry = ROUTE_ACCESS[route];
    if (!entry) throw new Error(`no recipe for ${route}`);
    // Settings of one's own, or of a theme, are written in place: no record to create first.
    if (method === 'POST' || method === 'PUT' || route === 'PATCH /api/v1/me/notifications')
      return { method, url: entry.path(c), body: entry.body?.(c) };
    if (method === 'PATCH' || method === 'DELETE') {
      const canCreate = `POST /api/v1/${collection}` in ROUTE_ACCESS;
      const target = canCreate
        ? await freshRecord(collection, c, pattern.endsWith(':key') ? 'key' : 'id')
        : await (async () => {
            const url = entry.path(c);
            const current = await send(admin, 'GET', `${url}/record`);
            return { url, version: (current.json() as { version: number }).version };
          })();
      return {
        method,
        url: target.url,
        body: method === 'PATCH' ? entry.body?.(c) : undefined,
        headers: { 'if-match': `"${target.version}"` },
      };
    }
    throw new Error(`no recipe for ${route}`);
  }

  it('writes exactly one audit entry for each change, through every write route', async () => {
    const c = await context();
    const routes = t.app.routeTable
      .filter(isWrite)
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !SESSION_ROUTES.has(r));
    expect(routes.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const route of routes) {
      const change = await successfulChange(route, c);
      const before = await auditCount(t);
      const response = await send(admin, change.method, change.url, change.body, change.headers);
      const after = await auditCount(t);
      if (response.statusCode >= 300) wrong.push(`${route}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      else if (after - before !== 1) wrong.push(`${route}: ${after - before} audit entries`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('names the field and the reason of a refused write in the language of the request', async () => {
    const c = await context();
    const record = (await send(admin, 'GET', `/api/v1/calls/${c.callKey}/record`)).json() as { version: number };
    const messages: Record<string, string> = {};
    for (const language of ['fi', 'sv', 'en']) {
      const response = await send(
        admin,
        'PATCH',
        `/api/v1/calls/${c.callKey}`,
        { applications: -1 },
        { 'if-match': `"${record.version}"`, 'accept-language': language },
      );
      expect(response.statusCode).toBe(400);
      const problem = response.json() as { errors: { name: string; reason: string }[] };
      expect(problem.errors[0]!.name).toBe('applications');
      messages[language] = problem.errors[0]!.reason;
    }
    expect(new Set(Object.values(messages)).size).toBe(3);
  });

  it('keeps the trail: an UPDATE or DELETE of audit_log fails in the database itself', async () => {
    const before = await auditCount(t);
    expect(before).toBeGreaterThan(0);
    await expect(sql`update audit_log set actor = 'someone else'`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    if (dialect === 'postgres')
      await expect(sql`truncate audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    expect(await auditCount(t)).toBe(before);
  });

  it('loses no update when 24 writers change one record at once: each lands or gets 409', async () => {
    // A real HTTP server on loopback, so the writes really overlap on the server.
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    void (address as unknown as AddressInfo);
    const c = await context();
    const record = `/api/v1/calls/${c.callKey}`;
    const read = async () =>
      (await send(admin, 'GET', `${record}/record`)).json() as {
        data: { applications: number | null };
        version: number;
      };
    const start = await read();
    const writers = 24;
    const put = (version: number, applications: number) =>
      fetch(`${address}${record}`, {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          cookie: admin.cookie,
          'x-csrf-token': admin.csrf,
          'if-match': `"${version}"`,
        },
        body: JSON.stringify({ applications }),
      });

    // All based on the same version: exactly one lands.
    const first = await Promise.all(Array.from({ length: writers }, (_, i) => put(start.version, 1000 + i)));
    const statuses = first.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(writers - 1);
    const conflict = (await first.find((r) => r.status === 409)!.json()) as {
      currentVersion?: number;
      current?: unknown;
    };
    expect(conflict).toMatchObject({ currentVersion: start.version + 1 });
    const winner = 1000 + statuses.indexOf(200);
    expect((await read()).data.applications).toBe(winner);

    // Each writer adds one and retries on 409 with the version it is shown: no increment is lost.
    const base = (await read()).data.applications ?? 0;
    const increment = async () => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const current = await read();
        const response = await put(current.version, (current.data.applications ?? 0) + 1);
        if (response.status === 200) return attempt;
        expect(response.status).toBe(409);
      }
      throw new Error('gave up');
    };
    await Promise.all(Array.from({ length: writers }, increment));
    const end = await read();
    expect(end.data.applications).toBe(base + writers);
    const history = (await send(admin, 'GET', `${record}/history`)).json() as { items: unknown[] };
    expect(history.items.length).toBeGreaterThanOrEqual(writers + 1);
  }, 120_000);

  it('answers generated invalid input on every write route with a 4xx problem document and changes nothing', async () => {
    const c = await context();
    const routes = t.app.routeTable.filter(isWrite).map((r) => `${r.method} ${r.url}`);
    // Bodies no route accepts: not an object, or an object with a key no strict schema knows, or a
    // known field given a value of a type it never has.
    const notAnObject = fc.oneof(
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.anything(), { maxLength: 3 }),
    );
    const unknownKey = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).map((k) => `x_${k}`),
      fc.anything(),
      { minKeys: 1, maxKeys: 3 },
    );
    const wrong: string[] = [];
    for (const route of routes) {
      const [method] = route.split(' ') as [string];
      const change = SESSION_ROUTES.has(route)
        ? { method, url: route.split(' ')[1]!, body: {} }
        : await successfulChange(route, c);
      const valid = (change.body ?? {}) as Record<string, unknown>;
      const wrongType = fc
        .constantFrom(...(Object.keys(valid).length ? Object.keys(valid) : ['x']))
        .chain((field) =>
          fc.record({
            field: fc.constant(field),
            value: fc.oneof(
              fc.constant({ nested: [1, { deep: true }] }),
              fc.array(fc.integer(), { minLength: 2, maxLength: 3 }),
              fc.constant(true),
            ),
          }),
        )
        // A type the field never has: `true` is no wrong type for a boolean field such as `disabled`.
        .filter(
          ({ field, value }) =>
            typeof value !== typeof valid[field] || Array.isArray(value) !== Array.isArray(valid[field]),
        )
        .map(({ field, value }) => ({ ...valid, [field]: value }));
      const snapshot = await fingerprint(t);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            notAnObject,
            unknownKey.map((extra) => ({ ...valid, ...extra })),
            wrongType,
          ),
          async (body) => {
            // Signing in or out ends the session a request is sent with: those get a session of their own.
            const session = SESSION_ROUTES.has(route) ? await signIn(t.app, 'test-member') : admin;
            // The body goes as JSON text, so falsy values (false, 0, "") are sent too, not dropped.
            const response = await as(t.app, session, {
              method: change.method as 'POST',
              url: change.url,
              headers: { ...change.headers, 'content-type': 'application/json' },
              payload: JSON.stringify(body),
            });
            // Signing out takes no input: with none (null), it signs out, as it should.
            const ok =
              response.statusCode >= 400 &&
              response.statusCode < 500 &&
              String(response.headers['content-type']).startsWith('application/problem+json');
            if (!ok)
              wrong.push(
                `${route} ${JSON.stringify(body).slice(0, 100)}: ${response.statusCode} ${response.headers['content-type']} ${response.body.slice(0, 120)}`,
              );
            // Every failure is collected (rather than stopping at the first) so one run shows them all.
            return true;
          },
        ),
        { numRuns: 15, seed: 20241031 },
      );
      // Malformed JSON text, too.
      const garbled = await as(t.app, admin, {
        method: change.method as 'POST',
        url: change.url,
        headers: { ...change.headers, 'content-type': 'application/json' },
        payload: '{"name": ',
      });
      if (garbled.statusCode !== 400) wrong.push(`${route} malformed JSON: ${garbled.statusCode}`);
      // Session routes sign a user in for every try, which is itself a change; the rest must change nothing.
      if (!SESSION_ROUTES.has(route) && (await fingerprint(t)) !== snapshot)
        wrong.push(`${route}: an invalid request changed data`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
