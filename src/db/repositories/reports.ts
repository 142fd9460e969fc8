/**
 * Reading reporting periods and theme reports, and what a report shows that it does not store: the
 * header as of the cut-off (contacts, ministries, period, the four figures) and the project list of
 * section 7, both from the data the system already holds.
 */
import { approvingMinistries, approvalRuleOf } from '../../domain/reports/approval.js';
import type { Db } from '../database.js';
import type { ProjectList, Report, ReportHeader } from '../../contracts/reports.js';
import type { Ministry } from '../../domain/figures.js';
import type { Locale } from '../../domain/money.js';
import { currentEntry } from '../../domain/finance.js';
import { emptyContent, type ProjectOrder, type ReportContent, type ReportState } from '../../domain/reports/report.js';
import { countCharacters, toHtml } from '../../domain/reports/rich-text.js';
import { TEMPLATES, type DocumentKind } from '../../domain/reports/templates.js';
import { getTheme } from './themes.js';
import { publicNames } from './users.js';
import { decidedByCutOff, groupBy, localized, period, implementerRole } from './shared.js';

export type PeriodRow = NonNullable<Awaited<ReturnType<typeof findPeriod>>>;
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReportById>>>;

export const findPeriod = (db: Db, key: string) =>
  db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('key', '=', key)
    .where('archived_at', 'is', null)
    .executeTakeFirst();

export const findReportById = (db: Db, id: number) =>
  db.selectFrom('theme_reports').selectAll().where('id', '=', id).executeTakeFirst();

export async function periodThemes(db: Db, periodId: number) {
  const rows = await db
    .selectFrom('reporting_period_themes as pt')
    .innerJoin('themes as t', 't.id', 'pt.theme_id')
    .leftJoin('theme_reports as r', (join) =>
      join.onRef('r.period_id', '=', 'pt.period_id').onRef('r.theme_id', '=', 'pt.theme_id'),
    )
    .select([
      't.id as theme_id',
      't.slug',
      't.name_fi',
      't.name_sv',
      't.name_en',
      'pt.position',
      'r.id as report_id',
      'r.state',
      'r.version',
      'r.submissions',
      'r.updated_at',
      'r.content',
    ])
    .where('pt.period_id', '=', periodId)
    .orderBy('pt.position')
    .execute();
  return rows.map((row) => ({
    themeId: Number(row.theme_id),
    slug: row.slug,
    name: localized(row.name_fi, row.name_sv, row.name_en),
    reportId: row.report_id === null ? null : Number(row.report_id),
    state: (row.state ?? null) as ReportState | null,
    version: row.version === null ? null : Number(row.version),
    submissions: Number(row.submissions ?? 0),
    updatedAt: row.updated_at ?? null,
    content: row.content ? parseContent(row.content) : null,
  }));
}

export function parseContent(json: string): ReportContent {
  const parsed = JSON.parse(json) as Partial<ReportContent>;
  return { ...emptyContent(), ...parsed };
}

export function presentPeriod(row: PeriodRow, themes: Awaited<ReturnType<typeof periodThemes>>) {
  return {
    key: row.key,
    kind: row.kind,
    title: localized(row.title_fi, row.title_sv, row.title_en),
    cutOff: row.cut_off,
    deadline: row.deadline,
    themes: themes.map((theme) => ({ slug: theme.slug, name: theme.name, reportId: theme.reportId })),
    sections: TEMPLATES[row.kind].sections.map(({ key, number, kind, limit, title }) => ({
      key,
      number,
      kind,
      limit,
      title,
    })),
    version: Number(row.version),
    closedAt: row.closed_at ?? null,
  };
}

/** A contact as a header freezes it: the person's details, not the row it came from. */
function asInHeader<C extends { id: number }>(contact: C): Omit<C, 'id'> {
  const { id: _row, ...details } = contact;
  return details;
}

