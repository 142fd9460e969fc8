/**
 * The official Swedish names of the public bodies the sources name in Finnish: the ELY centres as
 * NTM-centralen i …, the ministries, Helsinki and HUS; a wellbeing services county's name from the
 * county data; none invented for a body that has no official Swedish name here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_SWEDISH_NAMES, officialSwedishName } from '../../src/domain/official-names.js';
import { readCounties, type Topology } from '../../src/domain/geography.js';

const topology = JSON.parse(readFileSync('data/geo/finland-hva-2021.topo.json', 'utf8')) as Topology;
const countyNames = new Map(readCounties(topology).map((county) => [county.name.fi, county.name.sv]));

describe('official Swedish names', () => {
  it('names every ELY centre NTM-centralen i …', () => {
    const ely = Object.entries(OFFICIAL_SWEDISH_NAMES).filter(([fi]) => fi.endsWith('ELY-keskus'));
    expect(ely).toHaveLength(15);
    for (const [, sv] of ely) expect(sv).toMatch(/^NTM-centralen i [A-ZÅÄÖ]/);
    expect(officialSwedishName('Uudenmaan ELY-keskus')).toBe('NTM-centralen i Nyland');
    expect(officialSwedishName('Lapin ELY-keskus')).toBe('NTM-centralen i Lappland');
  });

  it('names the ministries, Helsinki and HUS', () => {
    expect(officialSwedishName('Työ- ja elinkeinoministeriö')).toBe('Arbets- och näringsministeriet');
    expect(officialSwedishName('Opetus- ja kulttuuriministeriö')).toBe('Undervisnings- och kulturministeriet');
    expect(officialSwedishName('Sosiaali- ja terveysministeriö')).toBe('Social- och hälsovårdsministeriet');
    expect(officialSwedishName('Helsingin kaupunki')).toBe('Helsingfors stad');
    expect(officialSwedishName('HUS-yhtymä')).toBe('HUS-sammanslutningen');
  });

  it("takes a wellbeing services county's name from the county data", () => {
    expect(officialSwedishName('Etelä-Pohjanmaan hyvinvointialue', countyNames)).toBe(
      'Södra Österbottens välfärdsområde',
    );
    expect(officialSwedishName('Vantaan ja Keravan hyvinvointialue', countyNames)).toBe(
      'Vanda och Kervo välfärdsområde',
    );
    // Helsinki is no wellbeing services county: its county-like area is the city itself.
    expect(countyNames.get('Helsingin kaupunki')).toBe('Helsingfors stad');
  });

  it('invents none', () => {
    expect(officialSwedishName('Kuntoutussäätiö sr', countyNames)).toBeNull();
    expect(officialSwedishName('Keuruun kaupunki', countyNames)).toBeNull();
  });
});
