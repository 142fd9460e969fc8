/**
 * The organisation register (issue 20) against a stand-in of the YTJ open-data API v3 started in the
 * test (made-up companies, no network), on SQLite and (with TEST_DATABASE_URL) PostgreSQL: a look-up
 * by Y-tunnus and by name; a wrong check digit refused before any request, naming the field in
 * fi/sv/en; a company not found; a register that times out or answers 500 says so and changes
 * nothing; a person takes the chosen fields and each keeps its source and date; the bulk update fills
 * empty fields, lists conflicts, leaves what a person entered, writes one audit entry and, run again,
 * changes nothing. Also: organisations show their own county (a wellbeing services county's).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, signInEveryone, type Session, type SignedInActor } from '../helpers/actors.js';
import {
  FAILING_BUSINESS_ID,
  REGISTER_FIXTURES,
  SLOW_BUSINESS_ID,
  UNKNOWN_BUSINESS_ID,
  startRegisterServer,
  type RegisterServer,
} from '../helpers/register-server.js';

type Problem = { status: number; detail?: string; errors?: { name: string; reason: string }[] };
type Record_ = {
  key: string;
  name: { fi: string; sv: string | null };
  businessId: string | null;
  type: string | null;
  municipality: string | null;
  sources: Record<string, { source: string; at: string; register?: { name: string; businessId: string } }>;
};

describe.each(DIALECTS)('organisation register on %s', (dialect) => {
  let t: TestApp;
  let register: RegisterServer;
  let sessions: Record<SignedInActor, Session>;
  let counter = 0;
  const unique = () => `rekisteri-${dialect}-${++counter}`;

  beforeAll(async () => {
    register = await startRegisterServer();
    t = await createTestApp(dialect, { register: { baseUrl: register.url, timeoutMs: 300 } });
    sessions = await signInEveryone(t.app, t.database.db);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await register?.close();
  });

  const lookup = (query: string, who: SignedInActor = 'finance', language = 'fi') =>
    as(t.app, sessions[who], {
      method: 'GET',
      url: `/api/v1/organisation-register/companies?${query}`,
      headers: { 'accept-language': language },
    });
  const create = async (body: Record<string, unknown>) => {
    const key = unique();
    const response = await as(t.app, sessions.finance, {
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { key, ...body },
    });
    expect(response.statusCode, response.body).toBe(201);
    return key;
  };
  const read = async (key: string) => {
    const response = await as(t.app, sessions.finance, { method: 'GET', url: `/api/v1/organisations/${key}/record` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { data: Record_; version: number };
  };
  const apply = async (key: string, businessId: string, fields: string[], version?: number) =>
    as(t.app, sessions.finance, {
      method: 'POST',
      url: `/api/v1/organisations/${key}/register-values`,
      payload: { businessId, fields },
      headers: { 'if-match': `"${version ?? (await read(key)).version}"` },
    });
  const bulk = (who: SignedInActor = 'admin') =>
    as(t.app, sessions[who], { method: 'POST', url: '/api/v1/admin/organisation-register/update', payload: {} });
  const organisationsTable = async () =>
    JSON.stringify((await sql`select * from organisations order by id`.execute(t.database.db)).rows);
  const auditCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('says whether the register is in use', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/organisation-register' });
    expect(response.json()).toEqual({ enabled: true, source: 'YTJ' });
  });

  it('looks a company up by Y-tunnus and reads the v3 shape: current name, form, municipality, line', async () => {
    const response = await lookup('businessId=3100001-1');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { source: string; companies: Record<string, unknown>[] };
    expect(body.source).toBe('YTJ');
    expect(body.companies).toEqual([
      {
        businessId: '3100001-1',
        name: 'Testiyhdistys Kaiku ry',
        parallelName: 'Testföreningen Eko rf',
        companyForm: { code: '5', name: { fi: 'Yhdistys', sv: 'Förening', en: 'Association' } },
        suggestedType: { type: 'association', certain: true },
        municipality: '837',
        businessLine: {
          code: '94990',
          name: { fi: 'Muualla luokittelemattomat järjestöt', sv: 'Övriga organisationer', en: 'Other organisations' },
        },
        registeredOn: '2001-05-02',
      },
    ]);
    expect(register.requests.at(-1)).toBe('GET /opendata-ytj-api/v3/companies?businessId=3100001-1');
  });

  it('looks companies up by name', async () => {
    const response = await lookup(`name=${encodeURIComponent('testisäätiö')}`);
    expect(response.statusCode, response.body).toBe(200);
    const companies = (response.json() as { companies: { businessId: string; suggestedType: unknown }[] }).companies;
    expect(companies.map((c) => c.businessId)).toEqual(['3100004-6']);
    // A foundation may be a university: the form only suggests the type.
    expect(companies[0]!.suggestedType).toEqual({ type: 'foundation', certain: false });
  });

  it('refuses a wrong check digit before asking the register, naming the field in fi, sv and en', async () => {
    const asked = register.requests.length;
    const reasons = new Set<string>();
    for (const language of ['fi', 'sv', 'en']) {
      const response = await lookup('businessId=3100001-2', 'finance', language);
      expect(response.statusCode).toBe(422);
      const problem = response.json() as Problem;
      expect(problem.errors?.[0]?.name).toBe('businessId');
      reasons.add(problem.errors![0]!.reason);
    }
    expect(reasons.size).toBe(3);
    expect([...reasons][0]).toMatch(/tarkistusmerkki/);
    const key = await create({ name: { fi: 'Tarkistusmerkkitesti' } });
    const before = await organisationsTable();
    const applied = await apply(key, '3100001-2', ['type']);
    expect(applied.statusCode).toBe(422);
    expect((applied.json() as Problem).errors?.[0]?.name).toBe('businessId');
    expect(register.requests.length).toBe(asked);
    expect(await organisationsTable()).toBe(before);
  });

  it('answers a company the register does not know with no companies, and refuses to take its values', async () => {
    const response = await lookup(`businessId=${UNKNOWN_BUSINESS_ID}`);
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as { companies: unknown[] }).companies).toEqual([]);
    const key = await create({ name: { fi: 'Tuntematon' } });
    const before = await organisationsTable();
    const applied = await apply(key, UNKNOWN_BUSINESS_ID, ['type']);
    expect(applied.statusCode).toBe(422);
    expect((applied.json() as Problem).errors?.[0]).toMatchObject({ name: 'businessId' });
    expect(await organisationsTable()).toBe(before);
  });

  it('says so when the register does not answer in time or fails, and changes nothing', async () => {
    const slow = await lookup(`businessId=${SLOW_BUSINESS_ID}`);
    expect(slow.statusCode).toBe(504);
    expect((slow.json() as Problem).errors?.[0]).toMatchObject({ name: 'register' });
    expect((slow.json() as Problem).detail).toMatch(/ei vastannut ajoissa/);
    const failing = await lookup(`businessId=${FAILING_BUSINESS_ID}`, 'finance', 'sv');
    expect(failing.statusCode).toBe(503);
    expect((failing.json() as Problem).detail).toMatch(/inte tillgängligt/);

    const key = await create({ name: { fi: 'Hidas organisaatio' } });
    const before = await organisationsTable();
    const audits = await auditCount();
    expect((await apply(key, SLOW_BUSINESS_ID, ['type'])).statusCode).toBe(504);
    expect((await apply(key, FAILING_BUSINESS_ID, ['type'])).statusCode).toBe(503);
    expect(await organisationsTable()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('lets only those who keep organisations look up; the public is asked who they are', async () => {
    expect((await lookup('businessId=3100001-1', 'coordinator')).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisation-register/companies?businessId=3100001-1',
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('takes the chosen fields only, records their source and date, and leaves the rest as the person wrote it', async () => {
    const key = await create({ name: { fi: 'Kaiku ry' }, type: 'foundation' });
    const created = await read(key);
    expect(created.data.sources['name.fi']).toMatchObject({ source: 'person' });
    expect(created.data.sources.type).toMatchObject({ source: 'person' });
    const audits = await auditCount();
    const response = await apply(key, '3100001-1', ['name.sv', 'businessId', 'municipality']);
    expect(response.statusCode, response.body).toBe(200);
    expect(await auditCount()).toBe(audits + 1);
    const { data } = await read(key);
    expect(data.name).toMatchObject({ fi: 'Kaiku ry', sv: 'Testföreningen Eko rf' });
    expect(data.businessId).toBe('3100001-1');
    expect(data.municipality).toBe('837');
    // The person's type stays: the register suggests another, and nobody chose it.
    expect(data.type).toBe('foundation');
    for (const field of ['name.sv', 'businessId', 'municipality'])
      expect(data.sources[field]).toEqual({
        source: 'register',
        at: '2026-11-23T10:00:00.000Z',
        register: { name: 'YTJ', businessId: '3100001-1' },
      });
    expect(data.sources.type).toMatchObject({ source: 'person' });
    expect(data.sources['name.fi']).toMatchObject({ source: 'person' });
    // The public page shows the same sources, and the trail says who took them from where.
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${key}` })).json() as Record_;
    expect(detail.sources.municipality).toMatchObject({ source: 'register' });
    const history = (
      await as(t.app, sessions.finance, { method: 'GET', url: `/api/v1/organisations/${key}/history` })
    ).json() as { items: { reason: string | null }[] };
    expect(history.items.at(-1)!.reason ?? history.items[0]!.reason).toMatch(/YTJ 3100001-1/);

    // A person's later edit of a field makes it the person's again.
    const { version } = await read(key);
    const edited = await as(t.app, sessions.finance, {
      method: 'PATCH',
      url: `/api/v1/organisations/${key}`,
      payload: { municipality: '091' },
      headers: { 'if-match': `"${version}"` },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await read(key)).data.sources.municipality).toMatchObject({ source: 'person' });
  });

  it('refuses a stale version and changes nothing', async () => {
    const key = await create({ name: { fi: 'Vanha versio' } });
    const { version } = await read(key);
    const before = await organisationsTable();
    const response = await apply(key, '3100001-1', ['type'], version + 5);
    expect(response.statusCode).toBe(409);
    expect(await organisationsTable()).toBe(before);
  });

  it('fills empty fields of every organisation, lists conflicts, never overwrites, audits once, and is idempotent', async () => {
    const wellbeing = await create({
      name: { fi: 'Testialueen hyvinvointialue' },
      businessId: REGISTER_FIXTURES.wellbeing.businessId.value,
    });
    const foundation = await create({
      name: { fi: 'Testisäätiö' },
      businessId: REGISTER_FIXTURES.foundation.businessId.value,
    });
    const unknown = await create({ name: { fi: 'Ei rekisterissä' }, businessId: UNKNOWN_BUSINESS_ID });
    expect((await bulk('finance')).statusCode).toBe(403);

    const audits = await auditCount();
    const response = await bulk();
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as {
      filled: { organisation: string; field: string; value: string }[];
      conflicts: { organisation: string; field: string; stored: string | null; register: string }[];
      notFound: { organisation: string }[];
    };
    const filledOf = (key: string) =>
      report.filled.filter((f) => f.organisation === key).map((f) => [f.field, f.value]);
    expect(filledOf(wellbeing)).toEqual([
      ['name.sv', 'Testområdets välfärdsområde'],
      ['type', 'wellbeing_services_county'],
      ['municipality', '837'],
    ]);
    expect(filledOf(foundation)).toEqual([['municipality', '091']]);
    expect(report.conflicts.filter((c) => c.organisation === foundation)).toEqual([
      {
        organisation: foundation,
        name: 'Testisäätiö',
        field: 'name.fi',
        stored: 'Testisäätiö',
        register: 'Testisäätiö sr',
      },
      { organisation: foundation, name: 'Testisäätiö', field: 'type', stored: null, register: 'foundation' },
    ]);
    expect(report.notFound.map((n) => n.organisation)).toContain(unknown);
    expect(await auditCount()).toBe(audits + 1);
    const trail = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(trail).toEqual({ action: 'register-update', entity_type: 'organisation-register' });

    const stored = (await read(foundation)).data;
    expect(stored.name.fi).toBe('Testisäätiö');
    expect(stored.type).toBeNull();
    expect(stored.sources.municipality).toMatchObject({ source: 'register' });
    expect((await read(wellbeing)).data.type).toBe('wellbeing_services_county');

    // Again: nothing to fill, nothing written, the same conflicts listed.
    const before = await organisationsTable();
    const again = await bulk();
    expect(again.statusCode).toBe(200);
    expect((again.json() as typeof report).filled).toEqual([]);
    expect((again.json() as typeof report).conflicts.length).toBe(report.conflicts.length);
    expect(await organisationsTable()).toBe(before);
    expect(await auditCount()).toBe(audits + 1);
  });

  it('stops the bulk update when the register fails and changes nothing', async () => {
    await create({ name: { fi: 'Täytettävä' }, businessId: REGISTER_FIXTURES.association.businessId.value });
    await create({ name: { fi: 'Rikkinäinen' }, businessId: FAILING_BUSINESS_ID });
    const before = await organisationsTable();
    const audits = await auditCount();
    const response = await bulk();
    expect(response.statusCode).toBe(503);
    expect((response.json() as Problem).errors?.[0]?.name).toBe('register');
    expect(await organisationsTable()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it("shows a wellbeing services county organisation's own county in the list and the detail", async () => {
    const detail = (
      await t.app.inject({ method: 'GET', url: '/api/v1/organisations/pirkanmaan-hyvinvointialue' })
    ).json() as { county: { id: string; basis: string } | null };
    expect(detail.county).toMatchObject({ id: 'PI', basis: 'own' });
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/organisations?q=pirkanmaan%20hyvinvointialue' })
    ).json() as { items: { key: string; county: { id: string } | null }[] };
    expect(list.items.find((o) => o.key === 'pirkanmaan-hyvinvointialue')?.county?.id).toBe('PI');
  });
});

describe('organisation register switched off', () => {
  it('says it is off and refuses look-ups with the reason', async () => {
    const t = await createTestApp('sqlite');
    try {
      const sessions = await signInEveryone(t.app, t.database.db);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisation-register' })).json()).toEqual({
        enabled: false,
        source: 'YTJ',
      });
      const response = await as(t.app, sessions.finance, {
        method: 'GET',
        url: '/api/v1/organisation-register/companies?businessId=3100001-1',
      });
      expect(response.statusCode).toBe(409);
      expect((response.json() as Problem).detail).toMatch(/REGISTER_URL/);
      const bulk = await as(t.app, sessions.admin, {
        method: 'POST',
        url: '/api/v1/admin/organisation-register/update',
        payload: {},
      });
      expect(bulk.statusCode).toBe(409);
    } finally {
      await t.close();
    }
  }, 60_000);
});
