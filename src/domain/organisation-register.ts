/**
 * The organisation register (issue 20): what the open data of the Finnish Patent and Registration
 * Office (YTJ open-data API v3, `GET /companies`) says of an organisation, set beside what is stored,
 * field by field, and where each stored value came from. No I/O here: the client that asks the
 * register is src/server/modules/organisations/register-client.ts.
 *
 * The register's own shape (v3): a company has `businessId.value`, `names[]` (`type` "1" the
 * company name, "2" a parallel name; the current one has no `endDate`), `companyForms[]` (`type`
 * code and `descriptions[]` with `languageCode` "1" fi, "2" sv, "3" en), `mainBusinessLine`
 * (`type`, the TOL 2008 code, and `descriptions[]`), `addresses[]` (`type` 1 street address, 2
 * postal address, each with `postOffices[]` of `city`, `languageCode` and `municipalityCode`) and
 * `registrationDate`. The record has no separate registered-office field: the municipality is the
 * one its street address's post office lies in (its postal address's when it has no street address).
 */
import { isValidBusinessId } from './business-id.js';
import type { LocalizedText } from './errors.js';

export const REGISTER_NAME = 'YTJ';

/** The part of a v3 company this service reads; the client checks an answer has this shape. */
export type YtjDescription = { languageCode: string; description?: string | null | undefined };
export type YtjCompany = {
  businessId: { value: string };
  names?: { name: string; type: string; endDate?: string | null | undefined }[] | undefined;
  companyForms?:
    { type: string; descriptions?: YtjDescription[] | undefined; endDate?: string | null | undefined }[] | undefined;
  mainBusinessLine?: { type: string; descriptions?: YtjDescription[] | undefined } | null | undefined;
  addresses?:
    | {
        type: number;
        endDate?: string | null | undefined;
        postOffices?:
          { city: string; languageCode: string; municipalityCode?: string | null | undefined }[] | undefined;
      }[]
    | undefined;
  registrationDate?: string | null | undefined;
};

/** A register entry as this service shows it. */
export type RegisterCompany = {
  businessId: string;
  /** The current company name, and the current parallel name (often the Swedish one). */
  name: string | null;
  parallelName: string | null;
  companyForm: { code: string; name: LocalizedText } | null;
  /** The organisation type the company form suggests, and whether it follows from the form alone. */
  suggestedType: { type: string; certain: boolean } | null;
  municipality: string | null;
  businessLine: { code: string; name: LocalizedText } | null;
  registeredOn: string | null;
};

const current = <T extends { endDate?: string | null | undefined }>(rows: T[] | undefined): T[] =>
  (rows ?? []).filter((row) => !row.endDate);

function described(descriptions: YtjDescription[] | undefined): LocalizedText {
  const text = (code: string) => descriptions?.find((d) => d.languageCode === code)?.description ?? null;
  const fi = text('1') ?? text('3') ?? text('2') ?? '';
  return { fi, sv: text('2') ?? fi, en: text('3') ?? fi };
}

/**
 * The organisation type a company form suggests. Only some forms say what an organisation is
 * (`certain`): a university of applied sciences is a limited company and many universities are
 * foundations, so a limited company or a foundation is only a suggestion a person confirms.
 */
export function typeOfCompanyForm(formName: string): { type: string; certain: boolean } | null {
  const name = formName.trim().toLowerCase();
  if (name === 'hyvinvointialue') return { type: 'wellbeing_services_county', certain: true };
  if (name === 'kuntayhtymä') return { type: 'joint_municipal_authority', certain: true };
  if (name === 'kunta') return { type: 'municipality', certain: true };
  if (name.includes('seurakunta') || name.includes('uskonnollinen yhdyskunta'))
    return { type: 'parish', certain: true };
  if (name.includes('yhdistys')) return { type: 'association', certain: true };
  if (name.includes('säätiö')) return { type: 'foundation', certain: false };
  if (name.includes('valtion') || name.includes('virasto')) return { type: 'state_agency', certain: false };
  if (name.includes('osakeyhtiö') || name.includes('osuuskunta') || name.includes('yhtiö'))
    return { type: 'company', certain: false };
  return null;
}

function municipalityOf(company: YtjCompany): string | null {
  const addresses = current(company.addresses);
  for (const type of [1, 2]) {
    for (const address of addresses.filter((a) => a.type === type)) {
      const code = address.postOffices?.find((office) => office.municipalityCode)?.municipalityCode;
      // Municipality codes are three digits; the register may drop the leading zeros ("91").
      if (code && /^\d{1,3}$/.test(code)) return code.padStart(3, '0');
    }
  }
  return null;
}

export function registerCompanyOf(company: YtjCompany): RegisterCompany {
  const names = current(company.names);
  const form = current(company.companyForms)[0];
  const formName = form ? described(form.descriptions) : null;
  const line = company.mainBusinessLine;
  return {
    businessId: company.businessId.value,
    name: names.find((n) => n.type === '1')?.name ?? null,
    parallelName: names.find((n) => n.type === '2')?.name ?? null,
    companyForm: form && formName ? { code: form.type, name: formName } : null,
    suggestedType: formName ? typeOfCompanyForm(formName.fi) : null,
    municipality: municipalityOf(company),
    businessLine: line ? { code: line.type, name: described(line.descriptions) } : null,
    registeredOn: company.registrationDate ?? null,
  };
}

