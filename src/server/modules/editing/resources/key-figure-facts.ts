/**
 * The facts behind a theme's key figures, kept by the theme's finance expert and coordinator
 * (`figures.facts.edit`): per project entity its funding ministries with their shares, its sectors
 * from the service's list and its partners; per organisation taking part in a theme its type,
 * municipality and, for a wellbeing services county organisation, its own county. The rules are in
 * src/domain/key-figure-facts.ts; a refusal names the field and the reason in fi/sv/en.
 */
import {
  ZMinistryShareInput as ZShare,
  ZOrganisationPlaceUpdate,
  ZProjectFactsUpdate,
} from '../../../../contracts/write-inputs.js';
import { z } from 'zod';
import { ZOrganisationPlaceRecord, ZProjectFactsRecord } from '../../../../contracts/records.js';
import type { Db } from '../../../../db/database.js';
import { RuleViolationError } from '../../../../domain/errors.js';
import {
  checkMinistryShares,
  checkSectors,
  normaliseShares,
  unknownMunicipality,
  type FactProblem,
  type MinistryShare,
} from '../../../../domain/key-figure-facts.js';
import type { EditableResource, Row } from '../resource.js';
import { themeScope } from '../resource.js';
import { localizedOf, organisationIdOf, themeSlugOf } from '../fields.js';
import { sourcesAfter } from './organisations.js';

const refuse = (problems: FactProblem[]) => {
  if (problems.length > 0) throw new RuleViolationError(problems);
};

const sharesOf = (input: Record<string, unknown>): MinistryShare[] =>
  (input.ministries as z.infer<typeof ZShare>[]).map((share) => ({
    ministry: share.ministry,
    share: share.share ?? null,
  }));

async function writeFacts(db: Db, row: Row, input: Record<string, unknown>): Promise<void> {
  const entityId = row.id;
  if (input.ministries) {
    await db.deleteFrom('project_entity_ministries').where('entity_id', '=', entityId).execute();
    for (const { ministry, share } of normaliseShares(sharesOf(input))) {
      await db
        .insertInto('project_entity_ministries')
        .values({ entity_id: entityId, ministry, share_percent: share })
        .execute();
    }
  }
  if (input.sectors) {
    await db.deleteFrom('project_entity_sectors').where('entity_id', '=', entityId).execute();
    for (const key of new Set(input.sectors as string[])) {
      await db.insertInto('project_entity_sectors').values({ entity_id: entityId, sector_key: key }).execute();
    }
  }
  if (input.partners) {
    const ids = [];
    for (const [index, key] of (input.partners as string[]).entries()) {
      ids.push(await organisationIdOf(db, key, `partners.${index}`));
    }
    await db.deleteFrom('project_entity_partners').where('entity_id', '=', entityId).execute();
    for (const id of new Set(ids)) {
      await db.insertInto('project_entity_partners').values({ entity_id: entityId, organisation_id: id }).execute();
    }
  }
}

export const projectFactsResource: EditableResource = {
  name: 'project-facts',
  collection: 'project-facts',
  table: 'project_entities',
  identifier: 'key',
  permission: 'figures.facts.edit',
  record: ZProjectFactsRecord,
  updateSchema: ZProjectFactsUpdate,
  archivable: false,
  scopeOfRow: (db, row) => themeScope(db, row.theme_id as number),
  toColumns: async (_db, input) => {
    const problems: FactProblem[] = [];
    if (input.ministries) problems.push(...checkMinistryShares(sharesOf(input)));
    if (input.sectors) problems.push(...checkSectors(input.sectors as string[]));
    refuse(problems);
    return {};
  },
  afterWrite: writeFacts,
  searchedBy: ['partners'],
  present: async (db, row) => {
    const [ministries, sectors, partners] = await Promise.all([
      db
        .selectFrom('project_entity_ministries')
        .select(['ministry', 'share_percent'])
        .where('entity_id', '=', row.id)
        .orderBy('ministry')
        .execute(),
      db
        .selectFrom('project_entity_sectors')
        .select('sector_key')
        .where('entity_id', '=', row.id)
        .orderBy('sector_key')
        .execute(),
      db
        .selectFrom('project_entity_partners as pp')
        .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
        .select('o.key')
        .where('pp.entity_id', '=', row.id)
        .orderBy('o.key')
        .execute(),
    ]);
    return {
      key: row.key,
      theme: await themeSlugOf(db, row.theme_id),
      kind: row.kind,
      name: localizedOf(row, 'name'),
      ministries: ministries.map((m) => ({ ministry: m.ministry, share: m.share_percent })),
      sectors: sectors.map((s) => s.sector_key),
      partners: partners.map((p) => p.key),
    };
  },
};

