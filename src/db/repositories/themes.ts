/** Reading themes, their money and their key figures. */
import { PostgresAdapter, sql, type Expression } from 'kysely';
import type { Db } from '../database.js';
import type { Finance, Overview, ThemeDetail, ThemeFigures, ThemeSummary } from '../../contracts/api.js';
import { checkFinanceOrder, computeUtilisation, currentEntry, sumFigures } from '../../domain/finance.js';
import type { Precision } from '../../domain/money.js';
import {
  computeThemeFigures,
  countiesWithout,
  type FigureEntity,
  type FigureOrganisation,
  type Ministry,
} from '../../domain/figures.js';
import { organisationCounty } from '../../domain/key-figure-facts.js';
import {
  decidedByCutOff,
  decodeCursor,
  encodeCursor,
  groupBy,
  isoInstant,
  jsonList,
  localized,
  oneOf,
  period,
  readList,
  staticQuery,
  type ReadContext,
} from './shared.js';
import { InvalidCursorError } from './projects.js';
import { publicName } from './users.js';
import type { ActivityFiguresTable, Tracked } from '../schema.js';

type SnapshotRow = {
  id: number;
  theme_id: number;
  as_of: string;
  frame_cents: number | null;
  frame_rounded: number;
  reserved_cents: number | null;
  reserved_rounded: number;
  committed_cents: number | null;
  committed_rounded: number;
  paid_cents: number | null;
  paid_rounded: number;
  note: string | null;
  reason: string;
  recorded_at: string;
  recorded_by: string;
  source: string | null;
  sequence: number;
  kind: 'entry' | 'correction' | 'withdrawal';
  supersedes_id: number | null;
  confirmed_checks: string | null;
  confirmation_reason: string | null;
  frame_approximate: number;
  frame_as_written: string | null;
  reserved_approximate: number;
  reserved_as_written: string | null;
  committed_approximate: number;
  committed_as_written: string | null;
  paid_approximate: number;
  paid_as_written: string | null;
};

type Figure = 'frame' | 'reserved' | 'committed' | 'paid';

const precisionOf = (row: SnapshotRow, figure: Figure): Precision =>
  row[`${figure}_approximate`] === 1 ? 'approximate' : row[`${figure}_rounded`] === 1 ? 'rounded' : 'exact';

type SplitRow = { snapshot_id: number; ministry: string; cents: number; rounded: number };

function toFinance(row: SnapshotRow, splits: SplitRow[], context: ReadContext): Finance {
  const figures = {
    frame: row.frame_cents,
    reserved: row.reserved_cents,
    committed: row.committed_cents,
    paid: row.paid_cents,
  };
  return {
    asOf: row.as_of,
    ...figures,
    // "rounded" stays what it was for existing clients: any amount that is not exact.
    rounded: {
      frame: precisionOf(row, 'frame') !== 'exact',
      reserved: precisionOf(row, 'reserved') !== 'exact',
      committed: precisionOf(row, 'committed') !== 'exact',
      paid: precisionOf(row, 'paid') !== 'exact',
    },
    precision: {
      frame: precisionOf(row, 'frame'),
      reserved: precisionOf(row, 'reserved'),
      committed: precisionOf(row, 'committed'),
      paid: precisionOf(row, 'paid'),
    },
    asWritten: {
      frame: row.frame_as_written,
      reserved: row.reserved_as_written,
      committed: row.committed_as_written,
      paid: row.paid_as_written,
    },
    frameByMinistry: splits.map((split) => ({
      ministry: split.ministry as Ministry,
      amount: split.cents,
      rounded: split.rounded === 1,
    })),
    utilisation: computeUtilisation(figures),
    warnings: checkFinanceOrder(figures).map((warning) => ({
      code: warning.code,
      field: warning.field,
      message: warning.message[context.locale],
    })),
    note: row.note,
  };
}