/** The header as the data stands as of the cut-off: the latest snapshot on or before it. */
export async function buildHeader(db: Db, slug: string, cutOff: string | null, locale: Locale): Promise<ReportHeader> {
  const theme = await getTheme(db, slug, { locale });
  if (!theme) throw new Error(`theme ${slug} vanished`);
  // The current entry as of the cut-off: corrections since count, withdrawn entries do not.
  const snapshot = currentEntry(theme.financeHistory, cutOff);
  return {
    theme: { slug: theme.slug, name: theme.name },
    contacts: theme.contacts.filter((contact) => contact.role !== 'ministry').map(asInHeader),
    ministries: theme.ministries,
    ministryContacts: theme.contacts.filter((contact) => contact.role === 'ministry').map(asInHeader),
    period: theme.period,
    figures: snapshot
      ? {
          asOf: snapshot.asOf,
          frame: snapshot.frame,
          reserved: snapshot.reserved,
          committed: snapshot.committed,
          paid: snapshot.paid,
          rounded: snapshot.rounded,
          frameByMinistry: snapshot.frameByMinistry.map((split) => ({
            ministry: split.ministry,
            amount: split.amount,
          })),
        }
      : null,
    frozenAt: null,
  };
}

/**
 * Section 7 from the project data: grouped by content area where the theme has them, in the stored
 * order where one is stored. Entities the stored order does not name (new since) join their default
 * group at the end, so nothing funded can fall out of the list.
 */
