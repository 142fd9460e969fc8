import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeThemeFigures,
  countiesWithout,
  type FigureEntity,
  type FigureOrganisation,
  type Ministry,
} from '../../src/domain/figures.js';

const ALL_COUNTY_IDS = [
  'EK',
  'EP',
  'ES',
  'IU',
  'KA',
  'KH',
  'KP',
  'KS',
  'KU',
  'KY',
  'LA',
  'LU',
  'PH',
  'PI',
  'PK',
  'PO',
  'PP',
  'PS',
  'SA',
  'VK',
  'VS',
  'helsinki',
];

function organisationMap(
  rows: [id: string, type: string | null, countyId: string | null][],
): Map<string, FigureOrganisation> {
  return new Map(rows.map(([id, type, countyId]) => [id, { id, type, countyId }]));
}

function single(
  implementerId: string,
  ministries: Ministry[],
  sectors: string[],
  partnerIds: string[] = [],
): FigureEntity {
  return { kind: 'single', ministries, projects: [{ implementerId, role: 'main' }], partnerIds, sectors };
}

function group(
  main: string,
  subs: string[],
  ministries: Ministry[],
  sectors: string[],
  partnerIds: string[] = [],
): FigureEntity {
  return {
    kind: 'group',
    ministries,
    projects: [
      { implementerId: main, role: 'main' },
      ...subs.map((id) => ({ implementerId: id, role: 'sub' as const })),
    ],
    partnerIds,
    sectors,
  };
}

// A theme shown as "5+7": five single-implementer entities and seven group projects.
// N is an implementer the organisation register does not know.
const ORGANISATIONS = organisationMap([
  ['A', 'association', 'PI'],
  ['B', 'municipality', 'PI'],
  ['C', 'university', 'VS'],
  ['D', null, null],
  ['E', 'university_of_applied_sciences', 'helsinki'],
  ['F', 'association', 'helsinki'],
  ['G', 'association', 'PI'],
  ['H', 'municipality', 'LA'],
  ['I', 'foundation', 'LA'],
  ['J', 'wellbeing_services_county', 'KA'],
  ['K', 'association', 'KA'],
  ['L', 'company', 'helsinki'],
  ['M', 'municipality', 'PP'],
  ['O', 'association', 'VS'],
  ['P1', 'association', 'PI'],
  ['P2', 'parish', 'KS'],
  ['P3', 'association', null],
]);

const ENTITIES: FigureEntity[] = [
  single('A', ['STM'], ['basic_education'], ['P3']),
  single('B', ['STM'], ['basic_education', 'student_welfare']),
  single('C', ['OKM'], ['sports']),
  single('A', [], []), // A implements a second project: still one implementer
  single('D', ['STM', 'OKM'], ['student_welfare', 'student_welfare']),
  group('E', ['F', 'G'], ['OKM'], ['early_childhood', 'basic_education'], ['P1']),
  group('F', ['A'], ['STM'], ['child_protection'], ['P2']),
  group('H', ['I'], ['STM', 'STM'], ['student_welfare']),
  group('J', ['K'], ['TEM'], ['sports', 'basic_education'], ['P1', 'A']),
  group('E', ['L'], ['OKM', 'STM'], []),
  group('M', ['N'], ['STM'], ['child_protection', 'student_welfare']),
  group('O', ['B'], ['STM'], ['basic_education']),
];

