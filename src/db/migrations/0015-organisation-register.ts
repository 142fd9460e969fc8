/**
 * Where each value of an organisation came from (issue 20, the organisation register):
 * `organisations.field_sources`, a JSON object from a field (`name.fi`, `name.sv`, `businessId`,
 * `type`, `municipality`) to `{ source: 'person' | 'register', at, by?, register? }`: typed in by a
 * person, or taken from the Finnish Patent and Registration Office's open data (YTJ) as it stood on
 * that day. A field without an entry has no recorded source (loaded before this migration).
 *
 * A column of the already published `organisations` table, not a table of its own: its changes
 * raise `data_version` and the organisation's scopes through the triggers of 0005 and 0014, which
 * therefore stay last in effect.
 */
import type { Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, _c: Columns): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('field_sources', 'text').execute();
}
