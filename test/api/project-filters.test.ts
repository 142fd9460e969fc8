/**
 * The project search's filters and sort orders (ministry, county, sector, year, sort) over HTTP, on
 * SQLite and, when TEST_DATABASE_URL is set, PostgreSQL. Expectations are computed from the dataset
 * files independently of the server's queries.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/db/dataset/read-dataset.js';
import { ZPagedProjects, type ProjectEntity } from '../../src/contracts/api.js';
import { municipalityToCounty, readCounties, type Topology } from '../../src/domain/geography.js';
import { DEFAULT_TOPOLOGY } from '../../src/db/prepare.js';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const dataset = readDataset('data/2024');
const topology = JSON.parse(readFileSync(DEFAULT_TOPOLOGY, 'utf8')) as Topology;
const countyOfMunicipality = municipalityToCounty(topology);
const countyOfOrganisation = new Map(
  dataset.organisations.map((o) => [
    o.key,
    o.municipality === null ? undefined : countyOfMunicipality.get(o.municipality),
  ]),
);

/** The year of a reduced-precision ISO date ("2023", "2023-10", "2023-10-01"). */
const yearOf = (date: string) => Number(date.slice(0, 4));

describe.each(DIALECTS)('project filters on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const page = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, url).toBe(200);
    return ZPagedProjects.parse(response.json());
  };
  /** Every item of a query, following the cursors. */
  const all = async (query: string, limit = 7): Promise<ProjectEntity[]> => {
    const items: ProjectEntity[] = [];
    let url = `/api/v1/projects?${query}&limit=${limit}`;
    for (let pages = 0; pages < 100; pages++) {
      const result = await page(url);
      items.push(...result.items);
      if (!result.page.nextCursor) return items;
      url = `/api/v1/projects?${query}&limit=${limit}&cursor=${result.page.nextCursor}`;
    }
    throw new Error('more than 100 pages');
  };

  it('filters by funding ministry', async () => {
    for (const ministry of ['OKM', 'STM', 'TEM'] as const) {
      const expected = dataset.projectEntities.filter((e) => e.ministries.includes(ministry)).map((e) => e.key);
      const items = await all(`ministry=${ministry}`);
      expect(items.map((item) => item.key).sort(), ministry).toEqual([...expected].sort());
      expect(items.every((item) => item.ministries.includes(ministry))).toBe(true);
    }
    expect(
      dataset.projectEntities.some((e) => e.ministries.length > 0),
      'the dataset has entities with a ministry',
    ).toBe(true);
  });

  it('filters by the wellbeing services county of an implementer or partner', async () => {
    let matched = 0;
    for (const county of readCounties(topology)) {
      const expected = dataset.projectEntities
        .filter((e) =>
          [...e.projects.map((p) => p.implementer), ...e.partners].some(
            (key) => countyOfOrganisation.get(key) === county.id,
          ),
        )
        .map((e) => e.key);
      const items = await all(`county=${county.id}`, 200);
      expect(items.map((item) => item.key).sort(), county.id).toEqual([...expected].sort());
      matched += items.length;
    }
    expect(matched, 'some entity has an organisation with a known county').toBeGreaterThan(0);
  });

  it('filters by sector, a sector matching the services under it', async () => {
    const [first, second] = dataset.projectEntities;
    const rows = await t.database.db
      .selectFrom('project_entities')
      .select(['id', 'key'])
      .where('key', 'in', [first!.key, second!.key])
      .execute();
    const idOf = (key: string) => Number(rows.find((row) => row.key === key)!.id);
    await t.database.db
      .insertInto('project_entity_sectors')
      .values([
        { entity_id: idOf(first!.key), sector_key: 'child-welfare' },
        { entity_id: idOf(second!.key), sector_key: 'basic-education' },
        { entity_id: idOf(second!.key), sector_key: 'education' },
      ])
      .execute();
    const keys = async (sector: string) => (await all(`sector=${sector}`)).map((item) => item.key);
    expect(await keys('social-and-health')).toEqual([first!.key]);
    expect(await keys('child-welfare')).toEqual([first!.key]);
    expect(await keys('education')).toEqual([second!.key]);
    expect(await keys('basic-education')).toEqual([second!.key]);
    expect(await keys('leisure')).toEqual([]);
  });

  it('filters by the year a period overlaps, leaving out entities with no known period', async () => {
    for (let year = 2021; year <= 2028; year++) {
      const expected = dataset.projectEntities
        .filter(({ period: { start, end } }) => {
          if (start === null && end === null) return false;
          return (start === null || yearOf(start) <= year) && (end === null || yearOf(end) >= year);
        })
        .map((e) => e.key);
      const items = await all(`year=${year}`, 200);
      expect(items.map((item) => item.key).sort(), String(year)).toEqual([...expected].sort());
    }
  });

  it('combines filters with the existing ones', async () => {
    const expected = dataset.projectEntities.filter((e) => e.theme === 'lanupe' && e.ministries.includes('STM'));
    const result = await page('/api/v1/projects?theme=lanupe&ministry=STM&limit=200');
    expect(result.page.total).toBe(expected.length);
  });

  it.each(['cost', '-cost', 'start', '-start', 'name', '-name'])(
    'pages through every entity once in %s order, unknown values last',
    async (sort) => {
      const items = await all(`sort=${sort}`);
      expect(items).toHaveLength(dataset.projectEntities.length);
      expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
      // The same order as one big page: the cursors neither skip nor repeat.
      const single = await page(`/api/v1/projects?sort=${sort}&limit=200`);
      expect(items.map((item) => item.key)).toEqual(single.items.map((item) => item.key));

      const descending = sort.startsWith('-');
      const field = sort.replace('-', '');
      if (field === 'name') return; // text order is the database's collation, checked above for consistency only
      const values = items.map((item) => (field === 'cost' ? item.costEstimate : item.period.start));
      const firstNull = values.indexOf(null);
      if (firstNull >= 0)
        expect(
          values.slice(firstNull).every((value) => value === null),
          'unknown values last',
        ).toBe(true);
      const known = values.filter((value): value is string | number => value !== null);
      expect(known.length).toBeGreaterThan(1);
      for (let i = 1; i < known.length; i++) {
        const [before, after] = [known[i - 1]!, known[i]!];
        expect(descending ? before >= after : before <= after, `${before} then ${after}`).toBe(true);
      }
    },
  );

  it('rejects bad filter values and a cursor given out for another order', async () => {
    const cases: [string, string][] = [
      ['/api/v1/projects?ministry=XYZ', 'ministry'],
      ['/api/v1/projects?county=pi', 'county'],
      ['/api/v1/projects?sector=Not%20a%20key', 'sector'],
      ['/api/v1/projects?year=abc', 'year'],
      ['/api/v1/projects?year=99', 'year'],
      ['/api/v1/projects?sort=colour', 'sort'],
    ];
    for (const [url, name] of cases) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(
        response.json().errors.map((e: { name: string }) => e.name),
        url,
      ).toContain(name);
    }
    const byCost = await page('/api/v1/projects?sort=-cost&limit=5');
    expect(byCost.page.nextCursor).not.toBeNull();
    const mixed = await get(`/api/v1/projects?sort=name&limit=5&cursor=${byCost.page.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors.map((e: { name: string }) => e.name)).toEqual(['cursor']);
  });
});