async function splitsFor(db: Db, snapshotIds: number[]): Promise<Map<number, SplitRow[]>> {
  if (snapshotIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('frame_splits')
    .selectAll()
    .where(oneOf(db, 'snapshot_id', snapshotIds))
    .orderBy('ministry')
    .execute();
  return groupBy(rows, (row) => Number(row.snapshot_id));
}

export type ThemeFilter = { ministry?: string | undefined; specificObjective?: string | undefined };

export async function listThemes(db: Db, filter: ThemeFilter, context: ReadContext): Promise<ThemeSummary[]> {
  let query = db.selectFrom('themes').selectAll().where('archived_at', 'is', null);
  if (filter.ministry) {
    const ministry = filter.ministry;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('theme_ministries as tm')
          .select('tm.theme_id')
          .whereRef('tm.theme_id', '=', 'themes.id')
          .where('tm.ministry', '=', ministry),
      ),
    );
  }
  if (filter.specificObjective) {
    const code = filter.specificObjective;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('theme_specific_objectives as so')
          .select('so.theme_id')
          .whereRef('so.theme_id', '=', 'themes.id')
          .where('so.code', '=', code),
      ),
    );
  }
  const themes = await query.orderBy('review_order').orderBy('name_fi').execute();
  return summarise(db, themes, context);
}

/**
 * The overview page's answer: a page of themes with only what the list shows, and the national totals
 * over every matching theme (issue 16: the full list was 1.45 MB at the EU's size). The cursor is the
 * last slug of the page with its position.
 */
export async function getOverview(
  db: Db,
  filter: ThemeFilter & { limit: number; cursor?: string | undefined },
  context: ReadContext,
): Promise<Overview> {
  const themes = await listThemes(db, filter, context);
  let start = 0;
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    if (!after) throw new InvalidCursorError();
    const [slug, position] = after;
    const index = themes.findIndex((theme) => theme.slug === slug);
    start = index >= 0 ? index + 1 : Math.max(0, position + 1);
  }
  const page = themes.slice(start, start + filter.limit);
  const more = start + filter.limit < themes.length;
  const last = page.at(-1);
  return {
    items: page.map((theme) => ({
      slug: theme.slug,
      name: theme.name,
      shortName: theme.shortName,
      ministries: theme.ministries,
      finance: theme.finance && {
        asOf: theme.finance.asOf,
        frame: theme.finance.frame,
        reserved: theme.finance.reserved,
        committed: theme.finance.committed,
        paid: theme.finance.paid,
        rounded: theme.finance.rounded,
        reservedOfFrame: theme.finance.utilisation.reservedOfFrame,
        leftToReserve: theme.finance.utilisation.leftToReserve,
        warnings: theme.finance.warnings.length,
      },
    })),
    totals: sumFigures(
      themes.map((theme) => ({
        figures: theme.finance ?? { frame: null, reserved: null, committed: null, paid: null },
        inexact: theme.finance?.rounded ?? {},
      })),
    ),
    themesWithFinance: themes.filter((theme) => theme.finance).length,
    page: {
      total: themes.length,
      limit: filter.limit,
      nextCursor: more && last ? encodeCursor([last.slug, start + page.length - 1]) : null,
    },
  };
}

type ThemeRow = Awaited<ReturnType<typeof themeRow>>;
const themeRow = (db: Db, slug: string) =>
  db.selectFrom('themes').selectAll().where('slug', '=', slug).executeTakeFirst();

async function summarise(db: Db, themes: NonNullable<ThemeRow>[], context: ReadContext): Promise<ThemeSummary[]> {
  if (themes.length === 0) return [];
  const ids = themes.map((theme) => Number(theme.id));
  const [ministries, objectives, latest] = await Promise.all([
    db
      .selectFrom('theme_ministries')
      .selectAll()
      .where(oneOf(db, 'theme_id', ids))
      .orderBy('ministry')
      .execute(),
    db
      .selectFrom('theme_specific_objectives')
      .selectAll()
      .where(oneOf(db, 'theme_id', ids))
      .orderBy('code')
      .execute(),
    // The current entry of each theme (domain/finance.ts currentEntry: the latest-dated one that no
    // correction or withdrawal supersedes): one index probe per theme, not one per snapshot (at the
    // EU's size, 2 000 themes with ten years of quarterly snapshots).
    db
      .selectFrom('finance_snapshots as fs')
      .selectAll()
      .where('fs.id', 'in', (eb) =>
        eb
          .selectFrom('themes as t')
          .select((inner) =>
            inner
              .selectFrom('finance_snapshots as newer')
              .select('newer.id')
              .whereRef('newer.theme_id', '=', 't.id')
              .where('newer.kind', '!=', 'withdrawal')
              .where((w) =>
                w.not(
                  w.exists(
                    w
                      .selectFrom('finance_snapshots as later')
                      .select('later.id')
                      .whereRef('later.supersedes_id', '=', 'newer.id'),
                  ),
                ),
              )
              .orderBy('newer.as_of', 'desc')
              .orderBy('newer.id', 'desc')
              .limit(1)
              .as('latest'),
          )
          .where(oneOf(db, 't.id', ids)),
      )
      .execute(),
  ]);
  const splits = await splitsFor(
    db,
    latest.map((row) => Number(row.id)),
  );
  const ministriesOf = groupBy(ministries, (row) => Number(row.theme_id));
  const objectivesOf = groupBy(objectives, (row) => Number(row.theme_id));
  const latestOf = new Map(latest.map((row) => [Number(row.theme_id), row as SnapshotRow]));
  return themes.map((theme) => {
    const id = Number(theme.id);
    const snapshot = latestOf.get(id);
    return toSummary(
      theme,
      ministriesOf.get(id) ?? [],
      (objectivesOf.get(id) ?? []).map((row) => row.code),
      snapshot ? toFinance(snapshot, splits.get(Number(snapshot.id)) ?? [], context) : null,
    );
  });
}

