/**
 * Hostile text through every editable text field comes back as the same text, from the write API
 * and from the public read API, and the database is intact afterwards. (That no page runs it is the
 * browser test's part.) Also: size limits on bodies and URLs, and no stack trace in any problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, GROUP, signInEveryone, THEME, type Session } from '../helpers/actors.js';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.js';

type Field = {
  /** The record to change: collection and identifier. */
  record: (ids: Ids) => string;
  /** The body that sets the field to a value. */
  body: (value: string) => Record<string, unknown>;
  /** Where the value is in the record's presentation: its field, and the language of a translated one. */
  read: [field: string, language?: 'fi' | 'sv'];
  max: number;
};
function readField(data: Record<string, unknown>, [field, language]: Field['read']): unknown {
  const value = data[field];
  return language && value && typeof value === 'object' ? (value as Record<string, unknown>)[language] : value;
}

type Ids = {
  call: string;
  organisation: string;
  project: string;
  contact: number;
  contentArea: number;
  member: number;
};

const FIELDS: Record<string, Field> = {
  'call name (fi)': {
    record: (i) => `calls/${i.call}`,
    body: (v) => ({ name: { fi: v, sv: null, en: null } }),
    read: ['name', 'fi'],
    max: 500,
  },
  'call name (sv)': {
    record: (i) => `calls/${i.call}`,
    body: (v) => ({ name: { fi: 'Haku', sv: v, en: null } }),
    read: ['name', 'sv'],
    max: 500,
  },
  'call note': { record: (i) => `calls/${i.call}`, body: (v) => ({ note: v }), read: ['note'], max: 4000 },
  'organisation name': {
    record: (i) => `organisations/${i.organisation}`,
    body: (v) => ({ name: { fi: v } }),
    read: ['name', 'fi'],
    max: 500,
  },
  'project name': {
    record: (i) => `projects/${i.project}`,
    body: (v) => ({ name: { fi: v } }),
    read: ['name', 'fi'],
    max: 500,
  },
  'contact name': { record: (i) => `contacts/${i.contact}`, body: (v) => ({ name: v }), read: ['name'], max: 200 },
  'contact title': {
    record: (i) => `contacts/${i.contact}`,
    body: (v) => ({ title: v }),
    read: ['title'],
    max: 200,
  },
  'content area name': {
    record: (i) => `content-areas/${i.contentArea}`,
    body: (v) => ({ name: { fi: v } }),
    read: ['name', 'fi'],
    max: 500,
  },
  'steering group member organisation': {
    record: (i) => `steering-group-members/${i.member}`,
    body: (v) => ({ organisation: v }),
    read: ['organisation'],
    max: 300,
  },
  'theme intermediate body': {
    record: () => `themes/${THEME}`,
    body: (v) => ({ intermediateBody: v }),
    read: ['intermediateBody'],
    max: 200,
  },
};

