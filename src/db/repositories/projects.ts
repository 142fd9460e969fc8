/** Reading project entities (single projects and group projects) with their projects and partners. */
import { sql } from 'kysely';
import type { Db, DialectName } from '../database.js';
import type { ProjectEntity, ProjectEntityDetail, ProjectSort } from '../../contracts/api.js';
import type { Ministry } from '../../domain/figures.js';
import {
  containsText,
  groupBy,
  hasLikeWildcards,
  implementerRole,
  implementerRoleValue,
  jsonList,
  localized,
  period,
  readList,
  staticQuery,
} from './shared.js';
import { totalWithoutCounting } from '../../domain/search.js';

export type ProjectFilter = {
  theme?: string | undefined;
  status?: string | undefined;
  organisation?: string | undefined;
  code?: string | undefined;
  q?: string | undefined;
  ministry?: Ministry | undefined;
  /** Wellbeing services county id, or "helsinki". */
  county?: string | undefined;
  /** A sector key (matches its services too) or a service key. */
  sector?: string | undefined;
  /** Entities whose period overlaps this year. */
  year?: number | undefined;
  sort?: ProjectSort | undefined;
  limit: number;
  cursor?: string | undefined;
};

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API gave out');
    this.name = 'InvalidCursorError';
  }
}

const entityColumns = [
  'e.id',
  'e.key',
  'e.kind',
  'e.group_code',
  'e.name_fi',
  'e.name_sv',
  'e.name_en',
  'e.type',
  'e.status',
  'e.period_start',
  'e.period_end',
  'e.period_text',
  'e.period_start_inferred',
  'e.period_end_inferred',
  'e.decided_on',
  'e.cost_estimate_cents',
  'e.cost_estimate_rounded',
  'e.website',
  'e.call_id',
  'e.content_area_id',
  'e.source',
  't.slug as theme_slug',
  't.name_fi as theme_name_fi',
  't.name_sv as theme_name_sv',
  't.name_en as theme_name_en',
] as const;

function baseQuery(db: Db) {
  return db
    .selectFrom('project_entities as e')
    .innerJoin('themes as t', 't.id', 'e.theme_id')
    .where('e.archived_at', 'is', null);
}

type Filterable = ReturnType<typeof baseQuery>;

function applyFilter(query: Filterable, filter: ProjectFilter, dialect: DialectName): Filterable {
  let q = query;
  if (filter.theme) q = q.where('t.slug', '=', filter.theme);
  if (filter.status) q = q.where('e.status', '=', filter.status);
  if (filter.code) {
    const code = filter.code;
    q = q.where((eb) =>
      eb.or([
        eb('e.group_code', '=', code),
        eb.exists(
          eb.selectFrom('projects as p').select('p.id').whereRef('p.entity_id', '=', 'e.id').where('p.code', '=', code),
        ),
      ]),
    );
  }
  if (filter.organisation) {
    const key = filter.organisation;
    q = q.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('projects as p')
            .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
            .select('p.id')
            .whereRef('p.entity_id', '=', 'e.id')
            .where('o.key', '=', key),
        ),
        eb.exists(
          eb
            .selectFrom('project_entity_partners as pp')
            .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
            .select('pp.entity_id')
            .whereRef('pp.entity_id', '=', 'e.id')
            .where('o.key', '=', key),
        ),
      ]),
    );
  }
  if (filter.q) {
    const text = filter.q;
    // The same LIKE either way. On PostgreSQL the pg_trgm index serves the column itself and the
    // planner weighs it against the other filters. SQLite's planner cannot: there the trigram FTS5
    // table (migration 0005) answers the LIKE from its index, unless a theme, an organisation or a
    // code has already narrowed the entities to a few hundred, which are cheaper to read than a
    // common word's list of matches across every theme. FTS5 serves only a LIKE without ESCAPE, so
    // text with `%`, `_` or `\` (matched literally, see containsText) reads the column instead.
    const narrowed = Boolean(filter.theme || filter.organisation || filter.code);
    q =
      dialect === 'sqlite' && !narrowed && !hasLikeWildcards(text)
        ? q.where(
            sql<boolean>`e.id in (select rowid from project_entities_search where search_text like ${`%${text.toLowerCase()}%`})`,
          )
        : q.where(containsText('e.search_text', text));
  }
  if (filter.ministry) {
    const ministry = filter.ministry;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('project_entity_ministries as pm')
          .select('pm.entity_id')
          .whereRef('pm.entity_id', '=', 'e.id')
          .where('pm.ministry', '=', ministry),
      ),
    );
  }
  if (filter.county) {
    const county = filter.county;
    q = q.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('projects as p')
            .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
            .innerJoin('municipalities as m', 'm.code', 'o.municipality_code')
            .select('p.id')
            .whereRef('p.entity_id', '=', 'e.id')
            .where('p.archived_at', 'is', null)
            .where('m.county_id', '=', county),
        ),
        eb.exists(
          eb
            .selectFrom('project_entity_partners as pp')
            .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
            .innerJoin('municipalities as m', 'm.code', 'o.municipality_code')
            .select('pp.entity_id')
            .whereRef('pp.entity_id', '=', 'e.id')
            .where('m.county_id', '=', county),
        ),
      ]),
    );
  }
  if (filter.sector) {
    const sector = filter.sector;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('project_entity_sectors as ps')
          .innerJoin('sectors as s', 's.key', 'ps.sector_key')
          .select('ps.entity_id')
          .whereRef('ps.entity_id', '=', 'e.id')
          .where((inner) => inner.or([inner('s.key', '=', sector), inner('s.parent_key', '=', sector)])),
      ),
    );
  }
  if (filter.year !== undefined) {
    // Periods are ISO dates of reduced precision ("2023", "2025-12", "2024-09-01"); compared as
    // text they order correctly against the year's first and last day.
    const first = String(filter.year);
    const last = `${filter.year}-12-31`;
    q = q.where((eb) =>
      eb.and([
        eb.or([eb('e.period_start', 'is not', null), eb('e.period_end', 'is not', null)]),
        eb.or([eb('e.period_start', 'is', null), eb('e.period_start', '<=', last)]),
        eb.or([eb('e.period_end', 'is', null), eb('e.period_end', '>=', first)]),
      ]),
    );
  }
  return q;
}

