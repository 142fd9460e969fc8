/**
 * Search across the service: the index rows (`search_documents`, migration 0010) and the query.
 *
 * Every write that changes what a record is found by rewrites that record's row in the same
 * transaction (`reindexAfterWrite` from the write API, `reindexSearch` from the minutes' workflow,
 * `rebuildSearchIndex` from the dataset loader), so a search never finds what is no longer there.
 * The words are the records' own; the query's stems come from domain/search.ts and are searched as
 * prefixes, the same on SQLite (FTS5) and PostgreSQL (tsvector), so both find the same records.
 */
import { sql } from 'kysely';
import type { Db, DialectName } from '../database.js';
import type { SearchDocumentsTable } from '../schema.js';
import { SEARCH_VECTOR_SQL } from '../migrations/0010-search.js';
import { highlight, snippet, totalWithoutCounting, type SearchQuery, type TextSegment } from '../../domain/search.js';

import { SEARCH_KINDS, type SearchKind } from '../../contracts/search.js';

type Document = Omit<SearchDocumentsTable, 'id'>;

/** Records whose index rows to rewrite, by kind: ids, or `'all'`. */
export type SearchChanges = Partial<Record<SearchKind, number[] | 'all'>>;

const text = (...parts: (string | null | undefined)[]) =>
  parts
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

const BATCH = 500;
const chunks = <T>(items: T[], size = BATCH): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

async function themeDocuments(db: Db, ids: number[] | 'all'): Promise<Document[]> {
  let query = db
    .selectFrom('themes')
    .select(['id', 'slug', 'name_fi', 'name_sv', 'name_en', 'short_name'])
    .where('archived_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', ids);
  const rows = await query.orderBy('id').execute();
  if (rows.length === 0) return [];
  const areas = await db
    .selectFrom('content_areas')
    .select(['theme_id', 'name_fi', 'name_sv'])
    .where('archived_at', 'is', null)
    .where(
      'theme_id',
      'in',
      rows.map((row) => Number(row.id)),
    )
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    kind: 'theme',
    record_id: Number(row.id),
    key: row.slug,
    theme_key: row.slug,
    title_fi: row.name_fi,
    title_sv: row.name_sv,
    body: text(
      row.short_name,
      row.name_en,
      ...areas.filter((a) => Number(a.theme_id) === Number(row.id)).flatMap((a) => [a.name_fi, a.name_sv]),
    ),
  }));
}

async function projectDocuments(db: Db, ids: number[] | 'all'): Promise<Document[]> {
  let query = db
    .selectFrom('project_entities as e')
    .innerJoin('themes as t', 't.id', 'e.theme_id')
    .select(['e.id', 'e.key', 'e.group_code', 'e.name_fi', 'e.name_sv', 'e.name_en', 't.slug'])
    .where('e.archived_at', 'is', null);
  if (ids !== 'all') query = query.where('e.id', 'in', ids);
  const rows = await query.orderBy('e.id').execute();
  if (rows.length === 0) return [];
  const entityIds = rows.map((row) => Number(row.id));
  const members = new Map<number, string[]>();
  const add = (entity: number, ...words: (string | null)[]) =>
    members.set(entity, [...(members.get(entity) ?? []), ...words.filter((w): w is string => w !== null)]);
  for (const chunk of chunks(entityIds)) {
    const projects = await db
      .selectFrom('projects as p')
      .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
      .select(['p.entity_id', 'p.code', 'o.name_fi', 'o.name_sv'])
      .where('p.archived_at', 'is', null)
      .where('p.entity_id', 'in', chunk)
      .orderBy('p.entity_id')
      .orderBy('p.position')
      .execute();
    for (const p of projects) add(Number(p.entity_id), p.code, p.name_fi, p.name_sv);
    const partners = await db
      .selectFrom('project_entity_partners as pp')
      .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
      .select(['pp.entity_id', 'o.name_fi', 'o.name_sv'])
      .where('pp.entity_id', 'in', chunk)
      .orderBy('pp.entity_id')
      .orderBy('o.name_fi')
      .execute();
    for (const p of partners) add(Number(p.entity_id), p.name_fi, p.name_sv);
  }
  return rows.map((row) => ({
    kind: 'project',
    record_id: Number(row.id),
    key: row.key,
    theme_key: row.slug,
    title_fi: row.name_fi,
    title_sv: row.name_sv,
    body: text(row.group_code, row.name_en, ...(members.get(Number(row.id)) ?? [])),
  }));
}

