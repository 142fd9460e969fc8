/**
 * Search across the service (themes, projects, organisations, calls, published minutes): one row
 * per record in `search_documents`, written by the repository in the same transaction as the write
 * that changes the record (db/repositories/search.ts), with its title in Finnish and Swedish and
 * the rest of its searchable text in `body`.
 *
 * - SQLite: an external-content FTS5 table over the three texts, `unicode61` words with their
 *   diacritics kept (ä and ö are letters of their own in Finnish), kept in step by triggers.
 * - PostgreSQL: a GIN index over the `simple` configuration's words (titles weighted A, body B).
 *   The query's stems come from domain/search.ts and are searched as prefixes on both databases;
 *   docs/decisions/0011-search-by-stem-prefixes.md says why not the Snowball `finnish` stemmer.
 */
import { sql, type Kysely } from 'kysely';
import type { Columns } from './columns.js';

/** The indexed expression; queries repeat it word for word so that PostgreSQL uses the index. */
export const SEARCH_VECTOR_SQL =
  "(setweight(to_tsvector('simple'::regconfig, title_fi || ' ' || coalesce(title_sv, '')), 'A') || setweight(to_tsvector('simple'::regconfig, body), 'B'))";

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  await c
    .id(db.schema.createTable('search_documents'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('record_id', c.ref, (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('theme_key', 'text')
    .addColumn('title_fi', 'text', (col) => col.notNull())
    .addColumn('title_sv', 'text')
    .addColumn('body', 'text', (col) => col.notNull())
    .addUniqueConstraint('search_documents_record_unique', ['kind', 'record_id'])
    .execute();

  if (c.dialect === 'postgres') {
    await sql`create index search_documents_vector_idx on search_documents using gin (${sql.raw(SEARCH_VECTOR_SQL)})`.execute(
      db,
    );
    return;
  }
  await sql`create virtual table search_documents_fts using fts5(title_fi, title_sv, body, content='search_documents', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`.execute(
    db,
  );
  await sql`create trigger search_documents_fts_insert after insert on search_documents
    begin insert into search_documents_fts(rowid, title_fi, title_sv, body) values (new.id, new.title_fi, new.title_sv, new.body); end`.execute(
    db,
  );
  await sql`create trigger search_documents_fts_delete after delete on search_documents
    begin insert into search_documents_fts(search_documents_fts, rowid, title_fi, title_sv, body) values ('delete', old.id, old.title_fi, old.title_sv, old.body); end`.execute(
    db,
  );
  await sql`create trigger search_documents_fts_update after update on search_documents
    begin
      insert into search_documents_fts(search_documents_fts, rowid, title_fi, title_sv, body) values ('delete', old.id, old.title_fi, old.title_sv, old.body);
      insert into search_documents_fts(rowid, title_fi, title_sv, body) values (new.id, new.title_fi, new.title_sv, new.body);
    end`.execute(db);
}
