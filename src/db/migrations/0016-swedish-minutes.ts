/**
 * Swedish content of the minutes for bilingual steering groups: an agenda item's background,
 * proposal, discussion and decision, and a decision record's or action item's text, each beside its
 * Finnish text (`title_sv` is from 0004). Null where no Swedish text is written: the Swedish minutes
 * then show the Finnish text, marked as Finnish. No new table, so the scope triggers of 0014 cover
 * these columns as they are.
 *
 * SQLite adds one column per ALTER statement, so each column is its own statement.
 */
import type { Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, _c: Columns): Promise<void> {
  for (const column of ['background_sv', 'proposal_sv', 'discussion_sv', 'decision_sv'])
    await db.schema.alterTable('agenda_items').addColumn(column, 'text').execute();
  await db.schema.alterTable('meeting_decisions').addColumn('text_sv', 'text').execute();
}