type MinistryRow = { ministry: string; role: 'lead' | 'partner' | null; inferred_reason: string | null };

function toSummary(
  theme: NonNullable<ThemeRow>,
  ministries: MinistryRow[],
  specificObjectives: string[],
  finance: Finance | null,
): ThemeSummary {
  return {
    slug: theme.slug,
    order: theme.review_order,
    name: localized(theme.name_fi, theme.name_sv, theme.name_en),
    shortName: theme.short_name,
    ministries: ministries.map((row) => row.ministry as Ministry),
    ministryRoles: ministries.map((row) => ({
      ministry: row.ministry as Ministry,
      role: row.role,
      inferred: row.inferred_reason === null ? null : { reason: row.inferred_reason },
    })),
    specificObjectives,
    period: period(theme.period_start, theme.period_end, theme.period_text),
    finance,
  };
}

/** The columns of a finance entry, each by its own name: what `jsonList` needs to list them. */
const SNAPSHOT_COLUMNS = [
  'id',
  'theme_id',
  'as_of',
  'frame_cents',
  'frame_rounded',
  'reserved_cents',
  'reserved_rounded',
  'committed_cents',
  'committed_rounded',
  'paid_cents',
  'paid_rounded',
  'note',
  'reason',
  'recorded_at',
  'recorded_by',
  'source',
  'sequence',
  'kind',
  'supersedes_id',
  'confirmed_checks',
  'confirmation_reason',
  'frame_approximate',
  'frame_as_written',
  'reserved_approximate',
  'reserved_as_written',
  'committed_approximate',
  'committed_as_written',
  'paid_approximate',
  'paid_as_written',
] as const satisfies readonly (keyof SnapshotRow)[];

type ContactRow = {
  id: number;
  role: string;
  name: string;
  title: string | null;
  organisation: string | null;
  ministry: string | null;
  email: string | null;
  phone: string | null;
  valid_from: string | null;
  valid_to: string | null;
  absence: 'on_leave' | null;
};
type AreaRow = { id: number; key: string; name_fi: string; name_sv: string | null; name_en: string | null };
type LinkRow = { id: number; url: string; title: string | null };
// The activity figure's columns as the page's JSON column carries them (id as a number).
type ActivityRow = Omit<ActivityFiguresTable, 'id' | 'theme_id' | 'source' | keyof Tracked> & { id: number };
type HistoryRow = SnapshotRow & { recorder: string | null };

/**
 * A theme's page in one static statement: the theme, and its ministries, objectives, contacts,
 * content areas, links, finance entries (with who recorded each) and their ministries' shares, and
 * activity figures as JSON columns (shared.ts jsonList). It was fourteen statements (issue 16).
 */
