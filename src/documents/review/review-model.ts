/**
 * The national review as one model, compiled from the approved reports of a period in the period's
 * fixed theme order: cover, contents, the summary table of the four figures with totals, then each
 * theme (header, sections, links, project list). HTML, DOCX and PDF are all rendered from this.
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
import type { RichText } from '../../domain/reports/rich-text.js';
import { finnishDate, sectionTitle, TEMPLATES, type DocumentKind } from '../../domain/reports/templates.js';

export type FigureKey = 'frame' | 'reserved' | 'committed' | 'paid';
export const FIGURE_KEYS: FigureKey[] = ['frame', 'reserved', 'committed', 'paid'];
export const FIGURE_LABELS: Record<FigureKey, string> = {
  frame: 'a) julkinen rahoituskehys',
  reserved: 'b) varaukset',
  committed: 'c) sidotut valtuudet',
  paid: 'd) maksetut kustannukset',
};

export type ReviewTheme = {
  number: number;
  slug: string;
  name: string;
  header: ReportHeader;
  sections: { number: number; title: string; blocks: RichText }[];
  linksTitle: string | null;
  links: { url: string; title: string | null }[];
  projectsTitle: string | null;
  projects: ProjectList;
};

export type ReviewModel = {
  kind: DocumentKind;
  title: string;
  subtitle: string;
  cutOff: string | null;
  themes: ReviewTheme[];
  /** Themes of the period whose report is not approved: named on the cover, not compiled. */
  missing: string[];
  totals: Record<FigureKey, number>;
};

export async function compileReview(db: Db, periodKey: string): Promise<ReviewModel> {
  const period = await findPeriod(db, periodKey);
  if (!period) throw new NotFoundError('reporting_period', periodKey);
  const template = TEMPLATES[period.kind];
  const themes = await periodThemes(db, Number(period.id));
  const compiled: ReviewTheme[] = [];
  const missing: string[] = [];
  for (const theme of themes) {
    if (theme.state !== 'approved' || theme.reportId === null) {
      missing.push(theme.name.fi);
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
    compiled.push({
      number: compiled.length + 1,
      slug: theme.slug,
      name: theme.name.fi,
      header,
      sections: template.sections
        .filter((s) => s.kind === 'rich')
        .map((s) => ({
          number: s.number,
          title: sectionTitle(s, 'fi', period.cut_off),
          blocks: content.sections[s.key] ?? [],
        })),
      linksTitle: linksSection ? `${linksSection.number}) ${sectionTitle(linksSection, 'fi', period.cut_off)}` : null,
      links: content.links,
      projectsTitle: projectsSection
        ? `${projectsSection.number}) ${sectionTitle(projectsSection, 'fi', period.cut_off)}`
        : null,
      projects: projectsSection ? await buildProjectList(db, theme.themeId, content.projectOrder, period.cut_off) : [],
    });
  }
  const totals = Object.fromEntries(
    FIGURE_KEYS.map((key) => [key, compiled.reduce((sum, t) => sum + (t.header.figures?.[key] ?? 0), 0)]),
  ) as Record<FigureKey, number>;
  return {
    kind: period.kind,
    title:
      period.kind === 'review'
        ? 'ESR+ Valtakunnallisten teemojen toteutuskatsaus'
        : 'ESR+ Valtakunnallisten teemojen teemakuvaukset',
    subtitle: period.cut_off
      ? `Katsaus ${finnishDate(period.cut_off)} mennessä toteutuneeseen valtakunnallisten teemojen toimintaan ja tuloksiin.`
      : period.title_fi,
    cutOff: period.cut_off,
    themes: compiled,
    missing,
    totals,
  };
}

/** "S30977 Lab-ammattikorkeakoulu Oy (päätoteuttaja)" lines of one entity, as the template lists them. */
export function projectLines(entity: ProjectList[number]['entities'][number]): { head: string; rows: string[] } {
  const written = entity.period.text ?? [entity.period.start, entity.period.end].filter(Boolean).join(' – ');
  // An inferred start or end is not the source's: the list says so ("2025-12 (päätelty)").
  const period = written && entity.period.inferred ? `${written} (päätelty)` : written;
  const head = [
    entity.groupCode ?? (entity.kind === 'single' ? entity.projects[0]?.code : null),
    entity.name.fi,
    period,
  ]
    .filter(Boolean)
    .join(' ');
  const rows =
    entity.kind === 'group'
      ? entity.projects.map((p) =>
          [p.code, p.implementer, p.role === 'main' ? '(päätoteuttaja)' : null].filter(Boolean).join(' '),
        )
      : entity.projects.map((p) => `Toteuttaja ${p.implementer}`);
  return { head, rows };
}

export const contactLine = (c: ReportHeader['contacts'][number]) =>
  [c.title, c.name, c.organisation, c.email, c.phone].filter(Boolean).join(', ');
