/**
 * Batch readers for the open-data export: each yields rows in id order, a batch at a time, so the
 * export never holds the whole dataset in memory.
 */
import type { Db } from '../database.js';
import type { OpenActivity, OpenOrganisation, OpenTheme } from '../../contracts/open-data.js';
import { groupBy, localized, implementerRole } from './shared.js';

const BATCH = 1000;

export async function* themesForExport(db: Db): AsyncGenerator<OpenTheme> {
  const themes = await db
    .selectFrom('themes')
    .selectAll()
    .where('archived_at', 'is', null)
    .orderBy('review_order')
    .orderBy('id')
    .execute();
  for (let i = 0; i < themes.length; i += BATCH) {
    const batch = themes.slice(i, i + BATCH);
    const ids = batch.map((t) => Number(t.id));
    const [ministries, objectives, snapshots] = await Promise.all([
      db.selectFrom('theme_ministries').selectAll().where('theme_id', 'in', ids).orderBy('ministry').execute(),
      db.selectFrom('theme_specific_objectives').selectAll().where('theme_id', 'in', ids).orderBy('code').execute(),
      db
        .selectFrom('finance_snapshots')
        .selectAll()
        .where('theme_id', 'in', ids)
        // The valid history: corrected and withdrawn entries are left out, as the pages leave them.
        .where('kind', '!=', 'withdrawal')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('finance_snapshots as later')
                .select('later.id')
                .whereRef('later.supersedes_id', '=', 'finance_snapshots.id'),
            ),
          ),
        )
        .orderBy('as_of')
        .orderBy('id')
        .execute(),
    ]);
    // Selected through the themes, not by listing the snapshots' ids: a thousand themes with ten
    // years of quarterly snapshots are more ids than SQLite takes as parameters (found at the EU's size).
    const splits =
      snapshots.length === 0
        ? []
        : await db
            .selectFrom('frame_splits as fsp')
            .innerJoin('finance_snapshots as fs', 'fs.id', 'fsp.snapshot_id')
            .selectAll('fsp')
            .where('fs.theme_id', 'in', ids)
            .orderBy('fsp.ministry')
            .execute();
    const ministriesOf = groupBy(ministries, (r) => Number(r.theme_id));
    const objectivesOf = groupBy(objectives, (r) => Number(r.theme_id));
    const snapshotsOf = groupBy(snapshots, (r) => Number(r.theme_id));
    const splitsOf = groupBy(splits, (r) => Number(r.snapshot_id));
    for (const theme of batch) {
      const id = Number(theme.id);
      yield {
        id: theme.slug,
        title: localized(theme.name_fi, theme.name_sv, theme.name_en),
        specificObjectives: (objectivesOf.get(id) ?? []).map((o) => o.code),
        plannedDates: { start: theme.period_start, end: theme.period_end },
        fundingOrganisations: (ministriesOf.get(id) ?? []).map((m) => m.ministry),
        intermediateBody: theme.intermediate_body,
        finance: (snapshotsOf.get(id) ?? []).map((s) => ({
          asOf: s.as_of,
          budget: s.frame_cents,
          amountReserved: s.reserved_cents,
          amountAwarded: s.committed_cents,
          amountDisbursed: s.paid_cents,
          rounded: (
            [
              ['budget', s.frame_rounded],
              ['amountReserved', s.reserved_rounded],
              ['amountAwarded', s.committed_rounded],
              ['amountDisbursed', s.paid_rounded],
            ] as const
          )
            .filter(([, rounded]) => rounded === 1)
            .map(([field]) => field),
          budgetByFundingOrganisation: (splitsOf.get(Number(s.id)) ?? []).map((split) => ({
            ref: split.ministry,
            amount: split.cents,
          })),
        })),
      };
    }
  }
}

export async function* organisationsForExport(db: Db): AsyncGenerator<OpenOrganisation> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('organisations as o')
      .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
      .select([
        'o.id',
        'o.key',
        'o.business_id',
        'o.name_fi',
        'o.name_sv',
        'o.name_en',
        'o.type',
        'o.municipality_code',
        'm.county_id',
      ])
      .where('o.archived_at', 'is', null)
      .where('o.id', '>', after)
      .orderBy('o.id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      yield {
        id: row.key,
        orgIdentifier: row.business_id ? `FI-PRO-${row.business_id}` : null,
        businessId: row.business_id,
        name: localized(row.name_fi, row.name_sv, row.name_en),
        type: row.type,
        municipality: row.municipality_code,
        county: row.county_id,
      };
    }
    if (rows.length < BATCH) return;
    after = Number(rows.at(-1)!.id);
  }
}

/**
 * Activities: a single project is one activity; a group project is a parent activity and each of its
 * projects a child activity, linked both ways.
 */