async function organisationDocuments(db: Db, ids: number[] | 'all'): Promise<Document[]> {
  let query = db
    .selectFrom('organisations')
    .select(['id', 'key', 'name_fi', 'name_sv', 'name_en', 'business_id'])
    .where('archived_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', ids);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({
    kind: 'organisation',
    record_id: Number(row.id),
    key: row.key,
    theme_key: null,
    title_fi: row.name_fi,
    title_sv: row.name_sv,
    body: text(row.name_en, row.business_id),
  }));
}

async function callDocuments(db: Db, ids: number[] | 'all'): Promise<Document[]> {
  let query = db
    .selectFrom('calls as c')
    .innerJoin('themes as t', 't.id', 'c.theme_id')
    .select(['c.id', 'c.key', 'c.name_fi', 'c.name_sv', 'c.name_en', 't.slug', 't.name_fi as theme_fi'])
    .where('c.archived_at', 'is', null);
  if (ids !== 'all') query = query.where('c.id', 'in', ids);
  const rows = await query.orderBy('c.id').execute();
  return rows.map((row) => ({
    kind: 'call',
    record_id: Number(row.id),
    key: row.key,
    theme_key: row.slug,
    title_fi: row.name_fi,
    title_sv: row.name_sv,
    body: text(row.name_en, row.theme_fi),
  }));
}

/** Published minutes only: what the public may read of a meeting. */
async function minutesDocuments(db: Db, ids: number[] | 'all'): Promise<Document[]> {
  let query = db
    .selectFrom('meetings as m')
    .innerJoin('steering_groups as g', 'g.id', 'm.steering_group_id')
    .select(['m.id', 'm.key', 'm.number', 'm.date', 'g.name_fi', 'g.name_sv'])
    .where('m.archived_at', 'is', null)
    .where('m.minutes_status', '=', 'published');
  if (ids !== 'all') query = query.where('m.id', 'in', ids);
  const rows = await query.orderBy('m.id').execute();
  if (rows.length === 0) return [];
  const words = new Map<number, string[]>();
  const add = (meeting: number, ...parts: (string | null)[]) =>
    words.set(meeting, [...(words.get(meeting) ?? []), ...parts.filter((w): w is string => w !== null)]);
  for (const chunk of chunks(rows.map((row) => Number(row.id)))) {
    const items = await db
      .selectFrom('agenda_items')
      .select(['meeting_id', 'title', 'title_sv', 'decision'])
      .where('archived_at', 'is', null)
      .where('meeting_id', 'in', chunk)
      .orderBy('meeting_id')
      .orderBy('number')
      .execute();
    for (const item of items) add(Number(item.meeting_id), item.title, item.title_sv, item.decision);
    const decisions = await db
      .selectFrom('meeting_decisions')
      .select(['meeting_id', 'text'])
      .where('archived_at', 'is', null)
      .where('meeting_id', 'in', chunk)
      .orderBy('meeting_id')
      .orderBy('id')
      .execute();
    for (const decision of decisions) add(Number(decision.meeting_id), decision.text);
  }
  return rows.map((row) => ({
    kind: 'minutes',
    record_id: Number(row.id),
    key: row.key,
    theme_key: null,
    title_fi: `${row.name_fi} ${row.number}`,
    title_sv: row.name_sv === null ? null : `${row.name_sv} ${row.number}`,
    body: text(String(row.date), ...(words.get(Number(row.id)) ?? [])),
  }));
}

const BUILDERS: Record<SearchKind, (db: Db, ids: number[] | 'all') => Promise<Document[]>> = {
  theme: themeDocuments,
  project: projectDocuments,
  organisation: organisationDocuments,
  call: callDocuments,
  minutes: minutesDocuments,
};

/**
 * Rewrites the index rows of the named records from their current state: a record archived, or
 * minutes not (or no longer) published, loses its row. Call it inside the write's transaction.
 */
