/**
 * The facts behind a theme's key figures, through the write API and back out of the figures, on
 * SQLite and (with TEST_DATABASE_URL) PostgreSQL: the theme's coordinator and finance expert set an
 * entity's ministries with shares, its sectors and partners, and where an organisation is; bad input
 * is refused naming the field and the reason in the request's language; the 2024 data puts the five
 * wellbeing services county organisations among the implementers in their own counties.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, signInEveryone, THEME, type Session, type SignedInActor } from '../helpers/actors.js';
import type { KeyFigureDeck, ThemeFigures } from '../../src/contracts/api.js';
import { readCounties, type Topology } from '../../src/domain/geography.js';
import { countyByOwnName } from '../../src/domain/key-figure-facts.js';

const WELLBEING = {
  'etela-pohjanmaan-hyvinvointialue': 'EP',
  'pirkanmaan-hyvinvointialue': 'PI',
  'pohjois-pohjanmaan-hyvinvointialue': 'PP',
  'vantaan-ja-keravan-hyvinvointialue': 'VK',
  'keski-uudenmaan-hyvinvointialue': 'KU',
} as const;

describe.each(DIALECTS)('key figure facts on %s', (dialect) => {
  let t: TestApp;
  let sessions: Record<SignedInActor, Session>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    sessions = await signInEveryone(t.app, t.database.db);
  }, 60_000);
  afterAll(async () => t?.close());

  const figures = async (theme = THEME) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/themes/${theme}/figures` })).json() as ThemeFigures;
  const record = async (url: string) => {
    const response = await as(t.app, sessions.admin, { method: 'GET', url: `${url}/record` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { data: Record<string, unknown>; version: number };
  };
  const patch = async (who: SignedInActor, url: string, body: object, language = 'fi') => {
    const { version } = await record(url);
    return as(t.app, sessions[who], {
      method: 'PATCH',
      url,
      payload: body,
      headers: { 'if-match': `"${version}"`, 'accept-language': language },
    });
  };
  const lanupeEntities = async () =>
    t.database.db
      .selectFrom('project_entities as e')
      .innerJoin('themes as th', 'th.id', 'e.theme_id')
      .select(['e.key', 'e.kind'])
      .where('th.slug', '=', THEME)
      .orderBy('e.key')
      .execute();

  it('places the five wellbeing services county organisations in their own counties (2024 data)', async () => {
    const topology = JSON.parse(readFileSync('data/geo/finland-hva-2021.topo.json', 'utf8')) as Topology;
    const counties = readCounties(topology);
    const rows = await t.database.db
      .selectFrom('organisations')
      .select(['key', 'name_fi', 'county_id', 'county_basis', 'type'])
      .where('type', '=', 'wellbeing_services_county')
      .orderBy('key')
      .execute();
    expect(rows.map((row) => row.key).sort()).toEqual(Object.keys(WELLBEING).sort());
    for (const row of rows) {
      expect(row.county_id).toBe(WELLBEING[row.key as keyof typeof WELLBEING]);
      // The county is the one whose official name the organisation carries, and the note says so.
      expect(countyByOwnName(row.name_fi, counties)).toBe(row.county_id);
      expect(row.county_basis).toMatch(/^inferred: /);
    }
    // …and the figures of the themes they implement in count them there.
    const implementing = await t.database.db
      .selectFrom('projects as p')
      .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
      .innerJoin('project_entities as e', 'e.id', 'p.entity_id')
      .innerJoin('themes as th', 'th.id', 'e.theme_id')
      .select(['o.key', 'o.county_id', 'th.slug'])
      .where('o.type', '=', 'wellbeing_services_county')
      .execute();
    expect(implementing.length).toBeGreaterThanOrEqual(5);
    for (const row of implementing) {
      const county = (await figures(row.slug)).byCounty[row.county_id!];
      expect(county?.implementers ?? 0).toBeGreaterThanOrEqual(1);
    }
  });

  it('lets the coordinator set ministries with shares, sectors and partners, and the figures follow', async () => {
    const before = await figures();
    const [first, second] = await lanupeEntities();
    const partner = (await t.database.db
      .selectFrom('organisations')
      .select('key')
      .where('key', '=', 'pirkanmaan-hyvinvointialue')
      .executeTakeFirstOrThrow())!.key;
    const shared = await patch('coordinator', `/api/v1/project-facts/${first!.key}`, {
      ministries: [
        { ministry: 'OKM', share: 60 },
        { ministry: 'STM', share: 40 },
      ],
      sectors: ['basic-education', 'child-welfare'],
      partners: [partner],
    });
    expect(shared.statusCode, shared.body).toBe(200);
    expect((shared.json() as { data: { ministries: unknown } }).data.ministries).toEqual([
      { ministry: 'OKM', share: 60 },
      { ministry: 'STM', share: 40 },
    ]);
    const single = await patch('finance', `/api/v1/project-facts/${second!.key}`, {
      ministries: [{ ministry: 'TEM' }],
      sectors: ['basic-education'],
    });
    expect(single.statusCode, single.body).toBe(200);
    expect((single.json() as { data: { ministries: unknown } }).data.ministries).toEqual([
      { ministry: 'TEM', share: 100 },
    ]);

    const after = await figures();
    expect(after.byMinistry.joint ?? 0).toBe(1);
    expect(after.byMinistry.TEM ?? 0).toBe(1);
    expect(after.bySector['basic-education']).toBe(2);
    expect(after.bySector['child-welfare']).toBe(1);
    expect(after.entitiesWithoutSector).toBe(before.projectEntities - 2);
    expect(after.partners).toBe(1);
    expect(after.byCounty.PI?.partners).toBe(1);

    // An organisation of the theme placed by its municipality (Tampere, 837 → Pirkanmaa).
    const implementer = await t.database.db
      .selectFrom('projects as p')
      .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
      .innerJoin('project_entities as e', 'e.id', 'p.entity_id')
      .innerJoin('themes as th', 'th.id', 'e.theme_id')
      .select('o.key')
      .where('th.slug', '=', THEME)
      .where('o.municipality_code', 'is', null)
      .where('o.county_id', 'is', null)
      .orderBy('o.key')
      .executeTakeFirstOrThrow();
    const placed = await patch('coordinator', `/api/v1/organisation-places/${implementer.key}`, {
      municipality: '837',
    });
    expect(placed.statusCode, placed.body).toBe(200);
    expect((placed.json() as { data: { countyOfFigures: string } }).data.countyOfFigures).toBe('PI');
    expect((await figures()).byCounty.PI?.implementers).toBe((after.byCounty.PI?.implementers ?? 0) + 1);
  });

  it('refuses shares that do not add up, sectors outside the list and unknown municipalities, naming the field', async () => {
    const [first] = await lanupeEntities();
    const url = `/api/v1/project-facts/${first!.key}`;
    const shares = await patch(
      'coordinator',
      url,
      {
        ministries: [
          { ministry: 'OKM', share: 60 },
          { ministry: 'STM', share: 30 },
        ],
      },
      'sv',
    );
    expect(shares.statusCode).toBe(422);
    expect(shares.body).toContain('"ministries"');
    expect(shares.body).toContain('Andelarnas summa är 90 %');
    const sector = await patch('coordinator', url, { sectors: ['basic-education', 'astrology'] }, 'en');
    expect(sector.statusCode).toBe(422);
    expect(sector.body).toContain('sectors.1');
    expect(sector.body).toContain("not in the service's list of sectors");
    const organisation = (await t.database.db
      .selectFrom('projects as p')
      .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
      .innerJoin('project_entities as e', 'e.id', 'p.entity_id')
      .select('o.key')
      .where('e.key', '=', first!.key)
      .executeTakeFirstOrThrow())!.key;
    const municipality = await patch('finance', `/api/v1/organisation-places/${organisation}`, {
      municipality: '999',
    });
    expect(municipality.statusCode).toBe(422);
    expect(municipality.body).toContain('"municipality"');
    expect(municipality.body).toContain('Kuntanumeroa 999 ei ole');
    const county = await patch('finance', `/api/v1/organisation-places/${organisation}`, {
      type: 'association',
      county: 'PI',
    });
    expect(county.statusCode).toBe(422);
    expect(county.body).toContain('"county"');
    // Another theme's coordinator may not touch LANUPE's facts.
    const other = await patch('coordinatorOther', url, { sectors: ['basic-education'] });
    expect(other.statusCode).toBe(403);
  });

  it('exports the deck as PPTX (fi, sv) and each chart as SVG and PNG with the same numbers', async () => {
    const figures = (
      await t.app.inject({ method: 'GET', url: `/api/v1/themes/${THEME}/figures` })
    ).json() as ThemeFigures;
    const deck = (
      await t.app.inject({ method: 'GET', url: `/api/v1/themes/${THEME}/key-figures?lang=sv` })
    ).json() as KeyFigureDeck;
    expect(deck.slides.map((slide) => slide.key)).toEqual([
      'entities',
      'implementers',
      'ministries',
      'sectors',
      'organisation-types',
      'counties',
    ]);
    expect(deck.euCoFunding).toBe('Medfinansieras av Europeiska unionen');
    const implementers = deck.slides.find((slide) => slide.key === 'implementers')!;
    expect(implementers.summary).toContain(
      `${figures.projects} genomförare i projekten, ${figures.implementers} olika`,
    );
    for (const lang of ['fi', 'sv'] as const) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/themes/${THEME}/key-figures.pptx?lang=${lang}`,
      });
      expect(response.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(response.rawPayload);
      const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
      expect(slides).toHaveLength(1 + deck.slides.length);
      const text = async (index: number) => await zip.file(`ppt/slides/slide${index}.xml`)!.async('string');
      expect(await text(1)).toContain(
        lang === 'fi' ? 'Euroopan unionin osarahoittama' : 'Medfinansieras av Europeiska unionen',
      );
      expect(await text(3)).toContain(`<a:t>${figures.implementers}</a:t>`);
      expect(await text(3)).toContain(`<a:t>${figures.projects}</a:t>`);
    }
    const svg = await t.app.inject({
      method: 'GET',
      url: `/api/v1/themes/${THEME}/key-figures/charts/entities.svg?lang=fi`,
    });
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain(`>${figures.singleImplementerEntities}</text>`);
    expect(svg.body).toContain('Yhden toteuttajan hankkeet');
    const png = await t.app.inject({
      method: 'GET',
      url: `/api/v1/themes/${THEME}/key-figures/charts/sectors.png?lang=sv`,
    });
    expect(png.statusCode, png.body.slice(0, 200)).toBe(200);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const across = (await t.app.inject({ method: 'GET', url: '/api/v1/key-figures' })).json() as {
      themes: { slug: string; figures: ThemeFigures }[];
      national: ThemeFigures;
    };
    expect(across.themes.length).toBe(12);
    expect(across.national.projectEntities).toBe(
      across.themes.reduce((sum, theme) => sum + theme.figures.projectEntities, 0),
    );
  }, 60_000);
});