const themePage = staticQuery(
  (db, slug: string) =>
    db
      .selectFrom('themes as t')
      .selectAll('t')
      .where('t.slug', '=', slug)
      .select((eb) => [
        eb
          .selectFrom('theme_ministries as m')
          .select((sub) =>
            jsonList<MinistryRow>(
              db,
              {
                ministry: sub.ref('m.ministry'),
                role: sub.ref('m.role'),
                inferred_reason: sub.ref('m.inferred_reason'),
              },
              [sub.ref('m.ministry')],
            ).as('list'),
          )
          .whereRef('m.theme_id', '=', 't.id')
          .as('ministries_json'),
        eb
          .selectFrom('theme_specific_objectives as so')
          .select((sub) =>
            jsonList<{ code: string }>(db, { code: sub.ref('so.code') }, [sub.ref('so.code')]).as('list'),
          )
          .whereRef('so.theme_id', '=', 't.id')
          .as('objectives_json'),
        eb
          .selectFrom('contacts as c')
          .select((sub) =>
            jsonList<ContactRow>(
              db,
              {
                id: sub.ref('c.id'),
                role: sub.ref('c.role'),
                name: sub.ref('c.name'),
                title: sub.ref('c.title'),
                organisation: sub.ref('c.organisation'),
                ministry: sub.ref('c.ministry'),
                email: sub.ref('c.email'),
                phone: sub.ref('c.phone'),
                valid_from: sub.ref('c.valid_from'),
                valid_to: sub.ref('c.valid_to'),
                absence: sub.ref('c.absence'),
              },
              [sub.ref('c.position'), sub.ref('c.id')],
            ).as('list'),
          )
          .whereRef('c.theme_id', '=', 't.id')
          .where('c.archived_at', 'is', null)
          .as('contacts_json'),
        eb
          .selectFrom('content_areas as ca')
          .select((sub) =>
            jsonList<AreaRow>(
              db,
              {
                id: sub.ref('ca.id'),
                key: sub.ref('ca.key'),
                name_fi: sub.ref('ca.name_fi'),
                name_sv: sub.ref('ca.name_sv'),
                name_en: sub.ref('ca.name_en'),
              },
              [sub.ref('ca.position'), sub.ref('ca.id')],
            ).as('list'),
          )
          .whereRef('ca.theme_id', '=', 't.id')
          .where('ca.archived_at', 'is', null)
          .as('areas_json'),
        eb
          .selectFrom('theme_links as l')
          .select((sub) =>
            jsonList<LinkRow>(db, { id: sub.ref('l.id'), url: sub.ref('l.url'), title: sub.ref('l.title') }, [
              sub.ref('l.position'),
              sub.ref('l.id'),
            ]).as('list'),
          )
          .whereRef('l.theme_id', '=', 't.id')
          .where('l.archived_at', 'is', null)
          .as('links_json'),
        eb
          .selectFrom('finance_snapshots as fs')
          .leftJoin('users as u', 'u.username', 'fs.recorded_by')
          .select((sub) =>
            jsonList<HistoryRow>(
              db,
              {
                ...(Object.fromEntries(
                  SNAPSHOT_COLUMNS.map((column) => [column, sub.ref(`fs.${column}`)]),
                ) as unknown as {
                  [K in keyof SnapshotRow]: Expression<SnapshotRow[K]>;
                }),
                recorder: sub.ref('u.display_name'),
              },
              [sql`${sub.ref('fs.as_of')} desc`, sql`${sub.ref('fs.id')} desc`],
            ).as('list'),
          )
          .whereRef('fs.theme_id', '=', 't.id')
          .as('history_json'),
        eb
          .selectFrom('frame_splits as s')
          .innerJoin('finance_snapshots as fs', 'fs.id', 's.snapshot_id')
          .select((sub) =>
            jsonList<SplitRow>(
              db,
              {
                snapshot_id: sub.ref('s.snapshot_id'),
                ministry: sub.ref('s.ministry'),
                cents: sub.ref('s.cents'),
                rounded: sub.ref('s.rounded'),
              },
              [sub.ref('s.ministry'), sub.ref('s.snapshot_id')],
            ).as('list'),
          )
          .whereRef('fs.theme_id', '=', 't.id')
          .as('splits_json'),
        eb
          .selectFrom('activity_figures as a')
          .select((sub) =>
            jsonList<ActivityRow>(
              db,
              {
                id: sub.ref('a.id'),
                key: sub.ref('a.key'),
                label_fi: sub.ref('a.label_fi'),
                label_sv: sub.ref('a.label_sv'),
                label_en: sub.ref('a.label_en'),
                value: sub.ref('a.value'),
                unit: sub.ref('a.unit'),
                period_start: sub.ref('a.period_start'),
                period_end: sub.ref('a.period_end'),
                period_text: sub.ref('a.period_text'),
              },
              [sub.ref('a.key'), sub.ref('a.id')],
            ).as('list'),
          )
          .whereRef('a.theme_id', '=', 't.id')
          .where('a.archived_at', 'is', null)
          .as('activity_json'),
      ]),
  1,
);