/** What each sort orders by; the id breaks ties so that every entity has one place. */
const SORT_COLUMNS = { name: 'e.name_fi', cost: 'e.cost_estimate_cents', start: 'e.period_start' } as const;
type SortField = keyof typeof SORT_COLUMNS;
type SortValue = string | number | null;

function parseSort(sort: ProjectSort = 'name'): { sort: ProjectSort; field: SortField; descending: boolean } {
  const descending = sort.startsWith('-');
  return { sort, field: (descending ? sort.slice(1) : sort) as SortField, descending };
}

/**
 * Keyset cursor: the sort it belongs to, the sort value of the last item of the page and its id,
 * base64url-encoded JSON. A cursor from another sort, or one this API did not give out, is rejected.
 */
function encodeProjectCursor(sort: ProjectSort, value: SortValue, id: number): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function decodeProjectCursor(
  cursor: string,
  sort: ProjectSort,
  field: SortField,
): { value: SortValue; id: number } | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) return null;
  const [cursorSort, value, id] = decoded as unknown[];
  if (cursorSort !== sort || !Number.isSafeInteger(id)) return null;
  const valueType = field === 'cost' ? 'number' : 'string';
  if (value === null ? field === 'name' : typeof value !== valueType) return null;
  return { value: value as SortValue, id: id as number };
}

type EntityRow = Awaited<ReturnType<typeof selectEntities>>[number];
const selectEntities = (query: Filterable) => query.select(entityColumns).execute();

type MemberRow = {
  code: string | null;
  role: 'main' | 'sub' | 'not_stated';
  cost_estimate_cents: number | null;
  key: string;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  type: string | null;
};
type PartnerRow = Pick<MemberRow, 'key' | 'name_fi' | 'name_sv' | 'name_en' | 'type'>;