/** The fields the register can give a value for, as the organisation form names them. */
export const REGISTER_FIELDS = ['name.fi', 'name.sv', 'businessId', 'type', 'municipality'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export type StoredOrganisation = {
  name: { fi: string; sv: string | null };
  businessId: string | null;
  type: string | null;
  municipality: string | null;
};

export function storedValue(stored: StoredOrganisation, field: RegisterField): string | null {
  switch (field) {
    case 'name.fi':
      return stored.name.fi || null;
    case 'name.sv':
      return stored.name.sv;
    case 'businessId':
      return stored.businessId;
    case 'type':
      return stored.type;
    case 'municipality':
      return stored.municipality;
  }
}

export function registerValue(company: RegisterCompany, field: RegisterField): string | null {
  switch (field) {
    case 'name.fi':
      return company.name;
    case 'name.sv':
      return company.parallelName;
    case 'businessId':
      return company.businessId;
    case 'type':
      return company.suggestedType?.type ?? null;
    case 'municipality':
      return company.municipality;
  }
}

/**
 * Per field: `same`; `fill` (nothing stored, the register has a value); `conflict` (both, and they
 * differ: a person decides); `decide` (nothing stored, but the register's value is only a
 * suggestion, a type from a company form that does not settle it); `absent` (the register has none).
 */
export type FieldState = 'same' | 'fill' | 'conflict' | 'decide' | 'absent';
export type FieldComparison = {
  field: RegisterField;
  stored: string | null;
  register: string | null;
  state: FieldState;
};

export function compareWithRegister(stored: StoredOrganisation, company: RegisterCompany): FieldComparison[] {
  return REGISTER_FIELDS.map((field) => {
    const mine = storedValue(stored, field);
    const theirs = registerValue(company, field);
    const state: FieldState =
      theirs === null
        ? 'absent'
        : mine === theirs
          ? 'same'
          : mine !== null
            ? 'conflict'
            : field === 'type' && !company.suggestedType?.certain
              ? 'decide'
              : 'fill';
    return { field, stored: mine, register: theirs, state };
  });
}

/** Where a stored value came from: typed in by a person, or taken from the register on a day. */
export type FieldSource = {
  source: 'person' | 'register';
  /** The instant it was stored (the register's value as it stood then). */
  at: string;
  by?: string | null | undefined;
  register?: { name: string; businessId: string } | undefined;
};
export type FieldSources = Partial<Record<RegisterField, FieldSource>>;

/** The stored JSON, read leniently: an entry that is not a source is left out, never an error. */
export function parseFieldSources(text: string | null | undefined): FieldSources {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const sources: FieldSources = {};
  for (const field of REGISTER_FIELDS) {
    const entry = (parsed as Record<string, unknown>)[field];
    if (typeof entry !== 'object' || entry === null) continue;
    const { source, at, by, register } = entry as Record<string, unknown>;
    if ((source !== 'person' && source !== 'register') || typeof at !== 'string') continue;
    const reg = register as { name?: unknown; businessId?: unknown } | undefined;
    sources[field] = {
      source,
      at,
      by: typeof by === 'string' ? by : null,
      ...(reg && typeof reg.name === 'string' && typeof reg.businessId === 'string'
        ? { register: { name: reg.name, businessId: reg.businessId } }
        : {}),
    };
  }
  return sources;
}

export function withSources(
  sources: FieldSources,
  fields: readonly RegisterField[],
  source: FieldSource,
): FieldSources {
  const next = { ...sources };
  for (const field of fields) next[field] = source;
  return next;
}

/** A Y-tunnus to look up, refused before any request when it cannot be one (field `businessId`). */
export function businessIdRefusal(text: string): { field: string; message: LocalizedText } | null {
  if (!/^\d{7}-\d$/.test(text))
    return {
      field: 'businessId',
      message: {
        fi: 'Y-tunnus kirjoitetaan muodossa 1234567-8.',
        sv: 'FO-numret skrivs i formen 1234567-8.',
        en: 'A business ID is written as 1234567-8.',
      },
    };
  if (!isValidBusinessId(text))
    return {
      field: 'businessId',
      message: {
        fi: 'Y-tunnuksen tarkistusmerkki ei täsmää.',
        sv: 'FO-numrets kontrolltecken stämmer inte.',
        en: 'The business ID check digit does not match.',
      },
    };
  return null;
}

/** Why the register could not be asked, worded for the person who asked. */
export type RegisterFailure = 'off' | 'timeout' | 'unavailable' | 'invalid_answer';

export const REGISTER_FAILURES: Record<RegisterFailure, LocalizedText> = {
  off: {
    fi: 'Rekisterihaku ei ole käytössä tässä palvelussa (REGISTER_URL puuttuu).',
    sv: 'Registersökningen används inte i den här tjänsten (REGISTER_URL saknas).',
    en: 'Register look-ups are not in use in this service (REGISTER_URL is not set).',
  },
  timeout: {
    fi: 'YTJ ei vastannut ajoissa. Mitään ei muutettu; yritä myöhemmin uudelleen.',
    sv: 'FDS svarade inte i tid. Inget ändrades; försök igen senare.',
    en: 'The register (YTJ) did not answer in time. Nothing was changed; try again later.',
  },
  unavailable: {
    fi: 'YTJ ei ole nyt käytettävissä. Mitään ei muutettu; yritä myöhemmin uudelleen.',
    sv: 'FDS är inte tillgängligt nu. Inget ändrades; försök igen senare.',
    en: 'The register (YTJ) is not available now. Nothing was changed; try again later.',
  },
  invalid_answer: {
    fi: 'YTJ:n vastausta ei voitu lukea. Mitään ei muutettu.',
    sv: 'FDS svar kunde inte läsas. Inget ändrades.',
    en: 'The register (YTJ) answered in a form that could not be read. Nothing was changed.',
  },
};
