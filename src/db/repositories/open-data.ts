/**
 * Batch readers for the open-data export: each yields rows in id order, a batch at a time, so the
 * export never holds the whole dataset in memory.
 */
import type { Db } from '../database.js';
import type {
  OpenActivity,
  OpenActivityFigure,
  OpenCall,
  OpenKeyFigures,
  OpenMinutes,
  OpenOrganisation,
  OpenSteeringGroup,
  OpenTheme,
} from '../../contracts/open-data.js';
import { getThemeFigures } from './themes.js';
import { reasoningWithoutQuote } from '../../domain/provenance.js';
import { groupBy, localized, implementerRole } from './shared.js';

const BATCH = 1000;
/**
 * Themes come fewer at a time: each brings its whole finance history with the ministries' splits
 * (at the EU's size ten years of quarterly snapshots, ~160 rows a theme), and a thousand themes'
 * worth held at once was 190 MB of heap, most of the export's peak (docs/performance.md).
 */
const THEME_BATCH = 50;

/** The source's own words kept with amounts, by field, for the fields that have any. */
const asWritten = (fields: Record<string, string | null>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== null));

/** "inferred: <reason>" as stored in county_basis → { reason }; anything else (stated, none) → null. */
const inferredBasis = (basis: string | null): { reason: string } | null =>
  basis?.startsWith('inferred: ') ? { reason: basis.slice('inferred: '.length) } : null;

export async function* themesForExport(db: Db): AsyncGenerator<OpenTheme> {
  const themes = await db
    .selectFrom('themes')
    .selectAll()
    .where('archived_at', 'is', null)
    .orderBy('review_order')
    .orderBy('id')
    .execute();
  for (let i = 0; i < themes.length; i += THEME_BATCH) {
    const batch = themes.slice(i, i + THEME_BATCH);
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
        fundingOrganisationRoles: (ministriesOf.get(id) ?? []).map((m) => ({
          ref: m.ministry,
          role: m.role === 'lead' || m.role === 'partner' ? m.role : null,
          inferred: m.inferred_reason === null ? null : { reason: reasoningWithoutQuote(m.inferred_reason) },
        })),
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
          approximate: (
            [
              ['budget', s.frame_approximate],
              ['amountReserved', s.reserved_approximate],
              ['amountAwarded', s.committed_approximate],
              ['amountDisbursed', s.paid_approximate],
            ] as const
          )
            .filter(([, approximate]) => approximate === 1)
            .map(([field]) => field),
          asWritten: asWritten({
            budget: s.frame_as_written,
            amountReserved: s.reserved_as_written,
            amountAwarded: s.committed_as_written,
            amountDisbursed: s.paid_as_written,
          }),
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
        'o.county_id as own_county_id',
        'o.county_basis',
        'm.county_id',
        'o.county_id as own_county_id',
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
        // A wellbeing services county organisation is in its own county, as on the pages.
        county: row.own_county_id ?? row.county_id,
        countyInferred: inferredBasis(row.county_id === null ? row.county_basis : null),
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
        'e.period_start_inferred',
        'e.period_end_inferred',
        'e.decided_on',
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
    const [projects, ministries, partners, statuses] = await Promise.all([
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
      db
        .selectFrom('project_status_history')
        .select(['entity_id', 'status', 'valid_from'])
        .where('entity_id', 'in', ids)
        .orderBy('entity_id')
        .orderBy('valid_from')
        .execute(),
    ]);
    const statusesOf = groupBy(statuses, (r) => Number(r.entity_id));
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
        implementerRole: null,
      }));
      const partnerRoles = (partnersOf.get(id) ?? []).map((p) => ({
        ref: p.key,
        role: 'partner' as const,
        lead: false,
        implementerRole: null,
      }));
      const title = localized(entity.name_fi, entity.name_sv, entity.name_en);
      const common = {
        title,
        theme: entity.slug,
        status: entity.status,
        activityType: entity.type,
        plannedDates: { start: entity.period_start, end: entity.period_end },
        plannedDatesInferred: {
          start:
            entity.period_start_inferred === null
              ? null
              : { reason: reasoningWithoutQuote(entity.period_start_inferred) },
          end:
            entity.period_end_inferred === null ? null : { reason: reasoningWithoutQuote(entity.period_end_inferred) },
        },
        decidedOn: entity.decided_on,
        statusHistory: (statusesOf.get(id) ?? []).map((change) => ({ status: change.status, from: change.valid_from })),
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
            // A single project's one implementer leads it: that follows from there being one.
            ...members.map((m) => ({
              ref: m.key,
              role: 'implementing' as const,
              lead: true,
              implementerRole: m.role,
            })),
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
          ...members.map((m) => ({
            ref: m.key,
            role: 'implementing' as const,
            lead: m.role === 'main',
            implementerRole: m.role,
          })),
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
            { ref: member.key, role: 'implementing', lead: member.role === 'main', implementerRole: member.role },
          ],
        };
      }
    }
    if (entities.length < BATCH) return;
    after = Number(entities.at(-1)!.id);
  }
}