export async function buildProjectList(
  db: Db,
  themeId: number,
  order: ProjectOrder | null,
  /** The period's cut-off: entities decided after it belong to the next review (domain/as-of.ts). */
  cutOff: string | null = null,
): Promise<ProjectList> {
  const [entities, areas] = await Promise.all([
    db
      .selectFrom('project_entities')
      .select([
        'id',
        'key',
        'kind',
        'group_code',
        'name_fi',
        'name_sv',
        'name_en',
        'period_start',
        'period_end',
        'period_text',
        'period_start_inferred',
        'period_end_inferred',
        'content_area_id',
      ])
      .where('theme_id', '=', themeId)
      .where('archived_at', 'is', null)
      .where(decidedByCutOff(cutOff))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('content_areas')
      .select(['id', 'key', 'name_fi', 'name_sv', 'name_en'])
      .where('theme_id', '=', themeId)
      .where('archived_at', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  const projects =
    entities.length === 0
      ? []
      : await db
          .selectFrom('projects as p')
          .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
          .select(['p.entity_id', 'p.code', implementerRole, 'o.name_fi'])
          .where(
            'p.entity_id',
            'in',
            entities.map((e) => Number(e.id)),
          )
          .where('p.archived_at', 'is', null)
          .orderBy('p.entity_id')
          .orderBy('p.position')
          .orderBy('p.id')
          .execute();
  const projectsOf = groupBy(projects, (p) => Number(p.entity_id));
  const areaById = new Map(areas.map((area) => [Number(area.id), area]));
  const shown = entities.map((e) => ({
    key: e.key,
    name: localized(e.name_fi, e.name_sv, e.name_en),
    kind: e.kind,
    groupCode: e.group_code,
    period: period(e.period_start, e.period_end, e.period_text, {
      start: e.period_start_inferred,
      end: e.period_end_inferred,
    }),
    projects: (projectsOf.get(Number(e.id)) ?? []).map((p) => ({ code: p.code, role: p.role, implementer: p.name_fi })),
    areaKey: e.content_area_id === null ? null : (areaById.get(Number(e.content_area_id))?.key ?? null),
  }));
  const areaOf = (key: string | null) => {
    const area = key === null ? undefined : areas.find((a) => a.key === key);
    return area ? { key: area.key, name: localized(area.name_fi, area.name_sv, area.name_en) } : null;
  };
  const strip = ({ areaKey: _areaKey, ...entity }: (typeof shown)[number]) => entity;
  const grouped = shown.some((e) => e.areaKey !== null);
  const groups: ProjectList = [];
  const placed = new Set<string>();
  for (const group of order?.groups ?? []) {
    const members = group.entities
      .map((key) => shown.find((e) => e.key === key))
      .filter((e): e is (typeof shown)[number] => e !== undefined && !placed.has(e.key));
    for (const member of members) placed.add(member.key);
    groups.push({ contentArea: areaOf(group.contentArea), title: group.title ?? null, entities: members.map(strip) });
  }
  const defaultKeys = grouped ? [...areas.map((a) => a.key), null] : [null];
  for (const areaKey of defaultKeys) {
    const rest = shown.filter((e) => !placed.has(e.key) && (grouped ? e.areaKey === areaKey : true));
    if (rest.length === 0) continue;
    let group = groups.find((g) => (g.contentArea?.key ?? null) === areaKey && g.title === null);
    if (!group) {
      group = { contentArea: areaOf(areaKey), title: null, entities: [] };
      groups.push(group);
    }
    for (const entity of rest) {
      placed.add(entity.key);
      group.entities.push(strip(entity));
    }
  }
  return groups.filter((group) => group.entities.length > 0);
}

export async function commentsOf(db: Db, reportId: number) {
  const rows = await db
    .selectFrom('report_comments')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  // People by their display names (a username is half of a sign-in).
  const names = await publicNames(
    db,
    rows.map((row) => row.author),
  );
  return rows.map((row) => ({
    id: Number(row.id),
    version: Number(row.version),
    section: row.section_key,
    body: row.body,
    author: names.get(row.author) ?? row.author,
    at: row.created_at,
  }));
}

/** Who must approve (domain/reports/approval.ts) and who has, for the current submission. */
export async function reportApprovals(db: Db, report: ReportRow): Promise<{ required: string[]; approved: string[] }> {
  const theme = await db
    .selectFrom('themes')
    .select(['approval_rule', 'lead_ministry'])
    .where('id', '=', Number(report.theme_id))
    .executeTakeFirstOrThrow();
  const ministries = await db
    .selectFrom('theme_ministries')
    .select('ministry')
    .where('theme_id', '=', Number(report.theme_id))
    .execute();
  const rule = approvalRuleOf(theme.approval_rule, theme.lead_ministry);
  const approved =
    report.state === 'submitted' || report.state === 'approved'
      ? await db
          .selectFrom('report_approvals')
          .select('ministry')
          .where('report_id', '=', Number(report.id))
          .where('submission', '=', Number(report.submissions))
          .orderBy('ministry')
          .execute()
      : [];
  return {
    required: approvingMinistries(
      ministries.map((m) => m.ministry),
      rule,
    ),
    approved: approved.map((a) => a.ministry),
  };
}

/** The report as the API shows it, but for what the asker may do with it (their capabilities). */
export async function presentReport(db: Db, report: ReportRow, locale: Locale): Promise<Omit<Report, 'capabilities'>> {
  const periodRow = await db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('id', '=', Number(report.period_id))
    .executeTakeFirstOrThrow();
  const theme = await db
    .selectFrom('themes')
    .select(['slug', 'name_fi', 'name_sv', 'name_en'])
    .where('id', '=', Number(report.theme_id))
    .executeTakeFirstOrThrow();
  const content = parseContent(report.content);
  const template = TEMPLATES[periodRow.kind as DocumentKind];
  const approvals = await reportApprovals(db, report);
  const header = report.header
    ? (JSON.parse(report.header) as ReportHeader)
    : await buildHeader(db, theme.slug, periodRow.cut_off, locale);
  return {
    id: Number(report.id),
    period: { key: periodRow.key, kind: periodRow.kind, cutOff: periodRow.cut_off, deadline: periodRow.deadline },
    theme: { slug: theme.slug, name: localized(theme.name_fi, theme.name_sv, theme.name_en) },
    state: report.state,
    version: Number(report.version),
    submissions: Number(report.submissions),
    approvals,
    updatedAt: report.updated_at,
    updatedBy:
      report.updated_by === null
        ? null
        : ((await publicNames(db, [report.updated_by])).get(report.updated_by) ?? report.updated_by),
    header,
    sections: template.sections
      .filter((section) => section.kind === 'rich')
      .map((section) => {
        const blocks = content.sections[section.key] ?? [];
        return {
          key: section.key,
          html: toHtml(blocks),
          blocks,
          characters: countCharacters(blocks),
          limit: section.limit,
        };
      }),
    links: content.links,
    projects:
      periodRow.kind === 'review'
        ? await buildProjectList(db, Number(report.theme_id), content.projectOrder, periodRow.cut_off)
        : [],
    comments: await commentsOf(db, Number(report.id)),
    template: template.sections.map(({ key, number, kind, limit, title }) => ({ key, number, kind, limit, title })),
  };
}

export type { Ministry };
