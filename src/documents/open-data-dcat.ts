/**
 * The open data described for data catalogues (avoindata.fi, data.europa.eu) in DCAT-AP, as
 * JSON-LD: one dcat:Dataset with its licence (CC BY 4.0), publisher, languages, update time and a
 * distribution for the full export and for each collection in each format, each conforming to its
 * documented schema.
 */
import { OPEN_DATA_SCHEMA_VERSION } from '../contracts/open-data.js';
import { OPEN_DATA_TABLES, OPEN_DATA_TABLE_NAMES, TABLE_FORMATS, TABLE_MEDIA_TYPES } from './open-data-tables.js';

export const CC_BY_4 = 'http://creativecommons.org/licenses/by/4.0/';
const EU_FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const EU_LANGUAGE = 'http://publications.europa.eu/resource/authority/language/';
const FILE_TYPES = { json: 'JSON', csv: 'CSV', xlsx: 'XLSX' } as const;

const langs = (text: { fi: string; sv: string; en: string }) => [
  { '@language': 'fi', '@value': text.fi },
  { '@language': 'sv', '@value': text.sv },
  { '@language': 'en', '@value': text.en },
];

/** `origin` is where this service answers (scheme and host), for absolute addresses. */
export function dcatDescription(origin: string, modified: string | null) {
  const api = `${origin}/api/v1/export`;
  const distribution = (
    id: string,
    title: { fi: string; sv: string; en: string },
    url: string,
    format: keyof typeof FILE_TYPES,
    mediaType: string,
    schema: string,
  ) => ({
    '@id': `${api}#${id}`,
    '@type': 'dcat:Distribution',
    'dct:title': langs(title),
    'dcat:accessURL': { '@id': url },
    'dcat:downloadURL': { '@id': url },
    'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${mediaType.split(';')[0]}` },
    'dct:format': { '@id': `${EU_FILE_TYPE}${FILE_TYPES[format]}` },
    'dct:license': { '@id': CC_BY_4 },
    'dct:conformsTo': { '@id': schema },
    ...(modified ? { 'dct:modified': { '@type': 'xsd:dateTime', '@value': modified } } : {}),
  });
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      owl: 'http://www.w3.org/2002/07/owl#',
    },
    '@id': `${api}/dcat.jsonld#dataset`,
    '@type': 'dcat:Dataset',
    'dct:identifier': 'teemaseuranta-open-data',
    'dct:title': langs({
      fi: 'ESR+ -ohjelman valtakunnalliset teemat: rahoitus, hankkeet ja ohjausryhmät',
      sv: 'ESF+-programmets nationella teman: finansiering, projekt och styrgrupper',
      en: 'National themes of the ESF+ programme: funding, projects and steering groups',
    }),
    'dct:description': langs({
      fi: 'Uudistuva ja osaava Suomi 2021–2027 -ohjelman valtakunnalliset teemat: teemojen rahoitusluvut ja niiden historia, rahoitushaut, hankekokonaisuudet ja hankkeet, toteuttajaorganisaatiot, tunnusluvut, ohjausryhmät ja julkaistut pöytäkirjat. Ei henkilötietoja.',
      sv: 'De nationella temana i programmet Förnyande och kompetent Finland 2021–2027: temanas finansieringssiffror och deras historik, utlysningar, projekthelheter och projekt, genomförande organisationer, nyckeltal, styrgrupper och publicerade protokoll. Inga personuppgifter.',
      en: 'The national themes of the Innovation and Skills in Finland 2021–2027 programme: the themes’ finance figures and their history, calls, project entities and projects, implementing organisations, key figures, steering groups and published minutes. No personal data.',
    }),
    'dct:publisher': {
      '@type': 'foaf:Agent',
      'foaf:name': langs({ fi: 'Teemaseuranta', sv: 'Teemaseuranta', en: 'Teemaseuranta' }),
    },
    'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': 'Teemaseuranta' },
    'dct:license': { '@id': CC_BY_4 },
    'dct:accessRights': { '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC' },
    'dct:language': ['FIN', 'SWE', 'ENG'].map((code) => ({ '@id': `${EU_LANGUAGE}${code}` })),
    'dct:spatial': { '@id': 'http://publications.europa.eu/resource/authority/country/FIN' },
    'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/CONT' },
    'dcat:keyword': langs({ fi: 'ESR+', sv: 'ESF+', en: 'ESF+' }),
    'dcat:landingPage': { '@id': `${origin}/` },
    ...(modified ? { 'dct:modified': { '@type': 'xsd:dateTime', '@value': modified } } : {}),
    'owl:versionInfo': OPEN_DATA_SCHEMA_VERSION,
    'dcat:distribution': [
      distribution(
        'full',
        {
          fi: 'Koko aineisto (JSON, sentit)',
          sv: 'Hela materialet (JSON, cent)',
          en: 'The whole dataset (JSON, cents)',
        },
        api,
        'json',
        'application/json',
        `${api}/schema.json`,
      ),
      ...OPEN_DATA_TABLE_NAMES.flatMap((name) =>
        TABLE_FORMATS.map((format) =>
          distribution(
            `${name}-${format}`,
            {
              fi: `${OPEN_DATA_TABLES[name].title.fi} (${format.toUpperCase()}, euroa)`,
              sv: `${OPEN_DATA_TABLES[name].title.sv} (${format.toUpperCase()}, euro)`,
              en: `${OPEN_DATA_TABLES[name].title.en} (${format.toUpperCase()}, euros)`,
            },
            `${api}/tables/${name}.${format}`,
            format,
            TABLE_MEDIA_TYPES[format],
            `${api}/tables/schema.json#/$defs/${name}`,
          ),
        ),
      ),
    ],
  };
}

/** JSON Schema (2020-12) of every table's rows, one definition per collection. */
export function tablesJsonSchema() {
  const jsonType = (type: string) =>
    type === 'text'
      ? { type: ['string', 'null'] }
      : type === 'boolean'
        ? { type: ['boolean', 'null'] }
        : type === 'integer'
          ? { type: ['integer', 'null'] }
          : { type: ['number', 'null'] };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Teemaseuranta open data tables',
    description: 'Rows of each collection as offered in JSON, CSV and XLSX; amounts in euros.',
    $defs: Object.fromEntries(
      OPEN_DATA_TABLE_NAMES.map((name) => {
        const { columns, title } = OPEN_DATA_TABLES[name];
        return [
          name,
          {
            title: title.en,
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: columns.map((c) => c.name),
              properties: Object.fromEntries(
                columns.map((c) => [
                  c.name,
                  {
                    ...jsonType(c.type),
                    description: c.description,
                    ...(c.type === 'euros' ? { 'x-unit': 'EUR' } : {}),
                  },
                ]),
              ),
            },
          },
        ];
      }),
    ),
  };
}
