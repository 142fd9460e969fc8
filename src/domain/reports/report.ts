/**
 * A theme report's content, its limits and its workflow. Pure rules; the use cases apply them.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved
 *     ▲                  │
 *     └──── returned ◀───┘ return (with comments on sections); returned ──submit──▶ submitted
 *
 * Only draft and returned reports can be edited. Approval freezes the header as of the cut-off.
 */
import type { LocalizedText } from '../errors.js';
import { countCharacters, type RichText } from './rich-text.js';
import { UNLIMITED_SECTION_MAX, type DocumentTemplate } from './templates.js';

export type ReportState = 'draft' | 'submitted' | 'returned' | 'approved';
export const REPORT_STATES: ReportState[] = ['draft', 'submitted', 'returned', 'approved'];
export type ReportAction = 'submit' | 'return' | 'approve';

export type ReportLink = { url: string; title: string | null };
/** Section 7: the order of the generated project list and its groups; entity keys only. */
export type ProjectOrder = { groups: { contentArea: string | null; title: string | null; entities: string[] }[] };

/**
 * A theme description's own header (seed 002), as the description states it: its names in three
 * languages, the specific objective, the three contact fields as written, the period and the frame
 * estimate as written ("13 M€+10 M€"). Kept with the description's content: the description is a
 * plan of its period, not the review's figures as of a cut-off.
 */
export type DescriptionSheet = {
  names: { fi: string; sv: string | null; en: string | null };
  specificObjective: { code: string; name: string } | null;
  intermediateBodyContact: string;
  coordinationContact: string;
  ministryContact: string;
  period: string | null;
  frameEstimate: string | null;
};

export type ReportContent = {
  sections: Record<string, RichText>;
  links: ReportLink[];
  projectOrder: ProjectOrder | null;
  /** Descriptions only: the header as the imported description wrote it. */
  description?: DescriptionSheet;
};

export const emptyContent = (): ReportContent => ({ sections: {}, links: [], projectOrder: null });

export const EDITABLE_STATES: readonly ReportState[] = ['draft', 'returned'];

const TRANSITIONS: Record<ReportAction, { from: readonly ReportState[]; to: ReportState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
};

export function nextState(current: ReportState, action: ReportAction): ReportState | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : null;
}

export const STATE_NAMES: Record<ReportState, LocalizedText> = {
  draft: { fi: 'luonnos', sv: 'utkast', en: 'draft' },
  submitted: { fi: 'lähetetty', sv: 'inskickad', en: 'submitted' },
  returned: { fi: 'palautettu', sv: 'återsänd', en: 'returned' },
  approved: { fi: 'hyväksytty', sv: 'godkänd', en: 'approved' },
};

export type Violation = { field: string; message: LocalizedText };

/** Sections over their limit, counted as the browser counts (UTF-16 code units). */
export function limitViolations(template: DocumentTemplate, content: ReportContent): Violation[] {
  const violations: Violation[] = [];
  for (const section of template.sections) {
    if (section.kind !== 'rich') continue;
    const blocks = content.sections[section.key];
    if (!blocks) continue;
    const count = countCharacters(blocks);
    const limit = section.limit ?? UNLIMITED_SECTION_MAX;
    if (count > limit) {
      violations.push({
        field: `sections.${section.key}`,
        message: {
          fi: `Osiossa ${section.number} on ${count} merkkiä; enintään ${limit} sallitaan (${count - limit} liikaa).`,
          sv: `Avsnitt ${section.number} har ${count} tecken; högst ${limit} är tillåtet (${count - limit} för många).`,
          en: `Section ${section.number} has ${count} characters; at most ${limit} are allowed (${count - limit} over).`,
        },
      });
    }
  }
  return violations;
}

/** What must be there before a report can be submitted: every text section written. */
export function completenessViolations(template: DocumentTemplate, content: ReportContent): Violation[] {
  return template.sections
    .filter((section) => section.kind === 'rich' && countCharacters(content.sections[section.key] ?? []) === 0)
    .map((section) => ({
      field: `sections.${section.key}`,
      message: {
        fi: `Osio ${section.number} on tyhjä.`,
        sv: `Avsnitt ${section.number} är tomt.`,
        en: `Section ${section.number} is empty.`,
      },
    }));
}
