/**
 * The dataset says only what the sources say (issue 15, items 6 and 7):
 *
 * - A theme's ministries have a role where a source gives one (`lead` "Teeman vastuuministeriö",
 *   `partner` "Toteutuksessa kumppaneina"; null: not stated), and a ministry that no source names but
 *   that was inferred (from the contacts' phone numbers, say) carries the reasoning in
 *   `inferred_reason`; null means stated.
 * - A contact has a validity ("31.3.2025 saakka", "1.4.2025 lähtien") as reduced-precision ISO
 *   dates and may be absent ("virkavapaalla": `on_leave`).
 * - A call's amounts keep their precision: `*_approximate` ("noin 3,5 milj. €") and `*_as_written`.
 * - A project entity's funding-decision date may be known only to the month ("Marraskuussa 2024
 *   rahoituspäätökset tehty"), so `decided_on` holds a reduced-precision ISO date as text on both
 *   databases (it was a date column in PostgreSQL, unused until now). Its start may be inferred
 *   as its end may (`period_start_inferred` with the reasoning).
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

  await add('theme_ministries', 'role', 'text', (col) => col.check(sql`role in ('lead', 'partner')`));
  await add('theme_ministries', 'inferred_reason', 'text');

  await add('contacts', 'valid_from', 'text');
  await add('contacts', 'valid_to', 'text');
  await add('contacts', 'absence', 'text', (col) => col.check(sql`absence in ('on_leave')`));

  for (const figure of ['budget', 'granted', 'left_over']) {
    await add('calls', `${figure}_approximate`, c.flag, (col) => col.notNull().defaultTo(0));
    await add('calls', `${figure}_as_written`, 'text');
  }

  if (c.dialect === 'postgres') {
    await sql`alter table project_entities alter column decided_on type text using decided_on::text`.execute(db);
  }
  await add('project_entities', 'period_start_inferred', 'text');
}
