/**
 * The public read API over HTTP (Fastify inject), on SQLite and, when TEST_DATABASE_URL is set, on
 * PostgreSQL, with the real 2024 dataset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDataset } from '../../src/db/dataset/read-dataset.js';
import { ZOpenDataset } from '../../src/contracts/open-data.js';
import { ZPagedProjects, ZThemeDetail, ZThemeFigures, ZThemeSummary } from '../../src/contracts/api.js';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/app.js';
import { openDataExport } from '../../src/documents/open-data-export.js';

const dataset = readDataset('data/2024');

describe.each(DIALECTS)('read API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('lists every theme of the dataset with its four figures as of the review date', async () => {
    const response = await get('/api/v1/themes');
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: unknown[] };
    expect(items).toHaveLength(dataset.themes.length);
    for (const item of items) {
      const theme = ZThemeSummary.parse(item);
      const source = dataset.themes.find((s) => s.slug === theme.slug)!;
      const figures = source.finance.at(-1)!;
      expect(theme.finance?.asOf).toBe('2024-10-31');
      expect(theme.finance?.frame).toBe(figures.frame?.cents ?? null);
      expect(theme.finance?.reserved).toBe(figures.reserved?.cents ?? null);
      expect(theme.finance?.committed).toBe(figures.committed?.cents ?? null);
      expect(theme.finance?.paid).toBe(figures.paid?.cents ?? null);
      expect(theme.ministries).toEqual([...source.ministries].sort());
    }
  });

  it('gives LANUPE the frame, reservations and commitments the 2024 review states', async () => {
    const { items } = (await get('/api/v1/themes')).json() as {
      items: { slug: string; ministries: string[]; finance: Record<string, unknown> }[];
    };
    const lanupe = items.find((item) => item.slug === 'lanupe')!;
    expect(lanupe.ministries).toEqual(['OKM', 'STM']);
    expect(lanupe.finance).toMatchObject({
      asOf: '2024-10-31',
      frame: 2_300_000_000,
      reserved: 571_032_100,
      committed: 360_129_600,
      paid: 0,
    });
  });

  it('filters themes by ministry and rejects an unknown ministry naming the parameter', async () => {
    const stm = (await get('/api/v1/themes?ministry=STM')).json() as { items: { ministries: string[] }[] };
    expect(stm.items.length).toBeGreaterThan(0);
    expect(stm.items.every((item) => item.ministries.includes('STM'))).toBe(true);
    expect(stm.items.length).toBe(dataset.themes.filter((theme) => theme.ministries.includes('STM')).length);

    const bad = await get('/api/v1/themes?ministry=XYZ');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json().errors.map((e: { name: string }) => e.name)).toEqual(['ministry']);
  });

  it('shows a theme with its contacts and the full history of its figures', async () => {
    const response = await get('/api/v1/themes/lanupe');
    expect(response.statusCode).toBe(200);
    const theme = ZThemeDetail.parse(response.json());
    expect(theme.name.fi).toMatch(/^Lasten, nuorten ja perheiden palveluiden kehittäminen/);
    expect(theme.financeHistory).toHaveLength(1);
    expect(theme.financeHistory[0]!.frameByMinistry).toEqual([
      { ministry: 'OKM', amount: 1_000_000_000, rounded: true },
      { ministry: 'STM', amount: 1_300_000_000, rounded: true },
    ]);
    expect(theme.contacts.map((c) => c.role)).toEqual(
      expect.arrayContaining(['coordination', 'financier', 'ministry']),
    );
  });

  it('computes LANUPE key figures from the projects the seed lists for it', async () => {
    const response = await get('/api/v1/themes/lanupe/figures');
    expect(response.statusCode).toBe(200);
    const figures = ZThemeFigures.parse(response.json());
    // Independently of the server: count from the dataset file.
    const entities = dataset.projectEntities.filter((entity) => entity.theme === 'lanupe');
    const implementers = new Set(entities.flatMap((entity) => entity.projects.map((p) => p.implementer)));
    expect(figures.projectEntities).toBe(entities.length);
    expect(figures.groupProjects).toBe(entities.filter((entity) => entity.kind === 'group').length);
    expect(figures.singleImplementerEntities).toBe(entities.filter((entity) => entity.kind === 'single').length);
    expect(figures.projects).toBe(entities.reduce((sum, entity) => sum + entity.projects.length, 0));
    expect(figures.implementers).toBe(implementers.size);
    // The seed itself says the first round funded twelve national projects ("N=12").
    expect(figures.projectEntities).toBe(12);
    expect(Object.values(figures.byOrganisationType).reduce((a, b) => a + b, 0)).toBe(figures.implementers);
  });

  it('answers 404 with a problem document for an unknown theme, project, organisation and call', async () => {
    for (const url of [
      '/api/v1/themes/no-such-theme',
      '/api/v1/themes/no-such-theme/figures',
      '/api/v1/projects/nope',
      '/api/v1/organisations/nope',
      '/api/v1/calls/nope',
      '/api/v1/nothing-here',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 404, title: 'Ei löytynyt' });
    }
  });

  it('words problems in the language the client asks for', async () => {
    const sv = await get('/api/v1/projects?limit=0', { 'accept-language': 'sv-FI,sv;q=0.9,en;q=0.5' });
    expect(sv.statusCode).toBe(400);
    expect(sv.json().title).toBe('Felaktig begäran');
    const en = await get('/api/v1/projects?limit=0', { 'accept-language': 'en' });
    expect(en.json().errors).toEqual([{ name: 'limit', reason: expect.stringMatching(/too small/i) }]);
    const fi = await get('/api/v1/projects?limit=0');
    expect(fi.json().errors[0].reason).toMatch(/pieni/i);
  });

  it('names each bad query parameter, including unknown ones and forged cursors', async () => {
    const cases: [string, string][] = [
      ['/api/v1/projects?limit=abc', 'limit'],
      ['/api/v1/projects?limit=1000', 'limit'],
      ['/api/v1/projects?status=lost', 'status'],
      ['/api/v1/projects?colour=red', 'colour'],
      ['/api/v1/projects?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['/api/v1/projects?cursor=%3Cscript%3E', 'cursor'],
      ['/api/v1/organisations?limit=-1', 'limit'],
      ['/api/v1/themes?specificObjective=41', 'specificObjective'],
    ];
    for (const [url, name] of cases) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(
        response.json().errors.map((e: { name: string }) => e.name),
        url,
      ).toContain(name);
    }
  });

  it('finds a group project by the code of one of its member projects, with main and sub implementers', async () => {
    const response = await get('/api/v1/projects?code=S30979');
    const page = ZPagedProjects.parse(response.json());
    expect(page.items).toHaveLength(1);
    const merit = page.items[0]!;
    expect(merit).toMatchObject({ kind: 'group', groupCode: 'R-01402' });
    expect(merit.codes).toEqual(expect.arrayContaining(['R-01402', 'S30977', 'S30978', 'S30979']));
    expect(merit.projects.filter((p) => p.role === 'main').map((p) => p.code)).toEqual(['S30977']);
  });

  it('searches free text and filters by theme and organisation', async () => {
    const lanupe = ZPagedProjects.parse((await get('/api/v1/projects?theme=lanupe&limit=200')).json());
    expect(lanupe.page.total).toBe(dataset.projectEntities.filter((e) => e.theme === 'lanupe').length);
    const text = ZPagedProjects.parse((await get(`/api/v1/projects?q=${encodeURIComponent('NUORTO')}`)).json());
    expect(text.items.map((item) => item.name.fi)).toEqual(expect.arrayContaining([expect.stringMatching(/NuoRTO/)]));
    const wildcard = ZPagedProjects.parse((await get('/api/v1/projects?q=%25')).json());
    expect(wildcard.page.total).toBe(0);
    const organisation = dataset.projectEntities.find((e) => e.theme === 'lanupe')!.projects[0]!.implementer;
    const byOrganisation = ZPagedProjects.parse((await get(`/api/v1/projects?organisation=${organisation}`)).json());
    expect(byOrganisation.page.total).toBe(
      dataset.projectEntities.filter(
        (e) => e.projects.some((p) => p.implementer === organisation) || e.partners.includes(organisation),
      ).length,
    );
  });

  it('pages through all projects with cursors, each exactly once, in name order', async () => {
    const seen: string[] = [];
    let url = '/api/v1/projects?limit=7';
    for (let pages = 0; pages < 100; pages++) {
      const page = ZPagedProjects.parse((await get(url)).json());
      seen.push(...page.items.map((item) => item.key));
      if (!page.page.nextCursor) break;
      url = `/api/v1/projects?limit=7&cursor=${page.page.nextCursor}`;
    }
    expect(seen).toHaveLength(dataset.projectEntities.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('shows an organisation with every project it implements', async () => {
    const key = dataset.projectEntities.find((e) => e.groupCode === 'R-01402')!.projects[0]!.implementer;
    const response = await get(`/api/v1/organisations/${key}`);
    expect(response.statusCode).toBe(200);
    const organisation = response.json();
    expect(organisation.roles).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'main', code: 'S30977' })]),
    );
    const list = (await get('/api/v1/organisations?limit=200')).json();
    expect(list.page.total).toBe(dataset.organisations.length);
  });

  it('lists the calls of a theme', async () => {
    const response = await get('/api/v1/calls?theme=lanupe');
    expect(response.statusCode).toBe(200);
    expect(response.json().items.length).toBe(dataset.calls.filter((call) => call.theme === 'lanupe').length);
  });

  it('lets other work run while the export streams: it gives the event loop a turn between chunks', async () => {
    let turns = 0;
    let streaming = true;
    const turn = () => {
      if (!streaming) return;
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
    let chunks = 0;
    for await (const chunk of openDataExport(t.database.db, FIXED_NOW)) {
      if (chunk.length >= 65_536) chunks++;
    }
    streaming = false;
    expect(chunks).toBeGreaterThan(1);
    expect(turns).toBeGreaterThanOrEqual(chunks);
  });

  it('exports the whole dataset in the documented open-data schema', async () => {
    const response = await get('/api/v1/export');
    expect(response.statusCode).toBe(200);
    const exported = ZOpenDataset.parse(JSON.parse(response.body));
    expect(exported.themes).toHaveLength(dataset.themes.length);
    expect(exported.organisations).toHaveLength(dataset.organisations.length);
    const groups = dataset.projectEntities.filter((e) => e.kind === 'group');
    const members = groups.reduce((sum, e) => sum + e.projects.length, 0);
    expect(exported.activities).toHaveLength(dataset.projectEntities.length + members);
    const merit = exported.activities.find((a) => a.identifiers.includes('R-01402'))!;
    expect(merit.hierarchy).toBe('group');
    expect(merit.relatedActivities).toHaveLength(3);
    const child = exported.activities.find((a) => a.identifiers.includes('S30977'))!;
    expect(child.relatedActivities).toEqual([{ type: 'parent', ref: merit.id }]);
    const schema = await get('/api/v1/export/schema.json');
    expect(schema.json().$schema).toMatch(/2020-12/);
  });

  it('never answers a generated query with a server error', async () => {
    const key = fc.constantFrom('theme', 'status', 'organisation', 'code', 'q', 'limit', 'cursor', 'x', '');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, fc.string({ maxLength: 40 })), { maxLength: 4 }), async (pairs) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const response = await get(`/api/v1/projects?${query}`);
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode >= 400) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 150 },
    );
  });
});