describe('computeThemeFigures', () => {
  const figures = computeThemeFigures(ENTITIES, ORGANISATIONS);

  it('counts entities, projects and distinct implementers separately', () => {
    expect(figures.projectEntities).toBe(12);
    expect(figures.singleImplementerEntities).toBe(5);
    expect(figures.groupProjects).toBe(7);
    expect(figures.projects).toBe(20);
    expect(figures.implementers).toBe(15);
  });

  it('counts entities per ministry, jointly funded and unrecorded ones apart', () => {
    expect(figures.byMinistry).toEqual({ OKM: 2, STM: 6, TEM: 1, joint: 2, unknown: 1 });
  });

  it('counts distinct implementers per organisation type', () => {
    expect(figures.byOrganisationType).toEqual({
      association: 5,
      company: 1,
      foundation: 1,
      municipality: 3,
      university: 1,
      university_of_applied_sciences: 1,
      wellbeing_services_county: 1,
      unknown: 2,
    });
  });

  it('counts implementers and partners per county; an organisation can be both', () => {
    expect(figures.byCounty).toEqual({
      KA: { implementers: 2, partners: 0 },
      KS: { implementers: 0, partners: 1 },
      LA: { implementers: 2, partners: 0 },
      PI: { implementers: 3, partners: 2 },
      PP: { implementers: 1, partners: 0 },
      VS: { implementers: 2, partners: 0 },
      helsinki: { implementers: 3, partners: 0 },
      unknown: { implementers: 2, partners: 1 },
    });
  });

  it('counts an entity once in each of its sectors', () => {
    expect(figures.bySector).toEqual({
      basic_education: 5,
      child_protection: 2,
      early_childhood: 1,
      sports: 2,
      student_welfare: 4,
    });
  });

  it('keeps the keys sorted, with unknown last', () => {
    expect(Object.keys(figures.byMinistry)).toEqual(['OKM', 'STM', 'TEM', 'joint', 'unknown']);
    expect(Object.keys(figures.byOrganisationType).at(-1)).toBe('unknown');
    expect(Object.keys(figures.byOrganisationType).slice(0, 3)).toEqual(['association', 'company', 'foundation']);
    expect(Object.keys(figures.byCounty)).toEqual(['KA', 'KS', 'LA', 'PI', 'PP', 'VS', 'helsinki', 'unknown']);
    // 'zzz' sorts after 'unknown' by code unit; unknown still goes last.
    const withZ = computeThemeFigures(
      [single('Y', [], []), single('X', [], ['zzz', 'aaa'])],
      organisationMap([['X', 'zzz', null]]),
    );
    expect(Object.keys(withZ.byOrganisationType)).toEqual(['zzz', 'unknown']);
    expect(Object.keys(withZ.bySector)).toEqual(['aaa', 'zzz']);
    expect(Object.keys(withZ.byCounty)).toEqual(['unknown']);
  });

  it('gives zeros and empty tables for a theme with no projects yet', () => {
    expect(computeThemeFigures([], ORGANISATIONS)).toEqual({
      projectEntities: 0,
      singleImplementerEntities: 0,
      groupProjects: 0,
      projects: 0,
      implementers: 0,
      byMinistry: {},
      byOrganisationType: {},
      byCounty: {},
      bySector: {},
      partners: 0,
      entitiesWithoutSector: 0,
    });
  });
});

describe('countiesWithout', () => {
  it('names the counties with no implementer and no partner, in the order given', () => {
    const figures = computeThemeFigures(ENTITIES, ORGANISATIONS);
    expect(countiesWithout(figures, ALL_COUNTY_IDS)).toEqual([
      'EK',
      'EP',
      'ES',
      'IU',
      'KH',
      'KP',
      'KU',
      'KY',
      'LU',
      'PH',
      'PK',
      'PO',
      'PS',
      'SA',
      'VK',
    ]);
  });

  it('counts a county that has only partners as covered', () => {
    const figures = computeThemeFigures([single('A', ['STM'], [], ['P2'])], ORGANISATIONS);
    expect(countiesWithout(figures, ['PI', 'KS', 'LA'])).toEqual(['LA']);
  });

  it('lists a county whose entry has zero of both', () => {
    const figures = computeThemeFigures([], ORGANISATIONS);
    figures.byCounty['PI'] = { implementers: 0, partners: 0 };
    expect(countiesWithout(figures, ['PI'])).toEqual(['PI']);
  });

  it('is not fooled by ids that name properties of every object', () => {
    const figures = computeThemeFigures([], ORGANISATIONS);
    expect(countiesWithout(figures, ['constructor', 'toString'])).toEqual(['constructor', 'toString']);
  });
});

