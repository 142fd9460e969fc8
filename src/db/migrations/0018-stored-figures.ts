/**
 * A theme's key figures as last computed (issue 16), kept under the versions of the scopes they are
 * computed from: `figures:<slug>` (its project entities and what they link to, migration 0017) and
 * `national` (counties and municipalities). Computing them reads every entity of the theme, 2 ms at
 * the programme's size and 21 ms for an EU-size theme; reading them back is one row. Any app server
 * computes them at the first read after a change and stores them for all (db/repositories/stored-figures.ts).
 *
 * Derived data, not published: no triggers; a row under old versions is simply not used.
 */
import type { Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  await db.schema
    .createTable('theme_figures')
    .addColumn('theme_id', c.ref, (col) => col.primaryKey().references('themes.id').onDelete('cascade'))
    .addColumn('versions', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('computed_at', c.timestamp, (col) => col.notNull())
    .execute();
}