/** The themes an organisation takes part in (as an implementer or a partner): its scope here. */
async function themesOfOrganisation(db: Db, organisationId: number): Promise<number[]> {
  const [implementing, partnering] = await Promise.all([
    db
      .selectFrom('projects as p')
      .innerJoin('project_entities as e', 'e.id', 'p.entity_id')
      .select('e.theme_id')
      .where('p.implementer_id', '=', organisationId)
      .where('p.archived_at', 'is', null)
      .where('e.archived_at', 'is', null)
      .execute(),
    db
      .selectFrom('project_entity_partners as pp')
      .innerJoin('project_entities as e', 'e.id', 'pp.entity_id')
      .select('e.theme_id')
      .where('pp.organisation_id', '=', organisationId)
      .where('e.archived_at', 'is', null)
      .execute(),
  ]);
  return [...new Set([...implementing, ...partnering].map((row) => Number(row.theme_id)))].sort((x, y) => x - y);
}

export const organisationPlaceResource: EditableResource = {
  name: 'organisation-place',
  collection: 'organisation-places',
  table: 'organisations',
  identifier: 'key',
  permission: 'figures.facts.edit',
  record: ZOrganisationPlaceRecord,
  updateSchema: ZOrganisationPlaceUpdate,
  archivable: false,
  scopeOfRow: async (db, row) => ({ themeIds: await themesOfOrganisation(db, row.id) }),
  toColumns: async (db, input, existing, change) => {
    const problems: FactProblem[] = [];
    const columns: Record<string, unknown> = {};
    if ('type' in input) columns.type = input.type ?? null;
    if ('municipality' in input) {
      const code = input.municipality as string | null;
      if (code !== null) {
        const known = /^\d{3}$/.test(code)
          ? await db.selectFrom('municipalities').select('code').where('code', '=', code).executeTakeFirst()
          : undefined;
        if (!known) problems.push(unknownMunicipality('municipality', code));
      }
      columns.municipality_code = code;
    }
    if ('county' in input) {
      const county = input.county as string | null;
      const type = 'type' in input ? input.type : existing?.type;
      if (county !== null) {
        const known = await db.selectFrom('counties').select('id').where('id', '=', county).executeTakeFirst();
        if (!known) {
          problems.push({
            field: 'county',
            message: {
              fi: `Hyvinvointialuetta ${county} ei ole.`,
              sv: `Välfärdsområdet ${county} finns inte.`,
              en: `There is no wellbeing services county ${county}.`,
            },
          });
        } else if (type !== 'wellbeing_services_county') {
          problems.push({
            field: 'county',
            message: {
              fi: 'Alue annetaan vain hyvinvointialueen organisaatiolle; muiden alue seuraa kunnasta.',
              sv: 'Området anges bara för ett välfärdsområdes organisation; för andra följer det av kommunen.',
              en: 'A county is given only for a wellbeing services county organisation; for others it follows from the municipality.',
            },
          });
        }
      }
      columns.county_id = county;
      columns.county_basis = county === null ? null : ((input.countyBasis as string | null | undefined) ?? null);
    } else if ('countyBasis' in input) {
      columns.county_basis = input.countyBasis ?? null;
    }
    refuse(problems);
    // A type or municipality typed in here is a person's, as on the organisation form.
    const sources = change && sourcesAfter(existing, columns, { source: 'person', at: change.at, by: change.actor });
    if (sources !== undefined) columns.field_sources = sources;
    return columns;
  },
  present: async (db, row) => {
    const municipality = row.municipality_code
      ? await db
          .selectFrom('municipalities')
          .select(['county_id'])
          .where('code', '=', String(row.municipality_code))
          .executeTakeFirst()
      : undefined;
    return {
      key: row.key,
      name: localizedOf(row, 'name'),
      type: row.type ?? null,
      municipality: row.municipality_code ?? null,
      county: row.county_id ?? null,
      countyBasis: row.county_basis ?? null,
      /** The county the figures count it in: its own, else its municipality's. */
      countyOfFigures: (row.county_id as string | null) ?? municipality?.county_id ?? null,
    };
  },
};