export async function getTheme(db: Db, slug: string, context: ReadContext): Promise<ThemeDetail | null> {
  const [theme] = await themePage(db, slug);
  if (!theme) return null;
  // PostgreSQL writes a timestamp into JSON in its own form; the API gives instants as ISO strings.
  const instant = db.getExecutor().adapter instanceof PostgresAdapter ? isoInstant : (value: string) => value;
  const history = readList(theme.history_json).map((row) => ({ ...row, recorded_at: instant(row.recorded_at) }));
  const splits = groupBy(readList(theme.splits_json), (row) => Number(row.snapshot_id));
  const financeOf = (row: SnapshotRow) => toFinance(row, splits.get(Number(row.id)) ?? [], context);
  const ledger = history.map((row) => ({
    id: Number(row.id),
    asOf: String(row.as_of),
    kind: row.kind,
    supersedes: row.supersedes_id === null ? null : Number(row.supersedes_id),
    sequence: Number(row.sequence),
  }));
  const current = currentEntry(ledger);
  const supersededBy = new Map(
    ledger.filter((entry) => entry.supersedes !== null).map((entry) => [entry.supersedes!, entry.id]),
  );
  const head = ledger.reduce<(typeof ledger)[number] | null>(
    (last, entry) => (!last || entry.sequence > last.sequence ? entry : last),
    null,
  );
  const currentRow = current ? history.find((row) => Number(row.id) === current.id) : undefined;
  return {
    ...toSummary(
      theme,
      readList(theme.ministries_json),
      readList(theme.objectives_json).map((row) => row.code),
      currentRow ? financeOf(currentRow) : null,
    ),
    financeHead: head?.id ?? null,
    intermediateBody: theme.intermediate_body,
    statedProjectCount: theme.stated_project_count,
    contacts: readList(theme.contacts_json).map((contact) => ({
      id: Number(contact.id),
      role: contact.role as 'coordination' | 'financier' | 'ministry',
      name: contact.name,
      title: contact.title,
      organisation: contact.organisation,
      ministry: contact.ministry as Ministry | null,
      email: contact.email,
      phone: contact.phone,
      validFrom: contact.valid_from,
      validTo: contact.valid_to,
      absence: contact.absence,
    })),
    contentAreas: readList(theme.areas_json).map((area) => ({
      id: Number(area.id),
      key: area.key,
      name: localized(area.name_fi, area.name_sv, area.name_en),
    })),
    links: readList(theme.links_json).map((link) => ({ id: Number(link.id), url: link.url, title: link.title })),
    financeHistory: history.map((row) => ({
      ...financeOf(row),
      id: Number(row.id),
      kind: row.kind,
      supersedes: row.supersedes_id === null ? null : Number(row.supersedes_id),
      supersededBy: supersededBy.get(Number(row.id)) ?? null,
      current: current !== null && current.id === Number(row.id),
      confirmation:
        row.confirmed_checks === null
          ? null
          : { checks: JSON.parse(row.confirmed_checks) as string[], reason: row.confirmation_reason ?? '' },
      reason: row.reason,
      recordedAt: row.recorded_at,
      recordedBy: publicName(row.recorded_by, row.recorder),
      source: row.source,
    })),
    activityFigures: readList(theme.activity_json).map((figure) => ({
      id: Number(figure.id),
      key: figure.key,
      label: localized(figure.label_fi, figure.label_sv, figure.label_en),
      value: figure.value,
      unit: figure.unit,
      period: period(figure.period_start, figure.period_end, figure.period_text),
    })),
    source: theme.source,
  };
}

/** The key figures, computed from the project data on every request: never stored or typed in. */
export async function getThemeFigures(
  db: Db,
  slug: string,
  /** As of a date: only the entities decided by then (domain/as-of.ts); null: all. */
  asOf: string | null = null,
): Promise<ThemeFigures | null> {
  const theme = await themeRow(db, slug);
  if (!theme) return null;
  return figuresOf(db, Number(theme.id), theme.slug, asOf);
}

/** The key figures of every theme together (the national figures): each organisation once. */
export function getNationalFigures(db: Db): Promise<ThemeFigures> {
  return figuresOf(db, null, '*', null);
}

