/**
 * Figures and facts you can trust (docs/finance.md):
 *
 * - Finance entries form one chain per theme: `sequence` is 1 for a theme's first entry and one
 *   more than the entry it was based on for every later one, unique per theme. Of any number of
 *   entries written at once on the same snapshot exactly one gets the number; the others break the
 *   constraint and are answered 409. The database decides, not a read before the insert.
 * - A correction or a withdrawal is a new entry that `supersedes` an earlier one (at most once:
 *   unique), with its reason; nothing recorded is changed. The current entry of a theme is the
 *   latest-dated one that nothing supersedes and that is not itself a withdrawal.
 * - An order break or a large change is saved only when confirmed: the checks confirmed and why
 *   (`confirmed_checks` as a JSON array, `confirmation_reason`); who and when are the entry's own.
 * - Precision: besides `*_rounded` (the source gave millions), `*_approximate` ("noin 3,5 milj. €")
 *   and `*_as_written`, the source's own words ("ei vielä" for 0 € so far).
 * - Calls: confirmed overrides of their checks, like the figures'.
 * - Projects: the funding-decision date, whether an implementer's role is stated by a source
 *   (`role_stated`; the role itself stays main or sub for the structure of a group project), a
 *   period end that is inferred (`period_inferred` with the reasoning), and a status history.
 *
 * SQLite adds one column per ALTER statement, so each column is its own statement.
 */
import { sql, type Kysely } from 'kysely';
import type { Columns } from './columns.js';

const FIGURES = ['frame', 'reserved', 'committed', 'paid'] as const;

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  const add = async (table: string, column: string, type: any, build?: (col: any) => any) => {
    await db.schema
      .alterTable(table)
      .addColumn(column, type, build ?? ((col) => col))
      .execute();
  };

  await add('finance_snapshots', 'sequence', 'integer');
  await add('finance_snapshots', 'kind', 'text', (col) =>
    col
      .notNull()
      .defaultTo('entry')
      .check(sql`kind in ('entry', 'correction', 'withdrawal')`),
  );
  await add('finance_snapshots', 'supersedes_id', c.ref, (col) => col.references('finance_snapshots.id'));
  await add('finance_snapshots', 'confirmed_checks', 'text');
  await add('finance_snapshots', 'confirmation_reason', 'text');
  for (const figure of FIGURES) {
    await add('finance_snapshots', `${figure}_approximate`, c.flag, (col) => col.notNull().defaultTo(0));
    await add('finance_snapshots', `${figure}_as_written`, 'text');
  }
  // Existing entries are numbered in the order they were recorded.
  await sql`
    update finance_snapshots set sequence = (
      select count(*) from finance_snapshots earlier
      where earlier.theme_id = finance_snapshots.theme_id and earlier.id <= finance_snapshots.id
    )`.execute(db);
  await db.schema
    .createIndex('finance_snapshots_theme_sequence_key')
    .unique()
    .on('finance_snapshots')
    .columns(['theme_id', 'sequence'])
    .execute();
  await db.schema
    .createIndex('finance_snapshots_supersedes_key')
    .unique()
    .on('finance_snapshots')
    .column('supersedes_id')
    .execute();

  await add('calls', 'confirmed_checks', 'text');
  await add('calls', 'confirmation_reason', 'text');

  await add('project_entities', 'decided_on', c.date);
  await add('project_entities', 'period_end_inferred', 'text');
  await add('projects', 'role_stated', c.flag, (col) => col.notNull().defaultTo(1));

  await c
    .id(db.schema.createTable('project_status_history'))
    .addColumn('entity_id', c.ref, (col) => col.notNull().references('project_entities.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('valid_from', 'text', (col) => col.notNull())
    .addColumn('source', 'text')
    .addColumn('recorded_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addUniqueConstraint('project_status_history_entity_from', ['entity_id', 'valid_from', 'status'])
    .execute();
}
