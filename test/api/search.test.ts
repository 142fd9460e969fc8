/**
 * Search across the service over HTTP, on SQLite and, when TEST_DATABASE_URL is set, PostgreSQL:
 * inflected Finnish and Swedish words find their records, hits are highlighted, the total is
 * counted only when the page is full, the index follows writes at once, and no query, however
 * odd, gets anything but an answer or a 400 problem.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSearchResults, type SearchHit } from '../../src/contracts/search.js';
import { searchRecords } from '../../src/db/repositories/search.js';
import { parseSearchQuery } from '../../src/domain/search.js';
import { as, ensureUser, signIn, type Session } from '../helpers/actors.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';

describe.each(DIALECTS)('search on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'test-search-admin', [{ role: 'admin' }]);
    admin = await signIn(t.app, 'test-search-admin');
  });
  afterAll(async () => t?.close());

  const search = async (query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?${query}` });
    expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
    return ZSearchResults.parse(response.json());
  };
  const keys = (items: SearchHit[], kind: SearchHit['kind']) => items.filter((i) => i.kind === kind).map((i) => i.key);
  const hits = (segments: { text: string; hit: boolean }[]) => segments.filter((s) => s.hit).map((s) => s.text);

  it('finds a project by an inflected Finnish word of its name (hyvinvoinnin → Hyvinvointia)', async () => {
    const result = await search('q=hyvinvoinnin&kind=project&limit=50');
    const found = keys(result.items, 'project');
    // "HOT – Hyvinvointia, osallisuutta ja työtä…", "Digikyvykkyydellä tuottavuutta ja hyvinvointia"
    expect(found).toContain('maahanmuuttaneiden-toimiva-arki-hot');
    expect(found).toContain('tyoelaman-digikyvykas');
    const hot = result.items.find((i) => i.key === 'maahanmuuttaneiden-toimiva-arki-hot')!;
    expect(hits(hot.title.fi)).toEqual(['Hyvinvointia']);
    expect(hot.title.fi.map((s) => s.text).join('')).toBe(
      'HOT – Hyvinvointia, osallisuutta ja työtä maahan muuttaneille vanhemmille',
    );
  });

  it('finds the base form and other cases from any case: työhyvinvointia → työhyvinvointi, työhyvinvoinnin', async () => {
    const found = keys((await search('q=työhyvinvointia&kind=project&limit=50')).items, 'project');
    expect(found).toEqual(
      expect.arrayContaining(['tyoelaman-osattu', 'tyoelaman-well-being-ai', 'tyoelaman-menestysresepti']),
    );
  });

  it('requires every word, and finds organisations and themes by their names', async () => {
    const one = keys((await search('q=hyvinvointia&kind=project&limit=50')).items, 'project');
    const both = keys((await search('q=hyvinvointia+osallisuutta&kind=project&limit=50')).items, 'project');
    expect(both).toContain('maahanmuuttaneiden-toimiva-arki-hot');
    expect(both.length).toBeLessThan(one.length);
    expect(one).toEqual(expect.arrayContaining(both));
    const organisation = await t.database.db
      .selectFrom('organisations')
      .select(['key', 'name_fi'])
      .where('name_fi', 'like', 'Helsingin %')
      .executeTakeFirstOrThrow();
    // "Helsingissä" (inessive) finds "Helsingin …" (genitive).
    expect(keys((await search('q=helsingissä&kind=organisation&limit=50')).items, 'organisation')).toContain(
      organisation.key,
    );
    const theme = await t.database.db.selectFrom('themes').select(['slug', 'name_fi']).executeTakeFirstOrThrow();
    const word = theme.name_fi.split(/\s+/).find((w) => w.length > 5)!;
    expect(keys((await search(`q=${encodeURIComponent(word)}&kind=theme`)).items, 'theme')).toContain(theme.slug);
  });

  it('counts the total only when the page is full', async () => {
    const query = parseSearchQuery('ja')!;
    const { db } = t.database;
    const all = await searchRecords(db, dialect, query, { limit: 1000, offset: 0 });
    expect(all.items.length).toBeGreaterThan(5);
    expect(all.items.length).toBeLessThan(1000);
    expect(all.page).toMatchObject({ total: all.items.length, counted: false });
    const full = await searchRecords(db, dialect, query, { limit: 5, offset: 0 });
    expect(full.page).toMatchObject({ total: all.items.length, counted: true });
    const last = await searchRecords(db, dialect, query, { limit: 5, offset: all.items.length - 2 });
    expect(last.items).toHaveLength(2);
    expect(last.page).toMatchObject({ total: all.items.length, counted: false });
    const beyond = await searchRecords(db, dialect, query, { limit: 5, offset: all.items.length + 10 });
    expect(beyond.page).toMatchObject({ total: all.items.length, counted: true });
    // Pages follow each other without gaps or repeats.
    const paged: string[] = [];
    for (let offset = 0; offset < all.items.length; offset += 50) {
      paged.push(...(await search(`q=ja&limit=50&offset=${offset}`)).items.map((i) => `${i.kind}:${i.key}`));
    }
    expect(paged).toEqual(all.items.map((i) => `${i.kind}:${i.key}`));
  });

  it('follows a write at once: a renamed organisation is found by its new name, with its projects', async () => {
    const { db } = t.database;
    const row = await db
      .selectFrom('projects as p')
      .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
      .innerJoin('project_entities as e', 'e.id', 'p.entity_id')
      .select(['o.key', 'o.version', 'e.key as entity'])
      .executeTakeFirstOrThrow();
    expect((await search('q=kvanttilaskentakeskuksen')).items).toEqual([]);
    const response = await as(t.app, admin, {
      method: 'PATCH',
      url: `/api/v1/organisations/${row.key}`,
      headers: { 'if-match': `"${row.version}"` },
      payload: { name: { fi: 'Kvanttilaskentakeskus', sv: 'Kvantberäkningscentret' } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const found = (await search('q=kvanttilaskentakeskuksen')).items;
    expect(keys(found, 'organisation')).toEqual([row.key]);
    expect(keys(found, 'project')).toContain(row.entity);
    // Swedish: the definite form finds the name.
    expect(keys((await search('q=kvantberäkningscentrets')).items, 'organisation')).toEqual([row.key]);
  });

  it("rewrites a record's index row only when what it is found by changed (a cost estimate leaves it)", async () => {
    const { db } = t.database;
    const entity = await db
      .selectFrom('project_entities')
      .select(['id', 'key', 'version'])
      .where('archived_at', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const indexRow = () =>
      db
        .selectFrom('search_documents')
        .select(['id', 'title_fi'])
        .where('kind', '=', 'project')
        .where('record_id', '=', Number(entity.id))
        .execute();
    const before = await indexRow();
    expect(before).toHaveLength(1);
    const patch = async (version: number, payload: Record<string, unknown>) => {
      const response = await as(t.app, admin, {
        method: 'PATCH',
        url: `/api/v1/projects/${entity.key}`,
        headers: { 'if-match': `"${version}"` },
        payload,
      });
      expect(response.statusCode, response.body).toBe(200);
      return Number(response.json().version);
    };
    const next = await patch(entity.version, { costEstimate: 4_321_00 });
    expect(await indexRow()).toEqual(before);
    await patch(next, { name: { fi: 'Kvarkkihanke uudella nimellä' } });
    const after = await indexRow();
    expect(after).toHaveLength(1);
    expect(after[0]!.title_fi).toBe('Kvarkkihanke uudella nimellä');
    expect(keys((await search('q=kvarkkihanke&kind=project')).items, 'project')).toEqual([entity.key]);
  });

  it('answers a query without words, or a bad parameter, with a 400 problem naming the field', async () => {
    for (const [url, field] of [
      ['/api/v1/search?q=%20!!%20', 'q'],
      ['/api/v1/search', 'q'],
      ['/api/v1/search?q=ja&limit=0', 'limit'],
      ['/api/v1/search?q=ja&kind=user', 'kind'],
      ['/api/v1/search?q=ja&offset=-1', 'offset'],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'sv' } });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.json().errors), url).toContain(field);
    }
    const words = await t.app.inject({
      method: 'GET',
      url: '/api/v1/search?q=%E2%80%94',
      headers: { 'accept-language': 'sv' },
    });
    expect(words.body).toContain('Sökningen behöver minst ett ord');
  });

  it('never answers any text with a 500 (arbitrary strings, NUL and FTS/tsquery syntax included)', async () => {
    const syntax = fc.constantFrom(
      '"',
      '*',
      ':',
      '&',
      '|',
      '!',
      '(',
      ')',
      "'",
      'NEAR',
      'OR',
      'AND',
      '^',
      '\\',
      '\u0000',
      '-',
      '+',
    );
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), syntax), {
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(text, async (parts) => {
        const q = parts.join(' ');
        const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` });
        expect([200, 400], `${JSON.stringify(q)}: ${response.body}`).toContain(response.statusCode);
        if (response.statusCode === 200) ZSearchResults.parse(response.json());
        else expect(response.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 150 },
    );
  });
});
