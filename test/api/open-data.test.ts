/**
 * The open data over HTTP, on SQLite and, when TEST_DATABASE_URL is set, PostgreSQL: the full export
 * validates against its published JSON Schema and carries every collection; each collection's table
 * in JSON, CSV and XLSX reads back to the same rows (amounts in euros, matching the export's cents);
 * the DCAT-AP description names the licence, the update time and every distribution; and no
 * personal data is in any of it.
 */
import { request as httpRequest } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOpenDataset, type OpenDataset } from '../../src/contracts/open-data.js';
import { OPEN_DATA_TABLES, OPEN_DATA_TABLE_NAMES, type CellValue } from '../../src/documents/open-data-tables.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { sheetRows } from '../helpers/xlsx.js';
import { parseCsv } from '../helpers/csv.js';

describe.each(DIALECTS)('open data on %s', (dialect) => {
  let t: TestApp;
  let dataset: OpenDataset;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // Published minutes to export: the 2024 dataset's only meeting has draft minutes (the workflow
    // that publishes them is tested in test/meetings/meeting-workflow.test.ts).
    await t.database.db
      .updateTable('meetings')
      .set({ minutes_status: 'published', minutes_published_at: '2026-11-01T10:00:00.000Z' })
      .execute();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/export' });
    expect(response.statusCode).toBe(200);
    dataset = JSON.parse(response.body) as OpenDataset;
  });
  afterAll(async () => t?.close());

  it('validates against its published JSON Schema and carries every collection', async () => {
    const schema = (await t.app.inject({ method: 'GET', url: '/api/v1/export/schema.json' })).json();
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    expect(validate(dataset), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    ZOpenDataset.parse(dataset);
    const { db } = t.database;
    const count = async (table: 'themes' | 'calls' | 'organisations' | 'activity_figures' | 'steering_groups') =>
      (await db.selectFrom(table).select('id').where('archived_at', 'is', null).execute()).length;
    expect(dataset.themes).toHaveLength(await count('themes'));
    expect(dataset.themes.some((theme) => theme.finance.length > 0)).toBe(true);
    expect(dataset.calls).toHaveLength(await count('calls'));
    expect(dataset.organisations).toHaveLength(await count('organisations'));
    expect(dataset.keyFigures).toHaveLength(await count('themes'));
    expect(dataset.activityFigures).toHaveLength(await count('activity_figures'));
    expect(dataset.steeringGroups).toHaveLength(await count('steering_groups'));
    expect(dataset.publishedMinutes.length).toBeGreaterThan(0);
    expect(dataset.publishedMinutes[0]!.agenda.length).toBeGreaterThan(0);
    expect(dataset.activities.length).toBeGreaterThan(0);
    const lanupe = dataset.keyFigures.find((k) => k.theme === 'lanupe')!;
    const figures = (await t.app.inject({ method: 'GET', url: '/api/v1/themes/lanupe/figures' })).json();
    expect(lanupe.projectEntities).toBe(figures.projectEntities);
    expect(lanupe.implementers).toBe(figures.implementers);
  });

  it('carries how sure each fact is: roles, inferences with their reasoning, amounts as the sources wrote them', async () => {
    const { db } = t.database;
    // Each theme ministry as stored, with its role and whether it was inferred.
    const ministries = await db
      .selectFrom('theme_ministries as tm')
      .innerJoin('themes as th', 'th.id', 'tm.theme_id')
      .select(['th.slug', 'tm.ministry', 'tm.role', 'tm.inferred_reason'])
      .where('th.archived_at', 'is', null)
      .execute();
    const exported = dataset.themes.flatMap((theme) =>
      theme.fundingOrganisationRoles.map((m) => ({
        slug: theme.id,
        ministry: m.ref,
        role: m.role,
        inferred: m.inferred,
      })),
    );
    expect(exported).toHaveLength(ministries.length);
    for (const row of ministries) {
      const found = exported.find((m) => m.slug === row.slug && m.ministry === row.ministry)!;
      expect(found.role, `${row.slug} ${row.ministry}`).toBe(row.role);
      expect(found.inferred === null, `${row.slug} ${row.ministry}`).toBe(row.inferred_reason === null);
    }
    // Theme 3 names its lead ministry; theme 6's OKM is inferred from the contacts' phone numbers,
    // and the export gives the reasoning and where it stands but not the quoted number.
    expect(exported.filter((m) => m.role === 'lead').length).toBeGreaterThan(0);
    const okm = dataset.themes
      .find((theme) => theme.id === 'jatkuva-oppiminen')!
      .fundingOrganisationRoles.find((m) => m.ref === 'OKM')!;
    expect(okm.inferred!.reason).toMatch(/puhelinnumerot/);
    expect(okm.inferred!.reason).toMatch(/\(seed 001 lines \d+-\d+\)$/);
    expect(okm.inferred!.reason).not.toContain('”');

    // "ei vielä" is 0 € with the words kept; "noin 3,5 milj.€" is approximate with its words.
    const notYet = dataset.themes.flatMap((theme) => theme.finance).filter((f) => Object.keys(f.asWritten).length > 0);
    expect(notYet.some((f) => f.amountDisbursed === 0 && f.asWritten.amountDisbursed === 'ei vielä')).toBe(true);
    const approximateCalls = dataset.calls.filter(
      (c) => c.budgetApproximate || c.amountAwardedApproximate || c.leftOverApproximate,
    );
    const storedApproximate = await db
      .selectFrom('calls')
      .select('id')
      .where('archived_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('budget_approximate', '=', 1),
          eb('granted_approximate', '=', 1),
          eb('left_over_approximate', '=', 1),
        ]),
      )
      .execute();
    expect(approximateCalls).toHaveLength(storedApproximate.length);
    expect(approximateCalls.length).toBeGreaterThan(0);
    expect(approximateCalls.some((c) => Object.values(c.asWritten).some((words) => words.startsWith('noin')))).toBe(
      true,
    );

    // Inferred periods come with their reasoning; the decision dates and status changes as stored.
    const inferredEnds = await db
      .selectFrom('project_entities')
      .select('key')
      .where('archived_at', 'is', null)
      .where('period_end_inferred', 'is not', null)
      .execute();
    const exportedEnds = dataset.activities.filter((a) => a.hierarchy !== 'member' && a.plannedDatesInferred.end);
    expect(exportedEnds.map((a) => a.id).sort()).toEqual(inferredEnds.map((e) => e.key).sort());
    expect(inferredEnds.length).toBeGreaterThan(0);
    const histories = await db.selectFrom('project_status_history').select('id').execute();
    const entities = dataset.activities.filter((a) => a.hierarchy !== 'member');
    expect(entities.reduce((n, a) => n + a.statusHistory.length, 0)).toBe(histories.length);
    // An implementer's role is "not stated" where no source says which; lead only where "main" is said.
    const implementing = dataset.activities
      .filter((a) => a.hierarchy === 'group')
      .flatMap((a) => a.participatingOrganisations.filter((p) => p.role === 'implementing'));
    expect(implementing.some((p) => p.implementerRole === 'not_stated' && !p.lead)).toBe(true);
    expect(implementing.every((p) => p.lead === (p.implementerRole === 'main'))).toBe(true);

    // A wellbeing services county's own organisation is in its county, marked inferred.
    const ep = dataset.organisations.find((o) => o.id === 'etela-pohjanmaan-hyvinvointialue')!;
    expect(ep.county).toBe('EP');
    expect(ep.countyInferred?.reason).toMatch(/virallinen nimi/);
    // Its Swedish name is the county's official one.
    expect(ep.name.sv).toBe('Södra Österbottens välfärdsområde');
  });

  it('holds no personal data: no contact, member or attendee names or addresses', async () => {
    const { db } = t.database;
    const contacts = await db.selectFrom('contacts').select(['name', 'email', 'phone']).execute();
    const members = await db.selectFrom('steering_group_members').select('name').execute();
    const attendees = await db.selectFrom('meeting_attendance').select('name').execute();
    const people = [
      ...contacts.flatMap((c) => [c.name, c.email, c.phone]),
      ...members.map((m) => m.name),
      ...attendees.map((a) => a.name),
    ].filter((value): value is string => typeof value === 'string' && value.length > 5);
    expect(people.length).toBeGreaterThan(10);
    // Published minutes are public documents and may name who was tasked with what in their
    // decisions' text, as the published minutes page does; the rest names no person at all.
    const outsideMinutes = JSON.stringify({ ...dataset, publishedMinutes: [] });
    expect(people.filter((person) => outsideMinutes.includes(person))).toEqual([]);
    // Nor do the minutes carry who attended or signed.
    expect(Object.keys(dataset.publishedMinutes[0]!).sort()).toEqual(
      ['agenda', 'date', 'decisions', 'id', 'number', 'publishedAt', 'steeringGroup'].sort(),
    );
  });

  it.each(OPEN_DATA_TABLE_NAMES)('%s: the CSV and XLSX read back to the JSON rows, amounts in euros', async (name) => {
    const columns = OPEN_DATA_TABLES[name].columns;
    const get = (format: string) => t.app.inject({ method: 'GET', url: `/api/v1/export/tables/${name}.${format}` });
    const json = await get('json');
    expect(json.statusCode).toBe(200);
    const rows = json.json() as Record<string, CellValue>[];
    expect(rows.length, name).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row)).toEqual(columns.map((c) => c.name));

    const csv = await get('csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...csvRows] = parseCsv(csv.body.slice(1));
    expect(header).toEqual(columns.map((c) => c.name));
    expect(csvRows).toHaveLength(rows.length);

    const xlsx = await get('xlsx');
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [xlsxHeader, ...xlsxRows] = sheetRows(xlsx.rawPayload, 1);
    expect(xlsxHeader).toEqual(columns.map((c) => c.name));
    expect(xlsxRows).toHaveLength(rows.length);

    rows.forEach((row, r) => {
      columns.forEach((column, c) => {
        const value = row[column.name]!;
        const fromCsv = csvRows[r]![c] ?? '';
        const fromXlsx = xlsxRows[r]![c] ?? '';
        const where = `${name} row ${r} ${column.name}`;
        if (value === null) {
          expect(fromCsv, where).toBe('');
          expect(fromXlsx, where).toBe('');
        } else if (typeof value === 'number') {
          expect(Number(fromCsv), where).toBeCloseTo(value, 9);
          expect(Number(fromXlsx), where).toBeCloseTo(value, 9);
        } else if (typeof value === 'boolean') {
          expect(fromCsv, where).toBe(String(value));
          expect(fromXlsx, where).toBe(value ? '1' : '0');
        } else {
          expect(fromCsv.replace(/^'(?=[=+@\t\r])/, ''), where).toBe(value);
          expect(fromXlsx, where).toBe(value);
        }
      });
    });
  });

  it('streams over real HTTP to a reader that pauses: the same bytes, whole and well-formed', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const expected = (await t.app.inject({ method: 'GET', url: '/api/v1/export' })).rawPayload;
    const received = await new Promise<Buffer>((done, reject) => {
      const request = httpRequest(`${address}/api/v1/export`, (response) => {
        const chunks: Buffer[] = [];
        let paused = false;
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          // The server has to wait for this reader (backpressure), then go on where it stopped.
          if (!paused) {
            paused = true;
            response.pause();
            setTimeout(() => response.resume(), 300);
          }
        });
        response.on('end', () => done(Buffer.concat(chunks)));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end();
    });
    expect(received.length).toBe(expected.length);
    expect(received.equals(expected)).toBe(true);
    expect(ZOpenDataset.parse(JSON.parse(received.toString('utf8'))).themes.length).toBe(dataset.themes.length);
  });

  it('the tables agree with the export: the figures in euros are the export’s cents / 100', async () => {
    const figures = (await t.app.inject({ method: 'GET', url: '/api/v1/export/tables/figures.json' })).json() as {
      theme: string;
      asOf: string;
      budget: number | null;
    }[];
    const expected = dataset.themes.flatMap((theme) =>
      theme.finance.map((f) => ({ theme: theme.id, asOf: f.asOf, budget: f.budget === null ? null : f.budget / 100 })),
    );
    expect(figures.map((f) => ({ theme: f.theme, asOf: f.asOf, budget: f.budget }))).toEqual(expected);
    const calls = (await t.app.inject({ method: 'GET', url: '/api/v1/export/tables/calls.json' })).json() as {
      id: string;
      amountAwarded: number | null;
    }[];
    expect(calls.map((c) => c.amountAwarded)).toEqual(
      dataset.calls.map((c) => (c.amountAwarded === null ? null : c.amountAwarded / 100)),
    );
  });

  it('describes the dataset in DCAT-AP: CC BY 4.0, the update time and every distribution', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/export/dcat.jsonld' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/ld+json');
    const dcat = response.json();
    expect(dcat['@type']).toBe('dcat:Dataset');
    expect(dcat['dct:license']).toEqual({ '@id': 'http://creativecommons.org/licenses/by/4.0/' });
    expect(dcat['dct:modified']['@value']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(dcat['dct:title'].map((t: { '@language': string }) => t['@language'])).toEqual(['fi', 'sv', 'en']);
    const urls: string[] = dcat['dcat:distribution'].map(
      (d: { 'dcat:downloadURL': { '@id': string } }) => d['dcat:downloadURL']['@id'],
    );
    expect(urls).toHaveLength(1 + OPEN_DATA_TABLE_NAMES.length * 3);
    for (const url of urls) {
      const path = new URL(url).pathname;
      const got = await t.app.inject({ method: 'GET', url: path });
      expect(got.statusCode, path).toBe(200);
    }
    const schema = (await t.app.inject({ method: 'GET', url: '/api/v1/export/tables/schema.json' })).json();
    const validate = new Ajv2020({ strict: false }).compile({ ...schema, $ref: '#/$defs/calls' });
    const calls = (await t.app.inject({ method: 'GET', url: '/api/v1/export/tables/calls.json' })).json();
    expect(validate(calls), JSON.stringify(validate.errors)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/export/tables/nothing.csv' })).statusCode).toBe(400);
  });
});
