/**
 * Class 6 of the security issue: a key that must be unique gives 409 naming the field – one at a
 * time and when 20 creates of the same key race each other (on PostgreSQL they really run in
 * parallel; before, the losers of the race got 500 from the unique constraint). Exactly one create
 * wins, and the losers leave nothing behind: no row, no audit entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, GROUP, signIn, THEME, type Session } from '../helpers/actors.js';

const PARALLEL = 20;

type Case = { url: string; field: string; body: (key: string) => object; table: string };

const CASES: Record<string, Case> = {
  call: {
    url: '/api/v1/calls',
    field: 'key',
    table: 'calls',
    body: (key) => ({ key, theme: THEME, name: { fi: key } }),
  },
  organisation: {
    url: '/api/v1/organisations',
    field: 'key',
    table: 'organisations',
    body: (key) => ({ key, name: { fi: key } }),
  },
  'content area': {
    url: '/api/v1/content-areas',
    field: 'key',
    table: 'content_areas',
    body: (key) => ({ theme: THEME, key, name: { fi: key } }),
  },
  'activity figure': {
    url: '/api/v1/activity-figures',
    field: 'key',
    table: 'activity_figures',
    body: (key) => ({ theme: THEME, key, label: { fi: key }, value: 1, period: { start: '2024', end: '2024' } }),
  },
  'steering group': {
    url: '/api/v1/steering-groups',
    field: 'key',
    table: 'steering_groups',
    body: (key) => ({ key, name: { fi: key }, themes: [THEME] }),
  },
  'reporting period': {
    url: '/api/v1/reporting-periods',
    field: 'key',
    table: 'reporting_periods',
    body: (key) => ({ key, kind: 'description', title: { fi: key }, themes: [THEME] }),
  },
  user: {
    url: '/api/v1/admin/users',
    field: 'username',
    table: 'users',
    body: (key) => ({ username: key, displayName: key, roles: [] }),
  },
};

describe.each(DIALECTS)('unique keys on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let organisationKey: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'test-admin', [{ role: 'admin' }]);
    admin = await signIn(t.app, 'test-admin');
    organisationKey = (await t.database.db.selectFrom('organisations').select('key').executeTakeFirstOrThrow()).key;
  }, 60_000);
  afterAll(async () => t?.close());

  const auditCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const create = (url: string, body: object) =>
    as(t.app, admin, { method: 'POST', url, payload: body, headers: { 'accept-language': 'sv' } });

  it.each(Object.entries(CASES))('a %s key taken: 409 naming the field, one by one and 20 at once', async (_, c) => {
    const key = `unique-${c.table.replaceAll('_', '-')}-${dialect}`;
    const audit = await auditCount();
    const answers = await Promise.all(Array.from({ length: PARALLEL }, () => create(c.url, c.body(key))));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses, answers.find((a) => a.statusCode >= 500)?.body).toEqual([
      201,
      ...Array<number>(PARALLEL - 1).fill(409),
    ]);
    for (const answer of answers.filter((a) => a.statusCode === 409)) {
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = answer.json() as { errors?: { name: string; reason: string }[] };
      expect(problem.errors?.[0]?.name).toBe(c.field);
      expect(problem.errors?.[0]?.reason).toMatch(/används redan/);
    }
    // Exactly one create happened, with exactly one audit entry (the user create writes one too).
    expect(await auditCount()).toBe(audit + 1);
    const again = await create(c.url, c.body(key));
    expect(again.statusCode).toBe(409);
    expect((again.json() as { errors: { name: string }[] }).errors[0]!.name).toBe(c.field);
    expect(await auditCount()).toBe(audit + 1);
  });

  it('a project code taken by another entity: 409 naming the code, also in parallel', async () => {
    const code = `S9${dialect === 'sqlite' ? '1' : '2'}0001`;
    const body = (n: number) => ({
      key: `code-race-${dialect}-${n}`,
      theme: THEME,
      kind: 'single',
      name: { fi: `Koodikilpa ${n}` },
      projects: [{ implementer: organisationKey, role: 'main', code }],
    });
    const answers = await Promise.all(Array.from({ length: PARALLEL }, (_, n) => create('/api/v1/projects', body(n))));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses, answers.find((a) => a.statusCode >= 500)?.body).toEqual([
      201,
      ...Array<number>(PARALLEL - 1).fill(409),
    ]);
    const problem = answers.find((a) => a.statusCode === 409)!.json() as { errors: { name: string }[] };
    expect(problem.errors[0]!.name).toMatch(/code$/);
  });

  it('20 meetings of one group created at once: no 5xx, each created one has its own number', async () => {
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, n) =>
        create('/api/v1/meetings', { steeringGroup: GROUP, date: `2027-03-${String(n + 1).padStart(2, '0')}` }),
      ),
    );
    expect(answers.filter((a) => a.statusCode >= 500).map((a) => a.body)).toEqual([]);
    expect(answers.every((a) => a.statusCode === 201 || a.statusCode === 409)).toBe(true);
    const numbers = answers
      .filter((a) => a.statusCode === 201)
      .map((a) => (a.json() as { data: { number: string } }).data.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