export async function reindexSearch(db: Db, changes: SearchChanges): Promise<void> {
  for (const kind of SEARCH_KINDS) {
    const ids = changes[kind];
    if (ids === undefined || (ids !== 'all' && ids.length === 0)) continue;
    if (ids === 'all') {
      await db.deleteFrom('search_documents').where('kind', '=', kind).execute();
      // A batch of records at a time, so that rebuilding a large database holds one batch in memory.
      for (let after = 0; ;) {
        const batch = await db
          .selectFrom(SOURCE_TABLES[kind])
          .select('id')
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH)
          .execute();
        if (batch.length === 0) break;
        await writeDocuments(
          db,
          kind,
          batch.map((row) => Number(row.id)),
        );
        after = Number(batch.at(-1)!.id);
      }
      continue;
    }
    for (const chunk of chunks([...new Set(ids)])) await rewriteDocuments(db, kind, chunk);
  }
}

const sameDocument = (row: Document, document: Document) =>
  row.key === document.key &&
  row.theme_key === document.theme_key &&
  row.title_fi === document.title_fi &&
  row.title_sv === document.title_sv &&
  row.body === document.body;

/**
 * The records' rows as they should be, rewriting only those that differ: a write that changes
 * nothing a record is found by (a cost estimate) leaves its row alone. Rewriting it anyway cost the
 * full-text index a delete and an insert, 270 ms a write at the EU's size on SQLite (issue 16).
 */
async function rewriteDocuments(db: Db, kind: SearchKind, ids: number[]): Promise<void> {
  const [documents, existing] = await Promise.all([
    BUILDERS[kind](db, ids),
    db
      .selectFrom('search_documents')
      .select(['id', 'kind', 'record_id', 'key', 'theme_key', 'title_fi', 'title_sv', 'body'])
      .where('kind', '=', kind)
      .where('record_id', 'in', ids)
      .execute(),
  ]);
  const wanted = new Map(documents.map((document) => [document.record_id, document]));
  const kept = new Set<number>();
  const stale: number[] = [];
  for (const row of existing) {
    const document = wanted.get(Number(row.record_id));
    if (document && !kept.has(document.record_id) && sameDocument(row, document)) kept.add(document.record_id);
    else stale.push(Number(row.id));
  }
  for (const chunk of chunks(stale)) await db.deleteFrom('search_documents').where('id', 'in', chunk).execute();
  const rows = documents.filter((document) => !kept.has(document.record_id));
  for (const chunk of chunks(rows, 200)) await db.insertInto('search_documents').values(chunk).execute();
}

const SOURCE_TABLES = {
  theme: 'themes',
  project: 'project_entities',
  organisation: 'organisations',
  call: 'calls',
  minutes: 'meetings',
} as const satisfies Record<SearchKind, string>;

async function writeDocuments(db: Db, kind: SearchKind, ids: number[]): Promise<void> {
  const documents = await BUILDERS[kind](db, ids);
  for (const chunk of chunks(documents, 200)) await db.insertInto('search_documents').values(chunk).execute();
}

/** Every record's index row, written anew (after the dataset is loaded). */
export async function rebuildSearchIndex(db: Db): Promise<void> {
  await reindexSearch(db, Object.fromEntries(SEARCH_KINDS.map((kind) => [kind, 'all'])));
}

/**
 * Fills the index of a database that has records but no index rows yet (one migrated to 0010 with
 * its data already in place). Safe to run at every start: it reads one row when there is an index.
 */
export async function ensureSearchIndex(db: Db): Promise<boolean> {
  const indexed = await db.selectFrom('search_documents').select('id').limit(1).executeTakeFirst();
  if (indexed) return false;
  const anything = await db.selectFrom('themes').select('id').limit(1).executeTakeFirst();
  const organisation = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (!anything && !organisation) return false;
  await db.transaction().execute((trx) => rebuildSearchIndex(trx));
  return true;
}

/**
 * The index rows a write through the write API spoils: the written record's own and, where its
 * words appear in other records (an organisation's name in its projects), theirs.
 */
