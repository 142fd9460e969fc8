/** Reading project entities (single projects and group projects) with their projects and partners. */
import { sql } from 'kysely';
import type { Db, DialectName } from '../database.js';
import type { ProjectEntity, ProjectEntityDetail, ProjectSort } from '../../contracts/api.js';
import type { Ministry } from '../../domain/figures.js';
import { containsText, groupBy, hasLikeWildcards, implementerRole, localized, period, staticQuery } from './shared.js';
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
      .execute(),
  ]);
  const projectsOf = groupBy(projects, (row) => Number(row.entity_id));
  const ministriesOf = groupBy(ministries, (row) => Number(row.entity_id));
  const partnersOf = groupBy(partners, (row) => Number(row.entity_id));
  return rows.map((row) => {
    const id = Number(row.id);
    const members = projectsOf.get(id) ?? [];
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
      ministries: (ministriesOf.get(id) ?? []).map((m) => m.ministry as Ministry),
      projects: members.map((p) => ({
        code: p.code,
        role: p.role,
        implementer: { key: p.key, name: localized(p.name_fi, p.name_sv, p.name_en), type: p.type },
        costEstimate: p.cost_estimate_cents,
      })),
      partners: (partnersOf.get(id) ?? []).map((o) => ({
        key: o.key,
        name: localized(o.name_fi, o.name_sv, o.name_en),
        type: o.type,
      })),
    };
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

// A project's page is one of the most asked public reads: its own queries are static (hydrate's
// take a list of any length, and are built per call).
const entityByKey = staticQuery((db, key: string) => baseQuery(db).where('e.key', '=', key).select(entityColumns), 1);
const callById = staticQuery(
  (db, id: number) => db.selectFrom('calls').select(['key', 'name_fi', 'name_sv', 'name_en']).where('id', '=', id),
  1,
);
const contentAreaById = staticQuery(
  (db, id: number) =>
    db.selectFrom('content_areas').select(['key', 'name_fi', 'name_sv', 'name_en']).where('id', '=', id),
  1,
);
const sectorsOf = staticQuery(
  (db, id: number) =>
    db.selectFrom('project_entity_sectors').select('sector_key').where('entity_id', '=', id).orderBy('sector_key'),
  1,
);
const statusHistoryOf = staticQuery(
  (db, id: number) =>
    db
      .selectFrom('project_status_history')
      .select(['status', 'valid_from', 'source'])
      .where('entity_id', '=', id)
      .orderBy('valid_from')
      .orderBy('id'),
  1,
);

export async function getProjectEntity(db: Db, key: string): Promise<ProjectEntityDetail | null> {
  const [row] = await entityByKey(db, key);
  if (!row) return null;
  const id = Number(row.id);
  const [[entity], [call], [area], sectors, statusHistory] = await Promise.all([
    hydrate(db, [row]),
    row.call_id === null ? [] : callById(db, row.call_id),
    row.content_area_id === null ? [] : contentAreaById(db, row.content_area_id),
    sectorsOf(db, id),
    statusHistoryOf(db, id),
  ]);
  return {
    ...entity!,
    call: call ? { key: call.key, name: localized(call.name_fi, call.name_sv, call.name_en) } : null,
    contentArea: area ? { key: area.key, name: localized(area.name_fi, area.name_sv, area.name_en) } : null,
    sectors: sectors.map((s) => s.sector_key),
    statusHistory: statusHistory.map((change) => ({
      status: change.status,
      from: change.valid_from,
      source: change.source,
    })),
    source: row.source,
  };
}
