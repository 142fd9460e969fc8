/**
 * The national review as one model, compiled from the approved reports of a period in the period's
 * fixed theme order: cover, contents, the summary table of the four figures with totals, then each
 * theme (header, sections, links, project list). HTML, DOCX and PDF are all rendered from this, in
 * Finnish or Swedish (the reports' own text stays Finnish and is marked so in a Swedish review).
 *
 * Money is shown as the source gave it: an amount the source rounded is shown rounded ("noin 1,4 milj. €"),
 * an unknown one as "ei tiedossa" and left out of the totals, and each total says what it includes.
 */
import type { Db } from '../../db/database.js';
import type { ProjectList, ReportHeader } from '../../contracts/reports.js';
import {
  buildHeader,
  buildProjectList,
  findPeriod,
  parseContent,
  periodThemes,
} from '../../db/repositories/reports.js';
import { NotFoundError } from '../../domain/errors.js';
import { formatEuros, formatMillions } from '../../domain/money.js';
import type { Inline, RichText } from '../../domain/reports/rich-text.js';
import { onlyPlaceholder } from '../../domain/placeholders.js';
import type { DescriptionSheet } from '../../domain/reports/report.js';
import { finnishDate, sectionTitle, TEMPLATES, type DocumentKind } from '../../domain/reports/templates.js';
import { REVIEW_LABELS, type ReviewLabels, type ReviewLanguage } from './review-labels.js';

export type FigureKey = 'frame' | 'reserved' | 'committed' | 'paid';
export const FIGURE_KEYS: FigureKey[] = ['frame', 'reserved', 'committed', 'paid'];

/** An amount as the source gave it: unknown (null cents), exact, or rounded by the source. */
export type Amount = { cents: number | null; rounded: boolean };
/** A total: the sum of the known amounts, rounded when one of them is, with the themes left out. */
export type Total = { cents: number; rounded: boolean; unknown: number[] };

/** A piece of text with its language, when it differs from the document's (a Finnish name in a Swedish review). */
export type Text = { text: string; lang: ReviewLanguage };

export type ReviewEntity = {
  key: string;
  code: string | null;
  name: Text;
  period: string;
  coordination: boolean;
  kind: 'single' | 'group';
  costEstimate: Amount | null;
  website: string | null;
  implementers: { code: string | null; implementer: string; main: boolean }[];
};

/** A language of a theme description's names: the description names the theme in all three. */
export type NameLanguage = 'fi' | 'sv' | 'en';

/**
 * A theme description's header in seed 002's order: "Valtakunnallinen teema", the specific
 * objective, the names in fi/sv/en, then the contact fields, the period and the frame estimate as
 * written. A field the description leaves empty (or as the template's placeholder) is `null`.
 */
export type DescriptionView = {
  objective: { code: string; name: string | null } | null;
  names: { text: string; lang: NameLanguage }[];
  fields: { key: 'intermediateBody' | 'coordination' | 'ministry' | 'period' | 'frame'; value: string | null }[];
};

export type ReviewTheme = {
  number: number;
  /** Descriptions only: the description's own header; the review's header and figures are not shown. */
  description: DescriptionView | null;
  slug: string;
  name: Text;
  header: ReportHeader;
  figures: Record<FigureKey, Amount> | null;
  asOf: string | null;
  frameByMinistry: { ministry: string; amount: Amount }[];
  period: string;
  sections: { number: number; title: string; blocks: RichText }[];
  linksTitle: string | null;
  links: { url: string; title: string | null }[];
  projectsTitle: string | null;
  projects: { title: Text | null; entities: ReviewEntity[] }[];
};

export type ReviewModel = {
  kind: DocumentKind;
  language: ReviewLanguage;
  labels: ReviewLabels;
  title: string;
  subtitle: string;
  cutOff: string | null;
  themes: ReviewTheme[];
  /** Themes of the period whose report is not approved: named on the cover, not compiled. */
  missing: string[];
  totals: Record<FigureKey, Total>;
};

/** "2026-01" → "1/2026", "2026" → "2026", "2026-01-31" → "31.1.2026". */
export function partialDate(iso: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) return `${Number(month[2])}/${month[1]}`;
  return finnishDate(iso);
}

/** A period as the source states it; else its start and end in the form the source would write. */
export function periodText(period: { start: string | null; end: string | null; text: string | null }): string {
  if (period.text) return period.text;
  return [period.start, period.end]
    .filter((d): d is string => Boolean(d))
    .map(partialDate)
    .join(' – ');
}

