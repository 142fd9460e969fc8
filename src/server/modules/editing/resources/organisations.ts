/** Organisations: shared by every theme, kept by finance experts. */
import { ZOrganisationRecord } from '../../../../contracts/records.js';
import { ZOrganisationCreate, ZOrganisationUpdate } from '../../../../contracts/write-inputs.js';
import type { EditableResource, Row } from '../resource.js';
import { isValidBusinessId } from '../../../../domain/business-id.js';
import { RuleViolationError } from '../../../../domain/errors.js';
import { localizedColumns, localizedOf, pick } from '../fields.js';
import {
  REGISTER_FIELDS,
  parseFieldSources,
  type FieldSource,
  type FieldSources,
  type RegisterField,
} from '../../../../domain/organisation-register.js';
import { presentSources } from '../../../../db/repositories/organisations.js';

/** The column each field of the organisation form is stored in. */
export const FIELD_COLUMNS: Record<RegisterField, string> = {
  'name.fi': 'name_fi',
  'name.sv': 'name_sv',
  businessId: 'business_id',
  type: 'type',
  municipality: 'municipality_code',
};

/**
 * `field_sources` after a change: each field whose value the change sets anew gets `source`
 * (a person, or the register); a field cleared loses its entry. Undefined when no field changes.
 */
export function sourcesAfter(
  existing: Row | null,
  columns: Record<string, unknown>,
  source: FieldSource,
): string | undefined {
  const sources: FieldSources = parseFieldSources(existing?.field_sources as string | null | undefined);
  let changed = false;
  for (const field of REGISTER_FIELDS) {
    const column = FIELD_COLUMNS[field];
    if (!(column in columns)) continue;
    const value = columns[column] ?? null;
    if (value === (existing?.[column] ?? null)) continue;
    changed = true;
    if (value === null) delete sources[field];
    else sources[field] = source;
  }
  return changed ? JSON.stringify(sources) : undefined;
}

export const organisationResource: EditableResource = {
  name: 'organisation',
  collection: 'organisations',
  table: 'organisations',
  identifier: 'key',
  permission: 'organisation.edit',
  createSchema: ZOrganisationCreate,
  updateSchema: ZOrganisationUpdate,
  archivable: true,
  scopeOfRow: async () => ({}),
  scopeOfInput: async () => ({}),
  toColumns: async (db, input, existing, change) => {
    if (typeof input.businessId === 'string' && !isValidBusinessId(input.businessId)) {
      throw new RuleViolationError([
        {
          field: 'businessId',
          message: {
            fi: 'Y-tunnuksen tarkistusmerkki ei täsmää.',
            sv: 'FO-numrets kontrolltecken stämmer inte.',
            en: 'The business ID check digit does not match.',
          },
        },
      ]);
    }
    if (typeof input.municipality === 'string') {
      const known = await db
        .selectFrom('municipalities')
        .select('code')
        .where('code', '=', input.municipality)
        .executeTakeFirst();
      if (!known) {
        throw new RuleViolationError([
          {
            field: 'municipality',
            message: { fi: 'Tuntematon kuntanumero.', sv: 'Okänt kommunnummer.', en: 'Unknown municipality number.' },
          },
        ]);
      }
    }
    const name = input.name as { fi: string; sv?: string | null } | undefined;
    const businessId = 'businessId' in input ? input.businessId : existing?.business_id;
    const searchName = name ?? { fi: existing?.name_fi as string, sv: existing?.name_sv as string | null };
    const columns: Record<string, unknown> = {
      ...(existing ? {} : { key: input.key }),
      ...localizedColumns(input, 'name', 'name'),
      ...pick(input, { businessId: 'business_id', type: 'type', municipality: 'municipality_code' }),
      search_text: [searchName.fi, searchName.sv, businessId].filter(Boolean).join(' ').toLowerCase(),
    };
    const sources = change && sourcesAfter(existing, columns, { source: 'person', at: change.at, by: change.actor });
    if (sources !== undefined) columns.field_sources = sources;
    return columns;
  },
  record: ZOrganisationRecord,
  present: async (_db, row) => ({
    key: row.key,
    name: localizedOf(row, 'name'),
    businessId: row.business_id ?? null,
    type: row.type ?? null,
    municipality: row.municipality_code ?? null,
    archived: row.archived_at !== null,
    sources: presentSources(row),
  }),
  archiveBlocker: async (db, row) => {
    const used = await db
      .selectFrom('projects as p')
      .innerJoin('project_entities as e', 'e.id', 'p.entity_id')
      .select('e.key')
      .where('p.implementer_id', '=', row.id)
      .where('p.archived_at', 'is', null)
      .where('e.archived_at', 'is', null)
      .executeTakeFirst();
    const partner = used
      ? undefined
      : await db
          .selectFrom('project_entity_partners as pp')
          .innerJoin('project_entities as e', 'e.id', 'pp.entity_id')
          .select('e.key')
          .where('pp.organisation_id', '=', row.id)
          .where('e.archived_at', 'is', null)
          .executeTakeFirst();
    const key = used?.key ?? partner?.key;
    return key
      ? {
          fi: `Organisaatio on mukana hankkeessa ${key}; sitä ei voi poistaa.`,
          sv: `Organisationen deltar i projektet ${key}; den kan inte tas bort.`,
          en: `The organisation takes part in project ${key}; it cannot be removed.`,
        }
      : null;
  },
};
