/** Reading organisations and the roles they have in projects. */
import type { Db } from '../database.js';
import type { Organisation, OrganisationDetail } from '../../contracts/api.js';
import { InvalidCursorError } from './projects.js';
import { containsText, decodeCursor, encodeCursor, implementerRole, localized, staticQuery } from './shared.js';
import { totalWithoutCounting } from '../../domain/search.js';
import { parseFieldSources } from '../../domain/organisation-register.js';

export type OrganisationFilter = {
  q?: string | undefined;
  type?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

function baseQuery(db: Db) {
  return (
    db
      .selectFrom('organisations as o')
      .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
      .leftJoin('counties as c', 'c.id', 'm.county_id')
      // An organisation's own county (a wellbeing services county organisation's) comes before its
      // municipality's, as in the key figures (issue 20).
      .leftJoin('counties as oc', 'oc.id', 'o.county_id')
      .where('o.archived_at', 'is', null)
  );
}

const columns = [
  'o.id',
  'o.key',
  'o.name_fi',
  'o.name_sv',
  'o.name_en',
  'o.type',
  'o.business_id',
  'm.code as municipality_code',
  'm.name_fi as municipality_fi',
  'm.name_sv as municipality_sv',
  'c.id as county_id',
  'c.name_fi as county_fi',
  'c.name_sv as county_sv',
  'oc.id as own_county_id',
  'oc.name_fi as own_county_fi',
  'oc.name_sv as own_county_sv',
  'o.field_sources',
] as const;

type Row = Awaited<ReturnType<typeof select>>[number];
const select = (query: ReturnType<typeof baseQuery>) => query.select(columns).execute();

function toOrganisation(row: Row): Organisation {
  return {
    key: row.key,
    name: localized(row.name_fi, row.name_sv, row.name_en),
    type: row.type,
    businessId: row.business_id,
    municipality: row.municipality_code
      ? { code: row.municipality_code, name: localized(row.municipality_fi ?? '', row.municipality_sv, null) }
      : null,
    county: row.own_county_id
      ? { id: row.own_county_id, name: localized(row.own_county_fi ?? '', row.own_county_sv, null), basis: 'own' }
      : row.county_id
        ? { id: row.county_id, name: localized(row.county_fi ?? '', row.county_sv, null), basis: 'municipality' }
        : null,
  };
}

export async function listOrganisations(db: Db, filter: OrganisationFilter) {
  let filtered = baseQuery(db);
  if (filter.q) filtered = filtered.where(containsText('o.search_text', filter.q));
  if (filter.type) filtered = filtered.where('o.type', '=', filter.type);
  let pageQuery = filtered;
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    if (!after) throw new InvalidCursorError();
    const [name, id] = after;
    pageQuery = pageQuery.where((eb) =>
      eb.or([eb('o.name_fi', '>', name), eb.and([eb('o.name_fi', '=', name), eb('o.id', '>', id)])]),
    );
  }
  const rows = await select(
    pageQuery
      .orderBy('o.name_fi')
      .orderBy('o.id')
      .limit(filter.limit + 1),
  );
  const hasMore = rows.length > filter.limit;
  const pageRows = hasMore ? rows.slice(0, filter.limit) : rows;
  // A first page that is not full is every match: the total needs no count (domain/search.ts).
  const total =
    (filter.cursor ? undefined : totalWithoutCounting(0, filter.limit, pageRows.length)) ??
    Number((await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toOrganisation),
    page: {
      total,
      limit: filter.limit,
      nextCursor: hasMore && last ? encodeCursor([last.name_fi, Number(last.id)]) : null,
    },
  };
}

const entityColumns = [
  'e.key',
  'e.name_fi',
  'e.name_sv',
  'e.name_en',
  'e.kind',
  't.slug',
  't.name_fi as theme_fi',
  't.name_sv as theme_sv',
  't.name_en as theme_en',
] as const;

// An organisation's page is one of the most asked public reads: its three queries are static.
const organisationByKey = staticQuery((db, key: string) => baseQuery(db).where('o.key', '=', key).select(columns), 1);
const implementingRoles = staticQuery(
  (db, id: number) =>
    db
      .selectFrom('projects as p')
      .innerJoin('project_entities as e', 'e.id', 'p.entity_id')
      .innerJoin('themes as t', 't.id', 'e.theme_id')
      .select([...entityColumns, implementerRole, 'p.code'])
      .where('p.implementer_id', '=', id)
      .where('p.archived_at', 'is', null)
      .orderBy('e.name_fi'),
  1,
);
const partneringRoles = staticQuery(
  (db, id: number) =>
    db
      .selectFrom('project_entity_partners as pp')
      .innerJoin('project_entities as e', 'e.id', 'pp.entity_id')
      .innerJoin('themes as t', 't.id', 'e.theme_id')
      .select(entityColumns)
      .where('pp.organisation_id', '=', id)
      .orderBy('e.name_fi'),
  1,
);

export async function getOrganisation(db: Db, key: string): Promise<OrganisationDetail | null> {
  const [row] = await organisationByKey(db, key);
  if (!row) return null;
  const id = Number(row.id);
  const [implementing, partnering] = await Promise.all([implementingRoles(db, id), partneringRoles(db, id)]);
  const role = (r: (typeof partnering)[number]) => ({
    entity: { key: r.key, name: localized(r.name_fi, r.name_sv, r.name_en), kind: r.kind },
    theme: { slug: r.slug, name: localized(r.theme_fi, r.theme_sv, r.theme_en) },
  });
  return {
    ...toOrganisation(row),
    sources: presentSources(row),
    roles: [
      ...implementing.map((r) => ({ ...role(r), role: r.role, code: r.code })),
      ...partnering.map((r) => ({ ...role(r), role: 'partner' as const, code: null })),
    ],
  };
}

/** Where each value came from, as the API shows it (who typed it is in the record's history). */
export function presentSources(row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(parseFieldSources(row.field_sources as string | null | undefined)).map(([field, s]) => [
      field,
      { source: s.source, at: s.at, ...(s.register ? { register: s.register } : {}) },
    ]),
  );
}
