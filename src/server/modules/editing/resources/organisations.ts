/** Organisations: shared by every theme, kept by finance experts. */
import { ZOrganisationRecord } from '../../../../contracts/records.js';
import { ZOrganisationCreate, ZOrganisationUpdate } from '../../../../contracts/write-inputs.js';
import type { EditableResource } from '../resource.js';
import { isValidBusinessId } from '../../../../domain/business-id.js';
import { RuleViolationError } from '../../../../domain/errors.js';
import { localizedColumns, localizedOf, pick } from '../fields.js';

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
  toColumns: async (db, input, existing) => {
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
    return {
      ...(existing ? {} : { key: input.key }),
      ...localizedColumns(input, 'name', 'name'),
      ...pick(input, { businessId: 'business_id', type: 'type', municipality: 'municipality_code' }),
      search_text: [searchName.fi, searchName.sv, businessId].filter(Boolean).join(' ').toLowerCase(),
    };
  },
  record: ZOrganisationRecord,
  present: async (_db, row) => ({
    key: row.key,
    name: localizedOf(row, 'name'),
    businessId: row.business_id ?? null,
    type: row.type ?? null,
    municipality: row.municipality_code ?? null,
    archived: row.archived_at !== null,
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