/**
 * An amount for print, never broken across lines (non-breaking spaces): exact "1 055 410,40 €",
 * rounded "noin 1,4 milj. €" (a million or more) or "noin 50 000 €", unknown "ei tiedossa". In words, not
 * "≈": the service font's subsets (Latin, Latin Extended) have no "≈", and a fallback font would show.
 */
export function amountText(amount: Amount | null | undefined, labels: ReviewLabels): string {
  if (!amount || amount.cents === null) return labels.unknown;
  if (!amount.rounded) return formatEuros(amount.cents);
  const shown =
    Math.abs(amount.cents) >= 100_000_000
      ? formatMillions(amount.cents).replace('M€', labels.millions)
      : formatEuros(amount.cents);
  return `${labels.approximately}\u00a0${shown}`;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?]|\bwww\.[a-z0-9-]+\.[^\s<>"')\]]*[^\s<>"')\].,;:!?]/gi;

/** Addresses written as plain text become links (the source's paragraphs often hold bare URLs). */
export function linkify(content: Inline[]): Inline[] {
  return content.flatMap((piece): Inline[] => {
    if (piece.type !== 'text') return [piece];
    const out: Inline[] = [];
    let at = 0;
    for (const match of piece.text.matchAll(URL_IN_TEXT)) {
      if (match.index > at) out.push({ type: 'text', text: piece.text.slice(at, match.index) });
      const href = match[0].startsWith('www.') ? `https://${match[0]}` : match[0];
      out.push({ type: 'link', href, text: match[0] });
      at = match.index + match[0].length;
    }
    if (at < piece.text.length) out.push({ type: 'text', text: piece.text.slice(at) });
    return out;
  });
}

const linkifyBlocks = (blocks: RichText): RichText =>
  blocks.map((block) =>
    block.type === 'paragraph'
      ? { ...block, content: linkify(block.content) }
      : { ...block, items: block.items.map(linkify) },
  );

/**
 * Section 6: the report's links, then the theme's own links (the theme's data) the report does not
 * name, so an import that missed a line or a report written before a link was added leaves no gap.
 */
async function completeLinks(db: Db, themeId: number, links: ReviewTheme['links']): Promise<ReviewTheme['links']> {
  const own = await db
    .selectFrom('theme_links')
    .select(['url', 'title'])
    .where('theme_id', '=', themeId)
    .orderBy('position')
    .execute();
  const seen = new Set(links.map((l) => l.url));
  return [...links, ...own.filter((l) => !seen.has(l.url)).map((l) => ({ url: l.url, title: l.title ?? null }))];
}

type EntityFacts = { type: string | null; cost: number | null; rounded: boolean; website: string | null };

async function entityFacts(db: Db, keys: string[]): Promise<Map<string, EntityFacts>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('project_entities')
    .select(['key', 'type', 'cost_estimate_cents', 'cost_estimate_rounded', 'website'])
    .where('key', 'in', keys)
    .execute();
  return new Map(
    rows.map((row) => [
      row.key,
      {
        type: row.type,
        cost: row.cost_estimate_cents === null ? null : Number(row.cost_estimate_cents),
        rounded: Boolean(Number(row.cost_estimate_rounded)),
        website: row.website,
      },
    ]),
  );
}

function inferredMark(text: string, inferred: unknown, language: ReviewLanguage): string {
  if (!text || !inferred) return text;
  return `${text} (${language === 'sv' ? 'härlett' : 'päätelty'})`;
}