export async function* activitiesForExport(db: Db): AsyncGenerator<OpenActivity> {
  let after = 0;
  for (;;) {
    const entities = await db
      .selectFrom('project_entities as e')
      .innerJoin('themes as t', 't.id', 'e.theme_id')
      .select([
        'e.id',
        'e.key',
        'e.kind',
        'e.group_code',
        'e.name_fi',
        'e.name_sv',
        'e.name_en',
        'e.status',
        'e.type',
        'e.period_start',
        'e.period_end',
        'e.cost_estimate_cents',
        'e.cost_estimate_rounded',
        'e.website',
        't.slug',
      ])
      .where('e.archived_at', 'is', null)
      .where('e.id', '>', after)
      .orderBy('e.id')
      .limit(BATCH)
      .execute();
    if (entities.length === 0) return;
    const ids = entities.map((e) => Number(e.id));
    const [projects, ministries, partners] = await Promise.all([
      db
        .selectFrom('projects as p')
        .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
        .select([
          'p.id',
          'p.entity_id',
          'p.code',
          implementerRole,
          'p.cost_estimate_cents',
          'p.cost_estimate_rounded',
          'o.key',
        ])
        .where('p.entity_id', 'in', ids)
        .where('p.archived_at', 'is', null)
        .orderBy('p.entity_id')
        .orderBy('p.position')
        .execute(),
      db
        .selectFrom('project_entity_ministries')
        .selectAll()
        .where('entity_id', 'in', ids)
        .orderBy('ministry')
        .execute(),
      db
        .selectFrom('project_entity_partners as pp')
        .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
        .select(['pp.entity_id', 'o.key'])
        .where('pp.entity_id', 'in', ids)
        .orderBy('o.key')
        .execute(),
    ]);
    const projectsOf = groupBy(projects, (r) => Number(r.entity_id));
    const ministriesOf = groupBy(ministries, (r) => Number(r.entity_id));
    const partnersOf = groupBy(partners, (r) => Number(r.entity_id));
    for (const entity of entities) {
      const id = Number(entity.id);
      const members = projectsOf.get(id) ?? [];
      const funding = (ministriesOf.get(id) ?? []).map((m) => ({
        ref: m.ministry,
        role: 'funding' as const,
        lead: false,
      }));
      const partnerRoles = (partnersOf.get(id) ?? []).map((p) => ({
        ref: p.key,
        role: 'partner' as const,
        lead: false,
      }));
      const title = localized(entity.name_fi, entity.name_sv, entity.name_en);
      const common = {
        title,
        theme: entity.slug,
        status: entity.status,
        activityType: entity.type,
        plannedDates: { start: entity.period_start, end: entity.period_end },
        website: entity.website,
      };
      const memberId = (member: (typeof members)[number]) => `${entity.key}/${member.code ?? `project-${member.id}`}`;
      if (entity.kind === 'single') {
        yield {
          ...common,
          id: entity.key,
          identifiers: members.map((m) => m.code).filter((code): code is string => Boolean(code)),
          hierarchy: 'single',
          relatedActivities: [],
          amountPlanned: entity.cost_estimate_cents ?? members[0]?.cost_estimate_cents ?? null,
          amountPlannedRounded: entity.cost_estimate_rounded === 1,
          participatingOrganisations: [
            ...funding,
            ...members.map((m) => ({ ref: m.key, role: 'implementing' as const, lead: true })),
            ...partnerRoles,
          ],
        };
        continue;
      }
      yield {
        ...common,
        id: entity.key,
        identifiers: entity.group_code ? [entity.group_code] : [],
        hierarchy: 'group',
        relatedActivities: members.map((m) => ({ type: 'child' as const, ref: memberId(m) })),
        amountPlanned: entity.cost_estimate_cents,
        amountPlannedRounded: entity.cost_estimate_rounded === 1,
        participatingOrganisations: [
          ...funding,
          ...members.map((m) => ({ ref: m.key, role: 'implementing' as const, lead: m.role === 'main' })),
          ...partnerRoles,
        ],
      };
      for (const member of members) {
        yield {
          ...common,
          id: memberId(member),
          identifiers: member.code ? [member.code] : [],
          hierarchy: 'member',
          relatedActivities: [{ type: 'parent', ref: entity.key }],
          amountPlanned: member.cost_estimate_cents,
          amountPlannedRounded: member.cost_estimate_rounded === 1,
          participatingOrganisations: [
            ...funding,
            { ref: member.key, role: 'implementing', lead: member.role === 'main' },
          ],
        };
      }
    }
    if (entities.length < BATCH) return;
    after = Number(entities.at(-1)!.id);
  }
}
