/**
 * The report editor's model, apart from React: what the textareas hold, what changed since the
 * stored version, what the browser refuses before asking the server, and the save it sends.
 */
import type { z } from 'zod';
import type {
  Report,
  ZReportDiff,
  ZReportingPeriod,
  ZReportVersions,
  ZSectionTemplate,
} from '../../../contracts/reports.js';
import { fromEditorText, toEditorText, toHtml } from '../../../domain/reports/rich-text.js';
import { partialDate } from '../../format.js';
import type { Language } from '../../i18n.js';

export type { Report };
export type ReportingPeriod = z.infer<typeof ZReportingPeriod>;
export type SectionTemplate = z.infer<typeof ZSectionTemplate>;
export type ReportVersions = z.infer<typeof ZReportVersions>;
export type ReportDiff = z.infer<typeof ZReportDiff>;

/** How long the editor waits after the last key press before it saves by itself. */
export const AUTOSAVE_DELAY_MS = 1500;

export type Texts = Record<string, string>;
export type LinkRow = { url: string; title: string };

export const textSections = (report: Report) => report.template.filter((section) => section.kind === 'rich');

export const textsOf = (report: Report): Texts =>
  Object.fromEntries(report.sections.map((section) => [section.key, toEditorText(section.blocks)]));

export const linksOf = (report: Report): LinkRow[] =>
  report.links.map((link) => ({ url: link.url, title: link.title ?? '' }));

/** The links as saved: rows left empty are not links. */
export const cleanLinks = (rows: LinkRow[]) =>
  rows
    .filter((row) => row.url.trim() !== '' || row.title.trim() !== '')
    .map((row) => ({ url: row.url.trim(), title: row.title.trim() || null }));

export const sameLinks = (a: LinkRow[], b: LinkRow[]) =>
  JSON.stringify(cleanLinks(a)) === JSON.stringify(cleanLinks(b));

/** A section's title in the language, with the period's cut-off date in it. */
export function sectionTitle(section: SectionTemplate, lang: Language, cutOff: string | null): string {
  return (section.title[lang] ?? section.title.fi).replace('{cutOff}', cutOff ? partialDate(cutOff, lang) : '');
}

/** How many characters a section's text is over its limit (0 when within it). */
export function overLimit(section: SectionTemplate, text: string): number {
  return section.limit === null ? 0 : Math.max(0, text.length - section.limit);
}

/** A web address the server will take for section 6 (it checks the same and more). */
export const isWebAddress = (url: string) => /^https?:\/\/[^/\s]+\.[a-z]{2,}(\/\S*)?$/i.test(url.trim());

/** The sections changed since the stored version, as the HTML the server takes. */
export function changedSections(sections: SectionTemplate[], texts: Texts, stored: Texts): string[] {
  return sections
    .filter((section) => (texts[section.key] ?? '') !== (stored[section.key] ?? ''))
    .map((section) => section.key);
}

export const sectionHtml = (text: string) => toHtml(fromEditorText(text));
