/**
 * A stand-in for the YTJ open-data API v3 on loopback, started by a test: `GET /companies?businessId=`
 * and `?name=` answer made-up companies in the API's JSON shape (`{ totalResults, companies }`, each
 * with `businessId.value`, `names[]`, `companyForms[]`, `mainBusinessLine`, `addresses[].postOffices[]`).
 * One Y-tunnus answers 500 and one never answers in time; every request is recorded, so a test can
 * show that a refused look-up asked nothing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const description = (fi: string, sv: string, en: string) => [
  { languageCode: '1', description: fi },
  { languageCode: '2', description: sv },
  { languageCode: '3', description: en },
];

const company = (
  businessId: string,
  name: string,
  parallelName: string | null,
  form: { code: string; fi: string; sv: string; en: string },
  municipalityCode: string | null,
) => ({
  businessId: { value: businessId, registrationDate: '2001-05-02', source: '3' },
  euId: { value: `FIFPRO.${businessId}`, source: '1' },
  names: [
    {
      name: `${name} (vanha nimi)`,
      type: '1',
      registrationDate: '2001-05-02',
      endDate: '2010-01-01',
      version: 2,
      source: '1',
    },
    { name, type: '1', registrationDate: '2010-01-01', version: 1, source: '1' },
    ...(parallelName
      ? [{ name: parallelName, type: '2', registrationDate: '2010-01-01', version: 1, source: '1' }]
      : []),
  ],
  mainBusinessLine: {
    type: '94990',
    descriptions: description('Muualla luokittelemattomat järjestöt', 'Övriga organisationer', 'Other organisations'),
    typeCodeSet: 'TOIMI4',
    registrationDate: '2010-01-01',
    source: '2',
  },
  companyForms: [
    {
      type: form.code,
      descriptions: description(form.fi, form.sv, form.en),
      registrationDate: '2001-05-02',
      version: 1,
      source: '1',
    },
  ],
  companySituations: [],
  registeredEntries: [],
  addresses: [
    {
      type: 2,
      street: '',
      postCode: '33101',
      postOfficeBox: '100',
      postOffices: [{ city: 'TAMPERE', languageCode: '1', municipalityCode: municipalityCode ?? '' }],
      registrationDate: '2010-01-01',
      source: '0',
    },
    {
      type: 1,
      street: 'Testikatu',
      buildingNumber: '1',
      postCode: '33100',
      postOffices: municipalityCode
        ? [
            { city: 'TAMPERE', languageCode: '1', municipalityCode },
            { city: 'TAMMERFORS', languageCode: '2', municipalityCode },
          ]
        : [],
      registrationDate: '2010-01-01',
      source: '0',
    },
  ],
  tradeRegisterStatus: '0',
  status: '2',
  registrationDate: '2001-05-02',
  lastModified: '2026-10-01T08:00:00',
});

const ASSOCIATION = { code: '5', fi: 'Yhdistys', sv: 'Förening', en: 'Association' };
const FOUNDATION = { code: '6', fi: 'Säätiö', sv: 'Stiftelse', en: 'Foundation' };
const WELLBEING = { code: '59', fi: 'Hyvinvointialue', sv: 'Välfärdsområde', en: 'Wellbeing services county' };

/** Made-up companies (valid check digits), by Y-tunnus. */
export const REGISTER_FIXTURES = {
  association: company('3100001-1', 'Testiyhdistys Kaiku ry', 'Testföreningen Eko rf', ASSOCIATION, '837'),
  wellbeing: company('3100003-8', 'Testialueen hyvinvointialue', 'Testområdets välfärdsområde', WELLBEING, '837'),
  foundation: company('3100004-6', 'Testisäätiö sr', null, FOUNDATION, '091'),
  recipe: company('3100007-0', 'Reseptiyhdistys ry', 'Receptföreningen rf', ASSOCIATION, '091'),
  bulkRecipe: company('3100008-9', 'Massayhdistys ry', null, ASSOCIATION, '837'),
} as const;

/** Answers 500 Internal Server Error. */
export const FAILING_BUSINESS_ID = '3100005-4';
/** Never answers within the test's time-out. */
export const SLOW_BUSINESS_ID = '3100006-2';
/** A valid Y-tunnus the register does not know. */
export const UNKNOWN_BUSINESS_ID = '3100009-7';

export type RegisterServer = { url: string; requests: string[]; close: () => Promise<void> };

export async function startRegisterServer(): Promise<RegisterServer> {
  const requests: string[] = [];
  const companies = Object.values(REGISTER_FIXTURES);
  const pending = new Set<ServerResponse>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://register.test');
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET' || url.pathname !== '/opendata-ytj-api/v3/companies')
      return json(404, { timestamp: new Date().toISOString(), message: 'Not found' });
    const businessId = url.searchParams.get('businessId');
    const name = url.searchParams.get('name');
    if (businessId === FAILING_BUSINESS_ID) return json(500, { timestamp: new Date().toISOString(), message: 'Error' });
    if (businessId === SLOW_BUSINESS_ID) {
      pending.add(response);
      return;
    }
    const found = businessId
      ? companies.filter((c) => c.businessId.value === businessId)
      : companies.filter((c) => c.names.some((n) => n.name.toLowerCase().includes((name ?? '').toLowerCase())));
    return json(200, { totalResults: found.length, companies: found });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/opendata-ytj-api/v3`,
    requests,
    close: async () => {
      for (const response of pending) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