export async function reindexAfterWrite(db: Db, table: string, row: Record<string, unknown>): Promise<void> {
  const id = Number(row.id);
  switch (table) {
    case 'themes':
      return reindexSearch(db, { theme: [id] });
    case 'content_areas':
      return reindexSearch(db, { theme: [Number(row.theme_id)] });
    case 'project_entities':
      return reindexSearch(db, { project: [id] });
    case 'calls':
      return reindexSearch(db, { call: [id] });
    case 'organisations': {
      const implemented = await db
        .selectFrom('projects')
        .select('entity_id')
        .where('implementer_id', '=', id)
        .execute();
      const partnered = await db
        .selectFrom('project_entity_partners')
        .select('entity_id')
        .where('organisation_id', '=', id)
        .execute();
      return reindexSearch(db, {
        organisation: [id],
        project: [...implemented, ...partnered].map((r) => Number(r.entity_id)),
      });
    }
    case 'meetings':
      return reindexSearch(db, { minutes: [id] });
    case 'agenda_items':
    case 'meeting_decisions':
      return reindexSearch(db, { minutes: [Number(row.meeting_id)] });
    default:
      return;
  }
}

export type SearchHit = {
  kind: SearchKind;
  key: string;
  themeKey: string | null;
  title: { fi: TextSegment[]; sv: TextSegment[] | null };
  snippet: TextSegment[];
};

export type SearchPage = {
  items: SearchHit[];
  page: { total: number; limit: number; offset: number; counted: boolean };
};

/** The FTS5 query: each word one of its prefixes, every word required. Prefixes are letters and digits only. */
const ftsExpression = (query: SearchQuery) =>
  query.terms.map((term) => `(${term.prefixes.map((prefix) => `"${prefix}"*`).join(' OR ')})`).join(' AND ');

/** The same as a tsquery of the `simple` configuration. */
const tsQuery = (query: SearchQuery) =>
  query.terms.map((term) => `(${term.prefixes.map((prefix) => `'${prefix}':*`).join(' | ')})`).join(' & ');

type DocumentRow = Pick<SearchDocumentsTable, 'kind' | 'key' | 'theme_key' | 'title_fi' | 'title_sv' | 'body'>;

/**
 * A page of records matching every word of the query, best first (titles weigh more than the rest),
 * with its words highlighted. The total is counted only when the page does not tell it (a full page).
 */
export async function searchRecords(
  db: Db,
  dialect: DialectName,
  query: SearchQuery,
  options: { kind?: SearchKind | undefined; limit: number; offset: number },
): Promise<SearchPage> {
  const { kind, limit, offset } = options;
  let rows: DocumentRow[];
  let count: () => Promise<number>;
  if (dialect === 'sqlite') {
    const match = ftsExpression(query);
    const ofKind = kind ? sql`and d.kind = ${kind}` : sql``;
    rows = (
      await sql<DocumentRow>`
        select d.kind, d.key, d.theme_key, d.title_fi, d.title_sv, d.body
        from search_documents_fts join search_documents d on d.id = search_documents_fts.rowid
        where search_documents_fts match ${match} ${ofKind}
        order by bm25(search_documents_fts, 10.0, 10.0, 1.0), d.id
        limit ${limit} offset ${offset}`.execute(db)
    ).rows;
    count = async () =>
      Number(
        (
          await sql<{ n: number }>`
            select count(*) as n from search_documents_fts join search_documents d on d.id = search_documents_fts.rowid
            where search_documents_fts match ${match} ${ofKind}`.execute(db)
        ).rows[0]?.n ?? 0,
      );
  } else {
    const vector = sql.raw(SEARCH_VECTOR_SQL);
    const tsquery = sql`to_tsquery('simple'::regconfig, ${tsQuery(query)})`;
    const ofKind = kind ? sql`and kind = ${kind}` : sql``;
    rows = (
      await sql<DocumentRow>`
        select kind, key, theme_key, title_fi, title_sv, body from search_documents
        where ${vector} @@ ${tsquery} ${ofKind}
        order by ts_rank(${vector}, ${tsquery}) desc, id
        limit ${limit} offset ${offset}`.execute(db)
    ).rows;
    count = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from search_documents where ${vector} @@ ${tsquery} ${ofKind}`.execute(db)
        ).rows[0]?.n ?? 0,
      );
  }
  const known = totalWithoutCounting(offset, limit, rows.length);
  const total = known ?? (await count());
  return {
    items: rows.map((row) => ({
      kind: row.kind,
      key: row.key,
      themeKey: row.theme_key,
      title: { fi: highlight(row.title_fi, query), sv: row.title_sv === null ? null : highlight(row.title_sv, query) },
      snippet: snippet(row.body, query),
    })),
    page: { total, limit, offset, counted: known === undefined },
  };
}
