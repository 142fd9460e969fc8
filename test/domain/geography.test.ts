import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GEO_ATTRIBUTION,
  HELSINKI_AREA_ID,
  municipalityToCounty,
  readCounties,
  type Topology,
} from '../../src/domain/geography.js';

const topology = JSON.parse(
  readFileSync(new URL('../../data/geo/finland-hva-2021.topo.json', import.meta.url), 'utf8'),
) as Topology;

// Åland's 16 municipalities (2021), outside every wellbeing services county.
const ALAND = [
  '035',
  '043',
  '060',
  '062',
  '065',
  '076',
  '170',
  '295',
  '318',
  '417',
  '438',
  '478',
  '736',
  '766',
  '771',
  '941',
];

const municipalities = topology.objects.munis.geometries.map((g) => g.properties);

describe('readCounties', () => {
  const areas = readCounties(topology);

  it('gives the 21 counties and Helsinki', () => {
    expect(areas).toHaveLength(22);
    expect(new Set(areas.map((a) => a.id)).size).toBe(22);
    expect(areas.filter((a) => a.id === HELSINKI_AREA_ID)).toHaveLength(1);
  });

  it('names Helsinki as the city and takes its population from the municipality', () => {
    expect(areas.find((a) => a.id === HELSINKI_AREA_ID)).toEqual({
      id: 'helsinki',
      name: { fi: 'Helsingin kaupunki', sv: 'Helsingfors stad' },
      shortName: { fi: 'Helsinki', sv: 'Helsingfors' },
      population: 656_920,
    });
  });

  it('reads a county’s names in Finnish and Swedish', () => {
    expect(areas.find((a) => a.id === 'PI')).toEqual({
      id: 'PI',
      name: { fi: 'Pirkanmaan hyvinvointialue', sv: 'Birkalands välfärdsområde' },
      shortName: { fi: 'Pirkanmaa', sv: 'Birkaland' },
      population: 522_852,
    });
  });

  it('sorts by Finnish short name, with ä after o as in Finnish', () => {
    const names = areas.map((a) => a.shortName.fi);
    expect(names[0]).toBe('Etelä-Karjala');
    expect(names.indexOf('Helsinki')).toBeLessThan(names.indexOf('Itä-Uusimaa'));
    // An English collation would put Päijät-Häme among the Pa-names, before Pohjanmaa.
    expect(names.indexOf('Pohjois-Savo')).toBeLessThan(names.indexOf('Päijät-Häme'));
    expect(names.at(-1)).toBe('Varsinais-Suomi');
  });

  it('adds up to the mainland population', () => {
    const mainland = municipalities.filter((m) => !ALAND.includes(m.id)).reduce((sum, m) => sum + m.population, 0);
    expect(areas.reduce((sum, a) => sum + a.population, 0)).toBe(mainland);
  });

  it('fails loudly when Helsinki is missing from the data', () => {
    const withoutHelsinki: Topology = {
      ...topology,
      objects: {
        ...topology.objects,
        munis: {
          ...topology.objects.munis,
          geometries: topology.objects.munis.geometries.filter((g) => g.properties.id !== '091'),
        },
      },
    };
    expect(() => readCounties(withoutHelsinki)).toThrow(/091/);
  });
});

describe('municipalityToCounty', () => {
  const counties = municipalityToCounty(topology);
  const areaIds = new Set(readCounties(topology).map((a) => a.id));

  it('maps every mainland municipality to one of the 22 areas', () => {
    expect(municipalities).toHaveLength(309);
    for (const m of municipalities) {
      if (ALAND.includes(m.id)) continue;
      expect(areaIds.has(counties.get(m.id) ?? ''), `municipality ${m.id} ${m.name_fi}`).toBe(true);
    }
    expect(counties.size).toBe(309 - ALAND.length);
  });

  it('leaves Åland out', () => {
    for (const id of ALAND) expect(counties.has(id), id).toBe(false);
  });

  it.each([
    ['091', 'Helsinki', 'helsinki'],
    ['837', 'Tampere', 'PI'],
    ['049', 'Espoo', 'LU'],
    ['092', 'Vantaa', 'VK'],
    ['245', 'Kerava', 'VK'],
    ['853', 'Turku', 'VS'],
    ['564', 'Oulu', 'PP'],
    ['698', 'Rovaniemi', 'LA'],
    ['205', 'Kajaani', 'KA'],
    ['905', 'Vaasa', 'PO'],
  ])('%s %s → %s', (id, name, county) => {
    expect(municipalities.find((m) => m.id === id)?.name_fi).toBe(name);
    expect(counties.get(id)).toBe(county);
  });

  it('agrees with the county populations in the file', () => {
    const byCounty = new Map<string, number>();
    for (const m of municipalities) {
      const county = counties.get(m.id);
      if (county) byCounty.set(county, (byCounty.get(county) ?? 0) + m.population);
    }
    for (const area of readCounties(topology)) expect(byCounty.get(area.id), area.id).toBe(area.population);
  });
});

it('states the attribution the licence asks for', () => {
  expect(GEO_ATTRIBUTION).toBe('Aluerajat: Tilastokeskus (CC BY 4.0), Yle');
  const readme = readFileSync(new URL('../../data/geo/README.md', import.meta.url), 'utf8');
  expect(readme).toContain(GEO_ATTRIBUTION);
});
