/**
 * Steering-group meetings as a working tool: terms of a group, the decision behind a membership and
 * the user account of a member (so the chair can check minutes), a meeting's online link and the
 * minutes' workflow (draft → checked → approved at the next meeting → published), agenda topics
 * with a proposal and a link to a theme, call, project or report, attendance tied to the roster
 * (who stood in for whom), and decisions and action items as records of their own.
 *
 * SQLite adds one column per ALTER statement, so each column is its own statement.
 */
import { sql, type Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  const add = async (table: string, column: string, type: any, build?: (col: any) => any) => {
    await db.schema
      .alterTable(table)
      .addColumn(column, type, build ?? ((col) => col))
      .execute();
  };

  await add('steering_groups', 'term_start', c.date);
  await add('steering_groups', 'term_end', c.date);

  /** The diary number or decision that made this membership (or ended it). */
  await add('steering_group_members', 'decision_reference', 'text');
  await add('steering_group_members', 'user_id', c.ref, (col) => col.references('users.id'));

  await add('meetings', 'online_url', 'text');
  await add('meetings', 'minutes_status', 'text', (col) =>
    col
      .notNull()
      .defaultTo('draft')
      .check(sql`minutes_status in ('draft', 'checked', 'approved', 'published')`),
  );
  await add('meetings', 'previous_meeting_id', c.ref, (col) => col.references('meetings.id'));
  await add('meetings', 'minutes_checked_at', c.timestamp);
  await add('meetings', 'minutes_checked_by', 'text');
  await add('meetings', 'minutes_approved_at', c.timestamp);
  await add('meetings', 'approved_in_meeting_id', c.ref, (col) => col.references('meetings.id'));
  await add('meetings', 'minutes_published_at', c.timestamp);

  await add('agenda_items', 'title_sv', 'text');
  await add('agenda_items', 'proposal', 'text');
  await add('agenda_items', 'reference_type', 'text', (col) =>
    col.check(sql`reference_type in ('theme', 'call', 'project', 'report')`),
  );
  await add('agenda_items', 'reference_key', 'text');

  await add('meeting_attendance', 'seat', 'integer');
  await add('meeting_attendance', 'member_id', c.ref, (col) => col.references('steering_group_members.id'));
  await add('meeting_attendance', 'standing_in_for_member_id', c.ref, (col) =>
    col.references('steering_group_members.id'),
  );

  await c
    .id(db.schema.createTable('meeting_decisions'))
    .addColumn('meeting_id', c.ref, (col) => col.notNull().references('meetings.id'))
    .addColumn('agenda_item_id', c.ref, (col) => col.references('agenda_items.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('decision', 'action')`))
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('owner', 'text')
    .addColumn('due_date', c.date)
    /** Action items only: open until done or cancelled; decisions have no status. */
    .addColumn('status', 'text', (col) => col.check(sql`status in ('open', 'done', 'cancelled')`))
    .addColumn('completed_on', c.date)
    .addColumn('completed_in_meeting_id', c.ref, (col) => col.references('meetings.id'))
    .addColumn('source', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addColumn('updated_by', 'text')
    .addColumn('archived_at', c.timestamp)
    .execute();
  await db.schema
    .createIndex('meeting_decisions_meeting_idx')
    .on('meeting_decisions')
    .columns(['meeting_id', 'id'])
    .execute();
  await db.schema
    .createIndex('meeting_decisions_status_idx')
    .on('meeting_decisions')
    .columns(['status', 'meeting_id'])
    .execute();
}