describe('computeThemeFigures properties', () => {
  const organisationIds = ['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9'];
  // o9 is left out of the register on purpose: unknown organisations must still be counted.
  // 'yritys' sorts after 'unknown' by code unit, so 'unknown' last is something the code must do.
  const organisationsArb = fc
    .tuple(
      ...organisationIds.slice(0, 9).map(() =>
        fc.record({
          type: fc.option(fc.constantFrom('association', 'municipality', 'university', 'company', 'yritys'), {
            nil: null,
          }),
          countyId: fc.option(fc.constantFrom('PI', 'VS', 'LA', 'helsinki'), { nil: null }),
        }),
      ),
    )
    .map((rows) => new Map(rows.map((row, i) => [organisationIds[i]!, { id: organisationIds[i]!, ...row }] as const)));
  const orgId = fc.constantFrom(...organisationIds);
  const entityArb: fc.Arbitrary<FigureEntity> = fc
    .record({
      kind: fc.constantFrom('single' as const, 'group' as const),
      ministries: fc.array(fc.constantFrom<Ministry>('TEM', 'OKM', 'STM'), { maxLength: 3 }),
      implementers: fc.array(orgId, { minLength: 2, maxLength: 5 }),
      partnerIds: fc.array(orgId, { maxLength: 3 }),
      sectors: fc.array(fc.constantFrom('basic_education', 'sports', 'child_protection'), { maxLength: 4 }),
    })
    .map(({ kind, implementers, ...rest }) => ({
      kind,
      ...rest,
      projects: (kind === 'single' ? implementers.slice(0, 1) : implementers).map((implementerId, i) => ({
        implementerId,
        role: i === 0 ? ('main' as const) : ('sub' as const),
      })),
    }));
  const input = fc.tuple(fc.array(entityArb, { maxLength: 15 }), organisationsArb);
  const sum = (values: number[]) => values.reduce((x, y) => x + y, 0);

  it('keeps the counts consistent with each other', () => {
    fc.assert(
      fc.property(input, ([entities, organisations]) => {
        const f = computeThemeFigures(entities, organisations);
        expect(f.projectEntities).toBe(entities.length);
        expect(f.singleImplementerEntities + f.groupProjects).toBe(f.projectEntities);
        expect(f.implementers).toBeLessThanOrEqual(f.projects);
        expect(f.projects).toBeGreaterThanOrEqual(f.projectEntities);
        expect(sum(Object.values(f.byOrganisationType))).toBe(f.implementers);
        expect(sum(Object.values(f.byMinistry))).toBe(f.projectEntities);
        expect(sum(Object.values(f.byCounty).map((c) => c.implementers))).toBe(f.implementers);
        expect(sum(Object.values(f.byCounty).map((c) => c.partners))).toBe(
          new Set(entities.flatMap((e) => e.partnerIds)).size,
        );
        for (const count of Object.values(f.bySector)) expect(count).toBeLessThanOrEqual(f.projectEntities);
      }),
    );
  });

  it('always lists the keys in code-unit order with unknown last', () => {
    fc.assert(
      fc.property(input, ([entities, organisations]) => {
        const f = computeThemeFigures(entities, organisations);
        for (const record of [f.byMinistry, f.byOrganisationType, f.byCounty, f.bySector]) {
          const keys = Object.keys(record);
          const known = keys.filter((k) => k !== 'unknown');
          const expected = [...known].sort().concat(keys.includes('unknown') ? ['unknown'] : []);
          expect(keys).toEqual(expected);
        }
      }),
    );
  });

  it('does not depend on the order of the entities', () => {
    fc.assert(
      fc.property(input, ([entities, organisations]) => {
        const forward = computeThemeFigures(entities, organisations);
        const backward = computeThemeFigures([...entities].reverse(), organisations);
        // JSON, not toEqual: key order is part of the promise.
        expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
      }),
    );
  });

  it('lists a county as without organisations exactly when no organisation there takes part', () => {
    fc.assert(
      fc.property(input, ([entities, organisations]) => {
        const f = computeThemeFigures(entities, organisations);
        const involved = new Set(entities.flatMap((e) => [...e.projects.map((p) => p.implementerId), ...e.partnerIds]));
        const covered = new Set<string | null | undefined>([...involved].map((id) => organisations.get(id)?.countyId));
        const counties = ['PI', 'VS', 'LA', 'helsinki', 'KA'];
        expect(countiesWithout(f, counties)).toEqual(counties.filter((c) => !covered.has(c)));
      }),
    );
  });
});