function reviewProjects(
  list: ProjectList,
  facts: Map<string, EntityFacts>,
  language: ReviewLanguage,
): ReviewTheme['projects'] {
  const name = (n: { fi: string; sv?: string | null }): Text =>
    language === 'sv' && n.sv ? { text: n.sv, lang: 'sv' } : { text: n.fi, lang: 'fi' };
  const groups = list.map((group) => {
    const entities = group.entities.map((entity): ReviewEntity => {
      const fact = facts.get(entity.key);
      return {
        key: entity.key,
        code: entity.groupCode ?? (entity.kind === 'single' ? (entity.projects[0]?.code ?? null) : null),
        name: name(entity.name),
        // An inferred start or end is not the source's: the list says so ("12/2025 (päätelty)").
        period: inferredMark(periodText(entity.period), entity.period.inferred, language),
        coordination: fact?.type === 'coordination',
        kind: entity.kind,
        costEstimate: fact && fact.cost !== null ? { cents: fact.cost, rounded: fact.rounded } : null,
        website: fact?.website ?? null,
        // "(päätoteuttaja)" only where the source states the role (role is 'not_stated' otherwise).
        implementers: entity.projects.map((p) => ({
          code: p.code,
          implementer: p.implementer,
          main: p.role === 'main',
        })),
      };
    });
    // The theme's coordination project first, as the template lists it; the rest in the stored order.
    const ordered = [...entities.filter((e) => e.coordination), ...entities.filter((e) => !e.coordination)];
    const title = group.title
      ? { text: group.title, lang: 'fi' as const }
      : group.contentArea
        ? name(group.contentArea.name)
        : null;
    return { title, entities: ordered };
  });
  // The group that holds the coordination project first too: the template (and seed 001) opens
  // section 7 with it, whichever call it was funded from. A stable sort keeps the rest in order.
  const leads = (group: (typeof groups)[number]) => group.entities.some((entity) => entity.coordination);
  return [...groups.filter(leads), ...groups.filter((group) => !leads(group))];
}

function figuresOf(header: ReportHeader): Pick<ReviewTheme, 'figures' | 'asOf' | 'frameByMinistry'> {
  const f = header.figures;
  if (!f) return { figures: null, asOf: null, frameByMinistry: [] };
  const amount = (key: FigureKey): Amount => ({ cents: f[key], rounded: f.rounded[key] });
  return {
    figures: {
      frame: amount('frame'),
      reserved: amount('reserved'),
      committed: amount('committed'),
      paid: amount('paid'),
    },
    asOf: f.asOf,
    frameByMinistry: f.frameByMinistry.map((split) => ({
      ministry: split.ministry,
      amount: { cents: split.amount, rounded: f.rounded.frame },
    })),
  };
}

/**
 * The description's header: as the imported description wrote it; for a description written in
 * the system, from the theme's own data (names, specific objectives, contacts by role, period). The
 * frame estimate comes only from the description: the theme's recorded figures are the review's,
 * as of its cut-off, and are not the description's estimate.
 */
async function descriptionView(
  db: Db,
  themeId: number,
  header: ReportHeader,
  sheet: DescriptionSheet | undefined,
): Promise<DescriptionView> {
  const given = (text: string | null | undefined) =>
    text && text.trim() !== '' && !onlyPlaceholder(text) ? text.trim() : null;
  const names = (n: { fi: string; sv: string | null; en: string | null }) =>
    (['fi', 'sv', 'en'] as const).flatMap((lang) => (n[lang] ? [{ text: n[lang], lang }] : []));
  if (sheet)
    return {
      objective: sheet.specificObjective,
      names: names(sheet.names),
      fields: [
        { key: 'intermediateBody', value: given(sheet.intermediateBodyContact) },
        { key: 'coordination', value: given(sheet.coordinationContact) },
        { key: 'ministry', value: given(sheet.ministryContact) },
        { key: 'period', value: given(sheet.period) },
        { key: 'frame', value: given(sheet.frameEstimate) },
      ],
    };
  const objective = await db
    .selectFrom('theme_specific_objectives as t')
    .leftJoin('specific_objectives as o', 'o.code', 't.code')
    .select(['t.code', 'o.name_fi'])
    .where('t.theme_id', '=', themeId)
    .orderBy('t.code')
    .executeTakeFirst();
  const lines = (contacts: ReportHeader['contacts']) => given(contacts.map(contactLine).join('; '));
  return {
    objective: objective ? { code: objective.code, name: objective.name_fi } : null,
    names: names({ fi: header.theme.name.fi, sv: header.theme.name.sv ?? null, en: header.theme.name.en ?? null }),
    fields: [
      { key: 'intermediateBody', value: lines(header.contacts.filter((c) => c.role === 'financier')) },
      { key: 'coordination', value: lines(header.contacts.filter((c) => c.role === 'coordination')) },
      {
        key: 'ministry',
        value: given(
          header.ministryContacts.map((c) => `${c.ministry ? `${c.ministry}: ` : ''}${contactLine(c)}`).join('; '),
        ),
      },
      { key: 'period', value: given(periodText(header.period)) },
      { key: 'frame', value: null },
    ],
  };
}

