import { describe, expect, it } from 'vitest';
import { SECTORS, sectorLabel } from '../../src/domain/sectors.js';

describe('sector labels', () => {
  it('names a sector, a service under its sector, and leaves an unknown key as it is', () => {
    const sector = SECTORS[0]!;
    const service = sector.services[0]!;
    expect(sectorLabel(sector.key, 'sv')).toBe(sector.name.sv);
    expect(sectorLabel(service.key, 'fi')).toBe(`${sector.name.fi}: ${service.name.fi}`);
    expect(sectorLabel('no-such-sector', 'en')).toBe('no-such-sector');
  });

  it('has keys that are unique across sectors and services (they are used in the API and the export)', () => {
    const keys = SECTORS.flatMap((sector) => [sector.key, ...sector.services.map((s) => s.key)]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
