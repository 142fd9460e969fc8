/**
 * The meeting's own rules and who chaired it.
 *
 * - `steering_groups.quorum`: the seats that must be represented for the group to decide; null is the
 *   default rule, more than half of the seats.
 * - `meetings.minutes_returned_reason`, `_at`, `_by`: the chair's reason for returning the minutes,
 *   shown to the secretary until the minutes are checked.
 * - `meeting_attendance.acting_chair`: the person chosen to chair when neither the chair nor the
 *   vice-chair is present (1), so the minutes say who chaired and that person checks them.
 *
 * SQLite adds one column per ALTER statement, so each column is its own statement.
 */
import { type Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  await db.schema.alterTable('steering_groups').addColumn('quorum', 'integer').execute();
  await db.schema.alterTable('meetings').addColumn('minutes_returned_reason', 'text').execute();
  await db.schema.alterTable('meetings').addColumn('minutes_returned_at', c.timestamp).execute();
  await db.schema.alterTable('meetings').addColumn('minutes_returned_by', 'text').execute();
  await db.schema
    .alterTable('meeting_attendance')
    .addColumn('acting_chair', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}
