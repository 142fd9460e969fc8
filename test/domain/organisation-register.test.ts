/** What the register (YTJ v3) says of an organisation, beside what is stored, and where values came from. */
import { describe, expect, it } from 'vitest';
import {
  businessIdRefusal,
  compareWithRegister,
  parseFieldSources,
  registerCompanyOf,
  typeOfCompanyForm,
  type YtjCompany,
} from '../../src/domain/organisation-register.js';

const company: YtjCompany = {
  businessId: { value: '3100001-1' },
  names: [
    { name: 'Vanha nimi ry', type: '1', endDate: '2010-01-01' },
    { name: 'Kaiku ry', type: '1' },
    { name: 'Eko rf', type: '2' },
    { name: 'Entinen rinnakkaisnimi', type: '2', endDate: '2012-01-01' },
  ],
  companyForms: [
    {
      type: '5',
      descriptions: [
        { languageCode: '1', description: 'Yhdistys' },
        { languageCode: '2', description: 'Förening' },
      ],
    },
  ],
  mainBusinessLine: { type: '94990', descriptions: [{ languageCode: '1', description: 'Järjestöt' }] },
  addresses: [
    { type: 2, postOffices: [{ city: 'HELSINKI', languageCode: '1', municipalityCode: '91' }] },
    { type: 1, postOffices: [{ city: 'TAMPERE', languageCode: '1', municipalityCode: '837' }] },
  ],
  registrationDate: '2001-05-02',
};

describe('the register', () => {
  it('reads the current names, the form, the street address municipality and the business line', () => {
    const read = registerCompanyOf(company);
    expect(read).toMatchObject({
      businessId: '3100001-1',
      name: 'Kaiku ry',
      parallelName: 'Eko rf',
      companyForm: { code: '5', name: { fi: 'Yhdistys', sv: 'Förening', en: 'Yhdistys' } },
      suggestedType: { type: 'association', certain: true },
      municipality: '837',
      businessLine: { code: '94990', name: { fi: 'Järjestöt' } },
    });
  });

  it('takes the postal address municipality when there is no street address, with its leading zero', () => {
    expect(registerCompanyOf({ ...company, addresses: company.addresses!.slice(0, 1) }).municipality).toBe('091');
  });

  it('lets a company form settle the type only where it says what the organisation is', () => {
    expect(typeOfCompanyForm('Hyvinvointialue')).toEqual({ type: 'wellbeing_services_county', certain: true });
    expect(typeOfCompanyForm('Kunta')).toEqual({ type: 'municipality', certain: true });
    expect(typeOfCompanyForm('Osakeyhtiö')).toEqual({ type: 'company', certain: false });
    expect(typeOfCompanyForm('Säätiö')).toEqual({ type: 'foundation', certain: false });
    expect(typeOfCompanyForm('Jokin muu')).toBeNull();
  });

  it('fills only what is empty and calls a different stored value a conflict', () => {
    const states = compareWithRegister(
      { name: { fi: 'Kaiku', sv: null }, businessId: '3100001-1', type: null, municipality: '091' },
      registerCompanyOf(company),
    ).map((c) => [c.field, c.state]);
    expect(states).toEqual([
      ['name.fi', 'conflict'],
      ['name.sv', 'fill'],
      ['businessId', 'same'],
      ['type', 'fill'],
      ['municipality', 'conflict'],
    ]);
    const foundation = registerCompanyOf({
      ...company,
      companyForms: [{ type: '6', descriptions: [{ languageCode: '1', description: 'Säätiö' }] }],
    });
    const type = compareWithRegister(
      { name: { fi: 'Kaiku ry', sv: null }, businessId: null, type: null, municipality: null },
      foundation,
    ).find((c) => c.field === 'type');
    expect(type?.state).toBe('decide');
  });

  it('reads stored sources leniently', () => {
    expect(parseFieldSources('not json')).toEqual({});
    expect(
      parseFieldSources(
        JSON.stringify({
          type: {
            source: 'register',
            at: '2026-12-01T10:00:00.000Z',
            register: { name: 'YTJ', businessId: '3100001-1' },
          },
          municipality: { source: 'somebody', at: 'x' },
        }),
      ),
    ).toEqual({
      type: {
        source: 'register',
        at: '2026-12-01T10:00:00.000Z',
        by: null,
        register: { name: 'YTJ', businessId: '3100001-1' },
      },
    });
  });

  it('refuses a malformed Y-tunnus and a wrong check digit, in three languages', () => {
    expect(businessIdRefusal('3100001-1')).toBeNull();
    expect(businessIdRefusal('3100001-2')?.message.fi).toMatch(/tarkistusmerkki/);
    expect(businessIdRefusal('310001-1')?.message.sv).toMatch(/1234567-8/);
  });
});