/** An entity with its members, ministries and partners as the API shows it. */
function toEntity(row: EntityRow, members: MemberRow[], ministries: string[], partners: PartnerRow[]): ProjectEntity {
  return {
    key: row.key,
    kind: row.kind,
    groupCode: row.group_code,
    codes: [row.group_code, ...members.map((p) => p.code)].filter((code): code is string => Boolean(code)),
    name: localized(row.name_fi, row.name_sv, row.name_en),
    theme: { slug: row.theme_slug, name: localized(row.theme_name_fi, row.theme_name_sv, row.theme_name_en) },
    type: row.type,
    status: row.status,
    decidedOn: row.decided_on,
    period: period(row.period_start, row.period_end, row.period_text, {
      start: row.period_start_inferred,
      end: row.period_end_inferred,
    }),
    costEstimate: row.cost_estimate_cents,
    costEstimateRounded: row.cost_estimate_rounded === 1,
    website: row.website,
    ministries: ministries as Ministry[],
    projects: members.map((p) => ({
      code: p.code,
      role: p.role,
      implementer: { key: p.key, name: localized(p.name_fi, p.name_sv, p.name_en), type: p.type },
      costEstimate: p.cost_estimate_cents === null ? null : Number(p.cost_estimate_cents),
    })),
    partners: partners.map((o) => ({
      key: o.key,
      name: localized(o.name_fi, o.name_sv, o.name_en),
      type: o.type,
    })),
  };
}

/** Projects, ministries and partners of many entities in three queries, whatever the page size. */
async function hydrate(db: Db, rows: EntityRow[]): Promise<ProjectEntity[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => Number(row.id));
  const [projects, ministries, partners] = await Promise.all([
    db
      .selectFrom('projects as p')
      .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
      .select([
        'p.entity_id',
        'p.code',
        implementerRole,
        'p.cost_estimate_cents',
        'o.key',
        'o.name_fi',
        'o.name_sv',
        'o.name_en',
        'o.type',
      ])
      .where('p.entity_id', 'in', ids)
      .where('p.archived_at', 'is', null)
      .orderBy('p.entity_id')
      .orderBy('p.position')
      .execute(),
    db.selectFrom('project_entity_ministries').selectAll().where('entity_id', 'in', ids).orderBy('ministry').execute(),
    db
      .selectFrom('project_entity_partners as pp')
      .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
      .select(['pp.entity_id', 'o.key', 'o.name_fi', 'o.name_sv', 'o.name_en', 'o.type'])
      .where('pp.entity_id', 'in', ids)
      .orderBy('o.name_fi')
      .orderBy('o.key')
      .execute(),
  ]);
  const projectsOf = groupBy(projects, (row) => Number(row.entity_id));
  const ministriesOf = groupBy(ministries, (row) => Number(row.entity_id));
  const partnersOf = groupBy(partners, (row) => Number(row.entity_id));
  return rows.map((row) => {
    const id = Number(row.id);
    return toEntity(
      row,
      projectsOf.get(id) ?? [],
      (ministriesOf.get(id) ?? []).map((m) => m.ministry),
      partnersOf.get(id) ?? [],
    );
  });
}

/**
 * A page of project entities in the requested order (name by default), with keyset pagination: any
 * page costs the same. Entities whose sort value is unknown come last in either direction.
 */