/** Calls for proposals with their money and counts, in id order. */
export async function* callsForExport(db: Db): AsyncGenerator<OpenCall> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('calls as c')
      .innerJoin('themes as t', 't.id', 'c.theme_id')
      .selectAll('c')
      .select('t.slug')
      .where('c.archived_at', 'is', null)
      .where('c.id', '>', after)
      .orderBy('c.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    const objectives = await db
      .selectFrom('call_specific_objectives')
      .selectAll()
      .where(
        'call_id',
        'in',
        rows.map((r) => Number(r.id)),
      )
      .orderBy('code')
      .execute();
    const objectivesOf = groupBy(objectives, (r) => Number(r.call_id));
    for (const row of rows) {
      yield {
        id: row.key,
        theme: row.slug,
        title: localized(row.name_fi, row.name_sv, row.name_en),
        kind: row.kind,
        specificObjectives: (objectivesOf.get(Number(row.id)) ?? []).map((o) => o.code),
        opens: row.opens,
        closes: row.closes,
        budget: row.budget_cents === null ? null : Number(row.budget_cents),
        budgetRounded: row.budget_rounded === 1,
        budgetApproximate: row.budget_approximate === 1,
        applications: row.applications,
        applicationEntities: row.application_entities,
        eligibleEntities: row.eligible_entities,
        fundedEntities: row.funded_entities,
        amountAwarded: row.granted_cents === null ? null : Number(row.granted_cents),
        amountAwardedRounded: row.granted_rounded === 1,
        amountAwardedApproximate: row.granted_approximate === 1,
        leftOver: row.left_over_cents === null ? null : Number(row.left_over_cents),
        leftOverRounded: row.left_over_rounded === 1,
        leftOverApproximate: row.left_over_approximate === 1,
        asWritten: asWritten({
          budget: row.budget_as_written,
          amountAwarded: row.granted_as_written,
          leftOver: row.left_over_as_written,
        }),
      };
    }
    if (rows.length < BATCH) return;
    after = Number(rows.at(-1)!.id);
  }
}

/** Each theme's key figures, computed as the theme's page shows them. */
export async function* keyFiguresForExport(db: Db): AsyncGenerator<OpenKeyFigures> {
  const themes = await db
    .selectFrom('themes')
    .select('slug')
    .where('archived_at', 'is', null)
    .orderBy('review_order')
    .orderBy('id')
    .execute();
  for (const { slug } of themes) {
    const figures = await getThemeFigures(db, slug);
    if (!figures) continue;
    yield {
      theme: slug,
      projectEntities: figures.projectEntities,
      singleImplementerEntities: figures.singleImplementerEntities,
      groupProjects: figures.groupProjects,
      projects: figures.projects,
      implementers: figures.implementers,
      byMinistry: figures.byMinistry,
      byOrganisationType: figures.byOrganisationType,
      bySector: figures.bySector,
    };
  }
}

/** The figures themes report (events, participants…), with their periods. */
export async function* activityFiguresForExport(db: Db): AsyncGenerator<OpenActivityFigure> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('activity_figures as a')
      .innerJoin('themes as t', 't.id', 'a.theme_id')
      .selectAll('a')
      .select('t.slug')
      .where('a.archived_at', 'is', null)
      .where('a.id', '>', after)
      .orderBy('a.id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      yield {
        id: row.key,
        theme: row.slug,
        label: localized(row.label_fi, row.label_sv, row.label_en),
        value: Number(row.value),
        unit: row.unit,
        period: { start: row.period_start, end: row.period_end },
      };
    }
    if (rows.length < BATCH) return;
    after = Number(rows.at(-1)!.id);
  }
}

