/** Reading calls for proposals. */
import type { Db } from '../database.js';
import type { Call } from '../../contracts/api.js';
import { groupBy, localized, precision } from './shared.js';
import { callStatus } from '../../domain/calls.js';

export async function listCalls(
  db: Db,
  filter: { theme?: string | undefined; key?: string | undefined },
  /** Helsinki's date, for each call's status. */
  today: string,
): Promise<Call[]> {
  let query = db
    .selectFrom('calls as c')
    .innerJoin('themes as t', 't.id', 'c.theme_id')
    .selectAll('c')
    .select(['t.slug', 't.name_fi as theme_fi', 't.name_sv as theme_sv', 't.name_en as theme_en'])
    .where('c.archived_at', 'is', null);
  if (filter.theme) query = query.where('t.slug', '=', filter.theme);
  if (filter.key) query = query.where('c.key', '=', filter.key);
  const rows = await query.orderBy('c.opens', 'desc').orderBy('c.name_fi').execute();
  if (rows.length === 0) return [];
  const objectives = await db
    .selectFrom('call_specific_objectives')
    .selectAll()
    .where(
      'call_id',
      'in',
      rows.map((row) => Number(row.id)),
    )
    .orderBy('code')
    .execute();
  const objectivesOf = groupBy(objectives, (row) => Number(row.call_id));
  return rows.map((row) => ({
    key: row.key,
    theme: { slug: row.slug, name: localized(row.theme_fi, row.theme_sv, row.theme_en) },
    name: localized(row.name_fi, row.name_sv, row.name_en),
    kind: row.kind,
    specificObjectives: (objectivesOf.get(Number(row.id)) ?? []).map((o) => o.code),
    opens: row.opens,
    closes: row.closes,
    status: callStatus(row, today),
    budget: row.budget_cents,
    applications: row.applications,
    applicationEntities: row.application_entities,
    eligibleEntities: row.eligible_entities,
    fundedEntities: row.funded_entities,
    granted: row.granted_cents,
    leftOver: row.left_over_cents,
    precision: {
      budget: precision(row.budget_rounded, row.budget_approximate),
      granted: precision(row.granted_rounded, row.granted_approximate),
      leftOver: precision(row.left_over_rounded, row.left_over_approximate),
    },
    asWritten: { budget: row.budget_as_written, granted: row.granted_as_written, leftOver: row.left_over_as_written },
    note: row.note,
  }));
}