export async function listProjectEntities(db: Db, filter: ProjectFilter, dialect: DialectName) {
  const { sort, field, descending } = parseSort(filter.sort);
  const column = SORT_COLUMNS[field];
  const filtered = applyFilter(baseQuery(db), filter, dialect);
  let pageQuery = filtered;
  if (filter.cursor) {
    const after = decodeProjectCursor(filter.cursor, sort, field);
    if (!after) throw new InvalidCursorError();
    const { value, id } = after;
    pageQuery = pageQuery.where((eb) =>
      value === null
        ? eb.and([eb(column, 'is', null), eb('e.id', '>', id)])
        : eb.or([
            eb(column, descending ? '<' : '>', value),
            eb.and([eb(column, '=', value), eb('e.id', '>', id)]),
            eb(column, 'is', null),
          ]),
    );
  }
  const ordered = pageQuery
    .orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`)
    .orderBy(column, descending ? 'desc' : 'asc')
    .orderBy('e.id');
  const rows = await selectEntities(ordered.limit(filter.limit + 1));
  const hasMore = rows.length > filter.limit;
  const pageRows = hasMore ? rows.slice(0, filter.limit) : rows;
  // A first page that is not full is every match: the total needs no count (domain/search.ts).
  const total =
    (filter.cursor ? undefined : totalWithoutCounting(0, filter.limit, pageRows.length)) ??
    Number((await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  const last = pageRows.at(-1);
  const lastValue = (row: EntityRow): SortValue =>
    field === 'name' ? row.name_fi : field === 'cost' ? row.cost_estimate_cents : row.period_start;
  return {
    items: await hydrate(db, pageRows),
    page: {
      total,
      limit: filter.limit,
      nextCursor: hasMore && last ? encodeProjectCursor(sort, lastValue(last), Number(last.id)) : null,
    },
  };
}

// A project's page is one of the most asked public reads: one static statement, its lists as JSON
// columns (shared.ts jsonList) and its call and content area joined, instead of seven statements.
const projectPage = staticQuery(
  (db, key: string) =>
    baseQuery(db)
      .leftJoin('calls as c', 'c.id', 'e.call_id')
      .leftJoin('content_areas as ca', 'ca.id', 'e.content_area_id')
      .where('e.key', '=', key)
      .select(entityColumns)
      .select([
        'c.key as call_key',
        'c.name_fi as call_name_fi',
        'c.name_sv as call_name_sv',
        'c.name_en as call_name_en',
        'ca.key as area_key',
        'ca.name_fi as area_name_fi',
        'ca.name_sv as area_name_sv',
        'ca.name_en as area_name_en',
      ])
      .select((eb) => [
        eb
          .selectFrom('projects as p')
          .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
          .select((sub) =>
            jsonList<MemberRow>(
              db,
              {
                code: sub.ref('p.code'),
                role: implementerRoleValue,
                cost_estimate_cents: sub.ref('p.cost_estimate_cents'),
                key: sub.ref('o.key'),
                name_fi: sub.ref('o.name_fi'),
                name_sv: sub.ref('o.name_sv'),
                name_en: sub.ref('o.name_en'),
                type: sub.ref('o.type'),
              },
              [sub.ref('p.position')],
            ).as('list'),
          )
          .whereRef('p.entity_id', '=', 'e.id')
          .where('p.archived_at', 'is', null)
          .as('members_json'),
        eb
          .selectFrom('project_entity_ministries as m')
          .select((sub) =>
            jsonList<{ ministry: string }>(db, { ministry: sub.ref('m.ministry') }, [sub.ref('m.ministry')]).as('list'),
          )
          .whereRef('m.entity_id', '=', 'e.id')
          .as('ministries_json'),
        eb
          .selectFrom('project_entity_partners as pp')
          .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
          .select((sub) =>
            jsonList<PartnerRow>(
              db,
              {
                key: sub.ref('o.key'),
                name_fi: sub.ref('o.name_fi'),
                name_sv: sub.ref('o.name_sv'),
                name_en: sub.ref('o.name_en'),
                type: sub.ref('o.type'),
              },
              [sub.ref('o.name_fi'), sub.ref('o.key')],
            ).as('list'),
          )
          .whereRef('pp.entity_id', '=', 'e.id')
          .as('partners_json'),
        eb
          .selectFrom('project_entity_sectors as s')
          .select((sub) =>
            jsonList<{ sector_key: string }>(db, { sector_key: sub.ref('s.sector_key') }, [sub.ref('s.sector_key')]).as(
              'list',
            ),
          )
          .whereRef('s.entity_id', '=', 'e.id')
          .as('sectors_json'),
        eb
          .selectFrom('project_status_history as h')
          .select((sub) =>
            jsonList<{ status: string; valid_from: string; source: string | null }>(
              db,
              { status: sub.ref('h.status'), valid_from: sub.ref('h.valid_from'), source: sub.ref('h.source') },
              [sub.ref('h.valid_from'), sub.ref('h.id')],
            ).as('list'),
          )
          .whereRef('h.entity_id', '=', 'e.id')
          .as('history_json'),
      ]),
  1,
);

export async function getProjectEntity(db: Db, key: string): Promise<ProjectEntityDetail | null> {
  const [row] = await projectPage(db, key);
  if (!row) return null;
  const entity = toEntity(
    row,
    readList(row.members_json),
    readList(row.ministries_json).map((m) => m.ministry),
    readList(row.partners_json),
  );
  return {
    ...entity,
    call: row.call_key
      ? { key: row.call_key, name: localized(row.call_name_fi!, row.call_name_sv, row.call_name_en) }
      : null,
    contentArea: row.area_key
      ? { key: row.area_key, name: localized(row.area_name_fi!, row.area_name_sv, row.area_name_en) }
      : null,
    sectors: readList(row.sectors_json).map((s) => s.sector_key),
    statusHistory: readList(row.history_json).map((change) => ({
      status: change.status,
      from: change.valid_from,
      source: change.source,
    })),
    source: row.source,
  };
}
