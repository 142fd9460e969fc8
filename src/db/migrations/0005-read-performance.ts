/**
 * What the public reads need at the EU's scale (1.5 million projects), found by the benchmarks
 * (bench/, docs/performance.md):
 *
 * - `data_version`: one counter that every change to the published data raises, by triggers in the
 *   database, so that any path that writes (the API, the command line, another app server) makes
 *   every server's cache of public responses stale. On PostgreSQL the trigger is a deferred
 *   constraint trigger: the counter row is locked only at commit, after the transaction's other
 *   locks, so two writers cannot deadlock on it, and the new value becomes visible with the data.
 * - Free-text search of projects by any part of a word (`LIKE '%…%'`) without reading every row:
 *   a trigram index (pg_trgm GIN on PostgreSQL; an FTS5 trigram table kept by triggers on SQLite).
 */
import { sql, type Kysely } from 'kysely';
import type { Columns } from './columns.js';

/** Tables whose rows the public read API and the open-data export show. */
export const PUBLISHED_TABLES = [
  'counties',
  'municipalities',
  'specific_objectives',
  'themes',
  'theme_ministries',
  'theme_specific_objectives',
  'contacts',
  'content_areas',
  'theme_links',
  'finance_snapshots',
  'frame_splits',
  'organisations',
  'calls',
  'call_specific_objectives',
  'project_entities',
  'project_entity_ministries',
  'projects',
  'project_entity_partners',
  'sectors',
  'project_entity_sectors',
  'activity_figures',
  'steering_groups',
  'steering_group_themes',
  'steering_group_members',
  'meetings',
  'meeting_attendance',
  'agenda_items',
  'meeting_signatories',
  'meeting_distribution',
] as const;

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('version', c.cents, (col) => col.notNull())
    .execute();
  await db.insertInto('data_version').values({ id: 1, version: 1 }).execute();

  if (c.dialect === 'postgres') {
    await sql`
      create function bump_data_version() returns trigger language plpgsql as $$
      begin
        update data_version set version = version + 1 where id = 1;
        return null;
      end $$`.execute(db);
    for (const table of PUBLISHED_TABLES) {
      await sql`create constraint trigger ${sql.raw(`${table}_data_version`)} after insert or update or delete on ${sql.table(table)}
        deferrable initially deferred for each row execute function bump_data_version()`.execute(db);
    }

    // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. Where it
    // cannot be created, search still works, only without the index.
    await sql`savepoint trigram`.execute(db);
    try {
      await sql`create extension if not exists pg_trgm with schema public`.execute(db);
      await sql`release savepoint trigram`.execute(db);
    } catch {
      await sql`rollback to savepoint trigram`.execute(db);
    }
    const installed = await sql<{ schema: string }>`
      select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(
      db,
    );
    const schema = installed.rows[0]?.schema;
    if (schema) {
      const opclass = sql.raw(`${quoteIdent(schema)}.gin_trgm_ops`);
      await sql`create index project_entities_search_trgm_idx on project_entities using gin (search_text ${opclass})`.execute(
        db,
      );
      await sql`create index organisations_search_trgm_idx on organisations using gin (search_text ${opclass})`.execute(
        db,
      );
    }
    return;
  }

  for (const table of PUBLISHED_TABLES) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_data_version_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
        begin update data_version set version = version + 1 where id = 1; end`.execute(db);
    }
  }

  // An external-content FTS5 table over project_entities.search_text, kept in step by triggers.
  await sql`create virtual table project_entities_search using fts5(search_text, content='project_entities', content_rowid='id', tokenize='trigram')`.execute(
    db,
  );
  await sql`create trigger project_entities_search_insert after insert on project_entities
    begin insert into project_entities_search(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
  await sql`create trigger project_entities_search_delete after delete on project_entities
    begin insert into project_entities_search(project_entities_search, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(
    db,
  );
  await sql`create trigger project_entities_search_update after update of search_text on project_entities
    begin
      insert into project_entities_search(project_entities_search, rowid, search_text) values ('delete', old.id, old.search_text);
      insert into project_entities_search(rowid, search_text) values (new.id, new.search_text);
    end`.execute(db);
  await sql`insert into project_entities_search(project_entities_search) values ('rebuild')`.execute(db);
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