export async function compileReview(db: Db, periodKey: string, language: ReviewLanguage = 'fi'): Promise<ReviewModel> {
  const labels = REVIEW_LABELS[language];
  const period = await findPeriod(db, periodKey);
  if (!period) throw new NotFoundError('reporting_period', periodKey);
  const template = TEMPLATES[period.kind];
  const themes = await periodThemes(db, Number(period.id));
  const compiled: ReviewTheme[] = [];
  const missing: string[] = [];
  for (const theme of themes) {
    const themeName: Text =
      language === 'sv' && theme.name.sv ? { text: theme.name.sv, lang: 'sv' } : { text: theme.name.fi, lang: 'fi' };
    if (theme.state !== 'approved' || theme.reportId === null) {
      missing.push(themeName.text);
      continue;
    }
    const row = await db
      .selectFrom('theme_reports')
      .select(['header', 'content'])
      .where('id', '=', theme.reportId)
      .executeTakeFirstOrThrow();
    const content = parseContent(row.content);
    const header = row.header
      ? (JSON.parse(row.header) as ReportHeader)
      : await buildHeader(db, theme.slug, period.cut_off, 'fi');
    const linksSection = template.sections.find((s) => s.kind === 'links');
    const projectsSection = template.sections.find((s) => s.kind === 'projects');
    const projectList = projectsSection
      ? await buildProjectList(db, theme.themeId, content.projectOrder, period.cut_off)
      : [];
    const facts = await entityFacts(
      db,
      projectList.flatMap((group) => group.entities.map((e) => e.key)),
    );
    const description =
      period.kind === 'description' ? await descriptionView(db, theme.themeId, header, content.description) : null;
    compiled.push({
      number: compiled.length + 1,
      description,
      slug: theme.slug,
      name: themeName,
      header,
      // A description shows its own frame estimate, never the figures of a review's cut-off.
      ...(description ? { figures: null, asOf: null, frameByMinistry: [] } : figuresOf(header)),
      period: periodText(header.period) || '–',
      sections: template.sections
        .filter((s) => s.kind === 'rich')
        .map((s) => ({
          number: s.number,
          title: sectionTitle(s, language, period.cut_off),
          blocks: linkifyBlocks(content.sections[s.key] ?? []),
        })),
      linksTitle: linksSection
        ? `${linksSection.number}) ${sectionTitle(linksSection, language, period.cut_off)}`
        : null,
      links: await completeLinks(db, theme.themeId, content.links),
      projectsTitle: projectsSection
        ? `${projectsSection.number}) ${sectionTitle(projectsSection, language, period.cut_off)}`
        : null,
      projects: reviewProjects(projectList, facts, language),
    });
  }
  const totals = Object.fromEntries(
    FIGURE_KEYS.map((key): [FigureKey, Total] => {
      const known = compiled.filter((t) => t.figures?.[key].cents != null);
      return [
        key,
        {
          cents: known.reduce((sum, t) => sum + (t.figures![key].cents ?? 0), 0),
          rounded: known.some((t) => t.figures![key].rounded),
          unknown: compiled.filter((t) => t.figures?.[key].cents == null).map((t) => t.number),
        },
      ];
    }),
  ) as Record<FigureKey, Total>;
  const cutOff = period.cut_off ? finnishDate(period.cut_off) : null;
  return {
    kind: period.kind,
    language,
    labels,
    title: period.kind === 'review' ? labels.title.review : labels.title.description,
    subtitle: cutOff ? labels.subtitle(cutOff) : ((language === 'sv' ? period.title_sv : null) ?? period.title_fi),
    cutOff: period.cut_off,
    themes: compiled,
    missing,
    totals,
  };
}

/** What a total includes, for the note under the summary table. */
export function totalsNote(model: ReviewModel): string {
  const { labels } = model;
  const unknown = FIGURE_KEYS.filter((key) => model.totals[key].unknown.length > 0).map(
    (key) =>
      `${labels.figures[key]}: ${model.totals[key].unknown.map((n) => `${labels.theme.toLowerCase()} ${n}`).join(', ')}`,
  );
  return labels.totalsNote({ unknown, rounded: FIGURE_KEYS.some((key) => model.totals[key].rounded) });
}

export const totalAmount = (total: Total): Amount => ({ cents: total.cents, rounded: total.rounded });

export const contactLine = (c: ReportHeader['contacts'][number]) =>
  [c.title, c.name, c.organisation, c.email, c.phone].filter(Boolean).join(', ');
