/**
 * The facts behind a theme's key figures (docs/key-figures.md):
 *
 * - `project_entity_ministries.share_percent`: the share of an entity's funding each ministry's
 *   grant authority gives, a whole percent 1–100; the shares of one entity add up to 100 (the
 *   write checks it, src/domain/key-figure-facts.ts). Null where only the ministry is known.
 * - `organisations.county_id`: the wellbeing services county an organisation is in when that does
 *   not follow from a municipality (a wellbeing services county organisation is in its own county),
 *   with `county_basis`, why (a citation or the inference).
 *
 * SQLite adds one column per ALTER statement, so each column is its own statement.
 */
import { sql, type Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, _c: Columns): Promise<void> {
  await db.schema
    .alterTable('project_entity_ministries')
    .addColumn('share_percent', 'integer', (col) => col.check(sql`share_percent between 1 and 100`))
    .execute();
  await db.schema
    .alterTable('organisations')
    .addColumn('county_id', 'text', (col) => col.references('counties.id'))
    .execute();
  await db.schema.alterTable('organisations').addColumn('county_basis', 'text').execute();
}