async function figuresOf(db: Db, id: number | null, slug: string, asOf: string | null): Promise<ThemeFigures> {
  const theme = { slug };
  // A theme's entities first, then their rows by those ids: what the figures cost grows with the
  // theme, not with every theme's data (docs/performance.md, "Query plans"). The national figures
  // read every row anyway, so there the ids stay a subquery (no list of every entity's id).
  let entityRows = db
    .selectFrom('project_entities')
    .select(['id', 'kind'])
    .where('archived_at', 'is', null)
    .where(decidedByCutOff(asOf));
  if (id !== null) entityRows = entityRows.where('theme_id', '=', id);
  const entities = await entityRows.execute();
  const ofEntities = (column: string) =>
    id === null
      ? sql<boolean>`${sql.ref(column)} in (select id from project_entities where archived_at is null)`
      : oneOf(
          db,
          column,
          entities.map((entity) => Number(entity.id)),
        );
  const [projects, ministries, partners, sectors, counties] = await Promise.all([
    db
      .selectFrom('projects')
      .select(['entity_id', 'implementer_id', 'role'])
      .where(ofEntities('entity_id'))
      .where('archived_at', 'is', null)
      .execute(),
    db.selectFrom('project_entity_ministries').selectAll().where(ofEntities('entity_id')).execute(),
    db.selectFrom('project_entity_partners').selectAll().where(ofEntities('entity_id')).execute(),
    db.selectFrom('project_entity_sectors').selectAll().where(ofEntities('entity_id')).execute(),
    db.selectFrom('counties').selectAll().orderBy('id').execute(),
  ]);
  const organisationIds = [
    ...new Set([...projects.map((p) => Number(p.implementer_id)), ...partners.map((p) => Number(p.organisation_id))]),
  ];
  const organisations =
    organisationIds.length === 0
      ? []
      : await db
          .selectFrom('organisations as o')
          .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
          .select(['o.id', 'o.type', 'o.county_id as own_county_id', 'm.county_id'])
          .where(oneOf(db, 'o.id', organisationIds))
          .execute();
  const organisationMap = new Map<string, FigureOrganisation>(
    organisations.map((o) => [
      String(o.id),
      { id: String(o.id), type: o.type, countyId: organisationCounty(o.own_county_id, o.county_id) },
    ]),
  );
  const projectsOf = groupBy(projects, (row) => Number(row.entity_id));
  const ministriesOf = groupBy(ministries, (row) => Number(row.entity_id));
  const partnersOf = groupBy(partners, (row) => Number(row.entity_id));
  const sectorsOf = groupBy(sectors, (row) => Number(row.entity_id));
  const figureEntities: FigureEntity[] = entities.map((entity) => {
    const entityId = Number(entity.id);
    return {
      kind: entity.kind,
      ministries: (ministriesOf.get(entityId) ?? []).map((row) => row.ministry as Ministry),
      projects: (projectsOf.get(entityId) ?? []).map((row) => ({
        implementerId: String(row.implementer_id),
        role: row.role,
      })),
      partnerIds: (partnersOf.get(entityId) ?? []).map((row) => String(row.organisation_id)),
      sectors: (sectorsOf.get(entityId) ?? []).map((row) => row.sector_key),
    };
  });
  const figures = computeThemeFigures(figureEntities, organisationMap);
  const countyNames = new Map(counties.map((county) => [county.id, localized(county.name_fi, county.name_sv, null)]));
  return {
    theme: theme.slug,
    ...figures,
    countiesWithoutImplementers: countiesWithout(
      figures,
      counties.map((county) => county.id),
    ).map((countyId) => ({
      id: countyId,
      name: countyNames.get(countyId) ?? localized(countyId, null, null),
    })),
  };
}

/** What a theme's key-figure deck names besides its figures: the theme and every county. */
export async function getKeyFigureNames(
  db: Db,
  slug: string,
): Promise<{
  theme: { slug: string; name: { fi: string; sv: string | null; en: string | null }; shortName: string | null };
  counties: { id: string; name: { fi: string; sv: string } }[];
} | null> {
  const theme = await themeRow(db, slug);
  if (!theme) return null;
  return {
    theme: {
      slug: theme.slug,
      name: { fi: theme.name_fi, sv: theme.name_sv, en: theme.name_en },
      shortName: theme.short_name,
    },
    counties: await countyNames(db),
  };
}

export async function countyNames(db: Db): Promise<{ id: string; name: { fi: string; sv: string } }[]> {
  const rows = await db.selectFrom('counties').select(['id', 'name_fi', 'name_sv']).orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, name: { fi: row.name_fi, sv: row.name_sv } }));
}

/** Every theme's slug and names, in the overview's order, for the figures side by side. */
export async function listThemeSlugs(db: Db): Promise<{ slug: string; name: string; shortName: string | null }[]> {
  const rows = await db
    .selectFrom('themes')
    .select(['slug', 'name_fi', 'short_name', 'id'])
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ slug: row.slug, name: row.name_fi, shortName: row.short_name }));
}
