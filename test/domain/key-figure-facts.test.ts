import { describe, expect, it } from 'vitest';
import {
  checkMinistryShares,
  checkSectors,
  countyByOwnName,
  normaliseShares,
  organisationCounty,
  sectorAreaOf,
} from '../../src/domain/key-figure-facts.js';

describe('checkMinistryShares', () => {
  it('accepts one ministry without a share (all of it) and shares that add up to 100', () => {
    expect(checkMinistryShares([{ ministry: 'OKM', share: null }])).toEqual([]);
    expect(
      checkMinistryShares([
        { ministry: 'OKM', share: 50 },
        { ministry: 'STM', share: 50 },
      ]),
    ).toEqual([]);
    expect(checkMinistryShares([])).toEqual([]);
    expect(normaliseShares([{ ministry: 'TEM', share: null }])).toEqual([{ ministry: 'TEM', share: 100 }]);
  });
  it('refuses a sum other than 100, a missing share among several, a repeat and a stranger, naming the field', () => {
    const sum = checkMinistryShares([
      { ministry: 'OKM', share: 70 },
      { ministry: 'STM', share: 40 },
    ]);
    expect(sum).toHaveLength(1);
    expect(sum[0]!.field).toBe('ministries');
    expect(sum[0]!.message.fi).toContain('110 %');
    expect(
      checkMinistryShares([
        { ministry: 'OKM', share: 100 },
        { ministry: 'STM', share: null },
      ])[0]!.field,
    ).toBe('ministries.1.share');
    expect(
      checkMinistryShares([
        { ministry: 'OKM', share: 50 },
        { ministry: 'OKM', share: 50 },
      ])[0]!.field,
    ).toBe('ministries.1.ministry');
    expect(checkMinistryShares([{ ministry: 'VM', share: 100 }])[0]!.field).toBe('ministries.0.ministry');
    expect(checkMinistryShares([{ ministry: 'OKM', share: 0 }])[0]!.field).toBe('ministries.0.share');
  });
});

describe('sectors', () => {
  it('knows the list and the area of each key', () => {
    expect(checkSectors(['education', 'basic-education', 'parishes'])).toEqual([]);
    expect(checkSectors(['basic-education', 'astrology'])[0]!.field).toBe('sectors.1');
    expect(sectorAreaOf('child-welfare')).toBe('social-and-health');
    expect(sectorAreaOf('leisure')).toBe('leisure');
    expect(sectorAreaOf('astrology')).toBeUndefined();
  });
});

describe('where an organisation is', () => {
  it('takes its own county before its municipality', () => {
    expect(organisationCounty('PI', 'VS')).toBe('PI');
    expect(organisationCounty(null, 'VS')).toBe('VS');
    expect(organisationCounty(null, null)).toBeNull();
  });
  it('finds a wellbeing services county by its official name', () => {
    const counties = [
      { id: 'PI', name: { fi: 'Pirkanmaan hyvinvointialue' } },
      { id: 'KU', name: { fi: 'Keski-Uudenmaan hyvinvointialue' } },
    ];
    expect(countyByOwnName(' Keski-Uudenmaan hyvinvointialue', counties)).toBe('KU');
    expect(countyByOwnName('Pirkanmaan sairaanhoitopiiri', counties)).toBeUndefined();
  });
});
