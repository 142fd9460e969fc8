/**
 * A reporting period can be closed by the managing authority: `closed_at` and `closed_by` say when
 * and by whom. A closed period's reports no longer change (saving, submitting, returning and
 * approving are refused with the reason) until the period is reopened; the period stays readable.
 */
import { type Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  await db.schema.alterTable('reporting_periods').addColumn('closed_at', c.timestamp).execute();
  await db.schema.alterTable('reporting_periods').addColumn('closed_by', 'text').execute();
}