describe.each(DIALECTS)('hostile input on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let ids: Ids;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = (await signInEveryone(t.app, t.database.db)).admin;
    const { db } = t.database;
    const theme = await db.selectFrom('themes').select('id').where('slug', '=', THEME).executeTakeFirstOrThrow();
    const themeId = Number(theme.id);
    const contentArea = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/content-areas',
      payload: { theme: THEME, key: 'hostile', name: { fi: 'Osa-alue' } },
    });
    ids = {
      call: (await db.selectFrom('calls').select('key').where('theme_id', '=', themeId).executeTakeFirstOrThrow()).key,
      organisation: (await db.selectFrom('organisations').select('key').executeTakeFirstOrThrow()).key,
      project: (
        await db.selectFrom('project_entities').select('key').where('theme_id', '=', themeId).executeTakeFirstOrThrow()
      ).key,
      contact: Number(
        (await db.selectFrom('contacts').select('id').where('theme_id', '=', themeId).executeTakeFirstOrThrow()).id,
      ),
      contentArea: (contentArea.json() as { data: { id: number } }).data.id,
      member: Number(
        (
          await db
            .selectFrom('steering_group_members as m')
            .innerJoin('steering_groups as g', 'g.id', 'm.steering_group_id')
            .select('m.id')
            .where('g.key', '=', GROUP)
            .executeTakeFirstOrThrow()
        ).id,
      ),
    };
  }, 60_000);
  afterAll(async () => t?.close());

  it('stores every payload in every text field and gives back exactly the same text', async () => {
    const wrong: string[] = [];
    let stored = 0;
    for (const [label, field] of Object.entries(FIELDS)) {
      const url = `/api/v1/${field.record(ids)}`;
      let version = ((await as(t.app, admin, { method: 'GET', url: `${url}/record` })).json() as { version: number })
        .version;
      for (const payload of HOSTILE_STRINGS) {
        const response = await as(t.app, admin, {
          method: 'PATCH',
          url,
          headers: { 'if-match': `"${version}"` },
          payload: field.body(payload),
        });
        if (payload.length > field.max) {
          if (response.statusCode !== 400) wrong.push(`${label}: over-long payload got ${response.statusCode}`);
          continue;
        }
        if (response.statusCode !== 200) {
          wrong.push(`${label} ${payload.slice(0, 40)}: ${response.statusCode} ${response.body.slice(0, 120)}`);
          continue;
        }
        const written = response.json() as { data: Record<string, unknown>; version: number };
        version = written.version;
        const reread = (await as(t.app, admin, { method: 'GET', url: `${url}/record` })).json() as {
          data: Record<string, unknown>;
        };
        if (readField(written.data, field.read) !== payload || readField(reread.data, field.read) !== payload)
          wrong.push(`${label}: ${payload.slice(0, 40)} came back changed`);
        stored++;
      }
    }
    expect(wrong).toEqual([]);
    expect(stored).toBeGreaterThan(400);
    // The public API gives the last name stored (the Swedish one) back unchanged too, as JSON text.
    const publicCall = (await t.app.inject({ method: 'GET', url: `/api/v1/calls/${ids.call}` })).json() as {
      name: { sv: string };
    };
    expect(publicCall.name.sv).toBe(HOSTILE_STRINGS.at(-1));
  }, 120_000);

  it('is intact afterwards: every table there, the database consistent', async () => {
    for (const table of ['calls', 'organisations', 'users', 'audit_log', 'project_entities']) {
      const rows = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db);
      expect(Number(rows.rows[0]!.n)).toBeGreaterThan(0);
    }
    if (dialect === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(t.database.db);
      expect(check.rows[0]!.integrity_check).toBe('ok');
    }
  });

  it('refuses bodies over the limit and over-long URLs with a problem, not a crash', async () => {
    const huge = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { key: 'huge', name: { fi: 'x'.repeat(2_000_000) } },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toMatch(/problem\+json/);
    const longQuery = await t.app.inject({ method: 'GET', url: `/api/v1/projects?q=${'a'.repeat(5000)}` });
    expect(longQuery.statusCode).toBe(400);
    const longParam = await t.app.inject({ method: 'GET', url: `/api/v1/projects/${'a'.repeat(5000)}` });
    expect([400, 404, 414]).toContain(longParam.statusCode);
  });

  it('never shows a stack trace or an internal path in a problem document', async () => {
    const requests = [
      t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
      t.app.inject({ method: 'GET', url: '/api/v1/projects?limit=abc&sort=;drop' }),
      as(t.app, admin, {
        method: 'POST',
        url: '/api/v1/calls',
        headers: { 'content-type': 'application/json' },
        payload: '{"key": ',
      }),
      as(t.app, admin, {
        method: 'POST',
        url: '/api/v1/calls',
        headers: { 'content-type': 'text/xml' },
        payload: '<x/>',
      }),
      as(t.app, admin, { method: 'PATCH', url: `/api/v1/calls/${ids.call}`, payload: { applications: 1 } }),
      t.app.inject({ method: 'GET', url: '/api/v1/projects/%E0%A4%A' }),
    ];
    for (const response of await Promise.all(requests)) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/src\/|Error:/);
    }
  });
});