/** Steering groups with their themes and terms; no members (their names are personal data). */
export async function* steeringGroupsForExport(db: Db): AsyncGenerator<OpenSteeringGroup> {
  const groups = await db
    .selectFrom('steering_groups')
    .selectAll()
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
  if (groups.length === 0) return;
  const themes = await db
    .selectFrom('steering_group_themes as sgt')
    .innerJoin('themes as t', 't.id', 'sgt.theme_id')
    .select(['sgt.steering_group_id', 't.slug'])
    .orderBy('t.slug')
    .execute();
  const themesOf = groupBy(themes, (r) => Number(r.steering_group_id));
  for (const group of groups) {
    yield {
      id: group.key,
      name: localized(group.name_fi, group.name_sv, group.name_en),
      themes: (themesOf.get(Number(group.id)) ?? []).map((t) => t.slug),
      term: { start: group.term_start, end: group.term_end },
      diaryNumber: group.diary_number,
    };
  }
}

/** Published minutes: the agenda and what was decided, not who attended. */
export async function* publishedMinutesForExport(db: Db): AsyncGenerator<OpenMinutes> {
  let after = 0;
  for (;;) {
    const meetings = await db
      .selectFrom('meetings as m')
      .innerJoin('steering_groups as g', 'g.id', 'm.steering_group_id')
      .select(['m.id', 'm.key', 'm.number', 'm.date', 'm.minutes_published_at', 'g.key as group'])
      .where('m.archived_at', 'is', null)
      .where('m.minutes_status', '=', 'published')
      .where('m.id', '>', after)
      .orderBy('m.id')
      .limit(BATCH)
      .execute();
    if (meetings.length === 0) return;
    const ids = meetings.map((m) => Number(m.id));
    const [items, decisions] = await Promise.all([
      db
        .selectFrom('agenda_items')
        .select(['meeting_id', 'number', 'title', 'title_sv', 'decision'])
        .where('archived_at', 'is', null)
        .where('meeting_id', 'in', ids)
        .orderBy('meeting_id')
        .orderBy('number')
        .execute(),
      db
        .selectFrom('meeting_decisions')
        .select(['meeting_id', 'kind', 'text', 'due_date'])
        .where('archived_at', 'is', null)
        .where('meeting_id', 'in', ids)
        .orderBy('meeting_id')
        .orderBy('id')
        .execute(),
    ]);
    const itemsOf = groupBy(items, (r) => Number(r.meeting_id));
    const decisionsOf = groupBy(decisions, (r) => Number(r.meeting_id));
    for (const meeting of meetings) {
      const id = Number(meeting.id);
      yield {
        id: meeting.key,
        steeringGroup: meeting.group,
        number: meeting.number,
        date: String(meeting.date),
        publishedAt: meeting.minutes_published_at === null ? null : String(meeting.minutes_published_at),
        agenda: (itemsOf.get(id) ?? []).map((item) => ({
          number: Number(item.number),
          title: item.title,
          titleSv: item.title_sv,
          decision: item.decision,
        })),
        decisions: (decisionsOf.get(id) ?? []).map((d) => ({
          kind: d.kind,
          text: d.text,
          dueDate: d.due_date === null ? null : String(d.due_date),
        })),
      };
    }
    if (meetings.length < BATCH) return;
    after = Number(meetings.at(-1)!.id);
  }
}

/** When the published data last changed: the latest change to any record the export carries. */
export async function openDataModifiedAt(db: Db): Promise<string | null> {
  const latest: string[] = [];
  const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value == null ? null : String(value));
  for (const table of [
    'themes',
    'calls',
    'organisations',
    'project_entities',
    'activity_figures',
    'steering_groups',
    'meetings',
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst();
    const at = iso(row?.at);
    if (at) latest.push(at);
  }
  const finance = await db
    .selectFrom('finance_snapshots')
    .select((eb) => eb.fn.max('recorded_at').as('at'))
    .executeTakeFirst();
  const at = iso(finance?.at);
  if (at) latest.push(at);
  return latest.length === 0
    ? null
    : latest
        .map((v) => new Date(v).toISOString())
        .sort()
        .at(-1)!;
}
