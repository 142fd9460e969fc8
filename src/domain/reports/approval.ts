/**
 * Who approves a theme's report. A joint theme (LANUPE: OKM and STM) has more than one responsible
 * ministry, and each of them answers for its share of the grant authority, so by default each one
 * approves (`each`): the report is approved when the last of them has. A theme may instead name one
 * lead ministry that approves for all (`lead`), a rule stated per theme and stored with it.
 *
 * Approvals count per submission: a report returned and submitted again needs them all again.
 * The managing authority (admin) may do everything, so its approval stands for every ministry still
 * missing.
 */
import type { LocalizedText } from '../errors.js';

export type ApprovalRule = { rule: 'each' } | { rule: 'lead'; leadMinistry: string };

export const APPROVAL_RULES = ['each', 'lead'] as const;

/** The rule as stored with the theme (`approval_rule`, `lead_ministry`); anything incomplete is `each`. */
export const approvalRuleOf = (rule: string, leadMinistry: string | null): ApprovalRule =>
  rule === 'lead' && leadMinistry ? { rule: 'lead', leadMinistry } : { rule: 'each' };

/** The ministries whose approval the report needs. */
export function approvingMinistries(themeMinistries: readonly string[], rule: ApprovalRule): string[] {
  if (rule.rule === 'lead') return [rule.leadMinistry];
  return [...new Set(themeMinistries)].sort();
}

/** A lead ministry must be one of the theme's own ministries. */
export function approvalRuleProblem(themeMinistries: readonly string[], rule: ApprovalRule): LocalizedText | null {
  if (rule.rule === 'lead' && !themeMinistries.includes(rule.leadMinistry))
    return {
      fi: `Päävastuuministeriön on oltava teeman vastuuministeriö (${themeMinistries.join(', ')}).`,
      sv: `Det ledande ministeriet måste vara ett av temats ansvariga ministerier (${themeMinistries.join(', ')}).`,
      en: `The lead ministry must be one of the theme's responsible ministries (${themeMinistries.join(', ')}).`,
    };
  return null;
}

export type ApprovalStep =
  /** The approvals this decision adds, and whether the report is approved with them. */
  { ok: true; approve: string[]; complete: boolean; missing: string[] } | { ok: false; problem: LocalizedText };

/**
 * One person's approval. `actorMinistries` are the ministries the person approves for (their
 * ministry_official roles); `admin` approves for everyone missing. `approved` are the ministries
 * that have already approved this submission.
 */
export function approvalStep(input: {
  required: readonly string[];
  approved: readonly string[];
  actorMinistries: readonly string[];
  admin: boolean;
}): ApprovalStep {
  const missing = input.required.filter((m) => !input.approved.includes(m));
  const mine = input.admin ? missing : missing.filter((m) => input.actorMinistries.includes(m));
  if (mine.length === 0) {
    const already = input.required.filter((m) => input.approved.includes(m) && input.actorMinistries.includes(m));
    if (already.length > 0)
      return {
        ok: false,
        problem: {
          fi: `${already.join(', ')} on jo hyväksynyt raportin; odotetaan: ${missing.join(', ')}.`,
          sv: `${already.join(', ')} har redan godkänt rapporten; väntar på: ${missing.join(', ')}.`,
          en: `${already.join(', ')} has already approved the report; waiting for: ${missing.join(', ')}.`,
        },
      };
    return {
      ok: false,
      problem: {
        fi: `Raportin hyväksyy ${input.required.join(' ja ')}.`,
        sv: `Rapporten godkänns av ${input.required.join(' och ')}.`,
        en: `The report is approved by ${input.required.join(' and ')}.`,
      },
    };
  }
  const rest = missing.filter((m) => !mine.includes(m));
  return { ok: true, approve: mine, complete: rest.length === 0, missing: rest };
}

/** Returning is for the ministries that approve: under a lead rule, the lead ministry alone. */
export function mayDecide(required: readonly string[], actorMinistries: readonly string[], admin: boolean): boolean {
  return admin || required.some((m) => actorMinistries.includes(m));
}
