/**
 * The workflow: a coordinator submits (again after a return); the theme's ministry returns it with
 * comments on the sections concerned, or approves it. A joint theme is approved by each of its
 * ministries, or by its lead ministry for all (domain/reports/approval.ts); until the last approval
 * the report stays submitted, each approval a version of its own. Each step puts its mail in the
 * outbox in the same transaction (the ministry on submission, the coordinator on return and approval). Submitting needs every text section written
 * and within its limit. Approval freezes the header as of the cut-off, so later corrections to the
 * data do not change an approved report.
 */
import { isMinistry } from '../../../domain/figures.js';
import { buildHeader, parseContent, presentReport, reportApprovals } from '../../../db/repositories/reports.js';
import { RuleViolationError } from '../../../domain/errors.js';
import type { Locale } from '../../../domain/money.js';
import {
  completenessViolations,
  limitViolations,
  nextState,
  STATE_NAMES,
  type ReportAction,
} from '../../../domain/reports/report.js';
import { TEMPLATES, type DocumentKind } from '../../../domain/reports/templates.js';
import { approvalStep, mayDecide } from '../../../domain/reports/approval.js';
import { notifyReport } from '../notifications/notify.js';
import { refuseIfPeriodClosed, reportWithAccess, type ReportDeps } from './report-access.js';
import { writeVersion } from './save-report.js';
import { auditedTransaction } from '../shared/audited-transaction.js';
import { requireVersion } from '../shared/versioned-update.js';

export type TransitionInput = { comments?: { section: string; body: string }[] | undefined };

export async function changeReportState(
  deps: ReportDeps,
  id: number,
  action: ReportAction,
  basedOnVersion: number | null,
  input: TransitionInput,
  locale: Locale,
): Promise<number> {
  return auditedTransaction(deps.db, deps.audit, async (trx) => {
    const { report } = await reportWithAccess(trx, deps.actor, id, [
      action === 'submit' ? 'report.edit' : 'report.approve',
    ]);
    await refuseIfPeriodClosed(trx, Number(report.period_id));
    await requireVersion(report, basedOnVersion, () => presentReport(trx, report, locale));
    const to = nextState(report.state, action);
    if (!to) {
      throw new RuleViolationError([
        {
          field: 'state',
          message: {
            fi: `Raporttia ei voi ${{ submit: 'lähettää', return: 'palauttaa', approve: 'hyväksyä' }[action]}, kun se on tilassa "${STATE_NAMES[report.state].fi}".`,
            sv: `Rapporten kan inte ${{ submit: 'skickas in', return: 'återsändas', approve: 'godkännas' }[action]} när den är "${STATE_NAMES[report.state].sv}".`,
            en: `The report cannot be ${{ submit: 'submitted', return: 'returned', approve: 'approved' }[action]} while it is ${STATE_NAMES[report.state].en}.`,
          },
        },
      ]);
    }
    const period = await trx
      .selectFrom('reporting_periods')
      .selectAll()
      .where('id', '=', Number(report.period_id))
      .executeTakeFirstOrThrow();
    const template = TEMPLATES[period.kind as DocumentKind];
    const content = parseContent(report.content);
    const comments = input.comments ?? [];
    if (action === 'submit') {
      const violations = [...completenessViolations(template, content), ...limitViolations(template, content)];
      if (violations.length > 0) throw new RuleViolationError(violations);
    }
    if (action === 'return') {
      if (comments.length === 0) {
        throw new RuleViolationError([
          {
            field: 'comments',
            message: {
              fi: 'Kerro palautettaessa, mitä osioita on korjattava.',
              sv: 'Ange vilka avsnitt som ska rättas.',
              en: 'Say which sections need changes when returning.',
            },
          },
        ]);
      }
      const unknown = comments.findIndex(
        (c) => c.section !== 'header' && !template.sections.some((s) => s.key === c.section),
      );
      if (unknown >= 0) {
        throw new RuleViolationError([
          {
            field: `comments.${unknown}.section`,
            message: {
              fi: 'Pohjassa ei ole tällaista osiota.',
              sv: 'Mallen har inget sådant avsnitt.',
              en: 'The template has no such section.',
            },
          },
        ]);
      }
    } else if (comments.length > 0) {
      throw new RuleViolationError([
        {
          field: 'comments',
          message: {
            fi: 'Kommentit annetaan palautettaessa.',
            sv: 'Kommentarer ges vid återsändning.',
            en: 'Comments are given when returning.',
          },
        },
      ]);
    }
    const theme = await trx
      .selectFrom('themes')
      .select('slug')
      .where('id', '=', Number(report.theme_id))
      .executeTakeFirstOrThrow();
    const { required, approved } = await reportApprovals(trx, report);
    const actor = deps.actor.kind === 'user' ? deps.actor : null;
    const admin = actor?.roles.some((r) => r.role === 'admin') ?? false;
    const actorMinistries = (actor?.roles ?? []).flatMap((r) =>
      r.role === 'ministry_official' && r.ministry ? [r.ministry] : [],
    );
    if (action !== 'submit' && !mayDecide(required, actorMinistries, admin)) {
      throw new RuleViolationError([
        {
          field: 'ministry',
          message: {
            fi: `Teeman raportista päättää ${required.join(' ja ')}.`,
            sv: `Om temats rapport beslutar ${required.join(' och ')}.`,
            en: `The theme's report is decided by ${required.join(' and ')}.`,
          },
        },
      ]);
    }
    let approvedNow: string[] = [];
    let missing: string[] = [];
    let state = to;
    if (action === 'approve') {
      const step = approvalStep({ required, approved, actorMinistries, admin });
      if (!step.ok) throw new RuleViolationError([{ field: 'ministry', message: step.problem }]);
      approvedNow = step.approve;
      missing = step.missing;
      if (!step.complete) state = report.state;
    }
    const extra: Record<string, unknown> = {};
    if (action === 'submit')
      Object.assign(extra, {
        submissions: Number(report.submissions) + 1,
        submitted_at: deps.audit.at,
        submitted_by: deps.audit.actor,
      });
    if (action === 'approve' && state === 'approved') {
      const header = { ...(await buildHeader(trx, theme.slug, period.cut_off, 'fi')), frozenAt: deps.audit.at };
      Object.assign(extra, {
        approved_at: deps.audit.at,
        approved_by: deps.audit.actor,
        header: JSON.stringify(header),
      });
    }
    const version = await writeVersion(trx, deps, report, { action, state, extra });
    for (const ministry of approvedNow) {
      await trx
        .insertInto('report_approvals')
        .values({
          report_id: Number(report.id),
          submission: Number(report.submissions),
          ministry,
          approved_by: deps.audit.actor,
          approved_at: deps.audit.at,
        })
        .execute();
    }
    for (const comment of comments) {
      await trx
        .insertInto('report_comments')
        .values({
          report_id: Number(report.id),
          version,
          section_key: comment.section,
          body: comment.body,
          author: deps.audit.actor,
          created_at: deps.audit.at,
        })
        .execute();
    }
    const audit = {
      action,
      entityType: 'theme_report',
      entityId: Number(report.id),
      before: { state: report.state, version: Number(report.version) },
      after: {
        state,
        version,
        comments,
        ...(action === 'approve' && { approvedBy: approvedNow, waitingFor: missing }),
      },
    };
    const target = { id: Number(report.id), periodId: Number(report.period_id), themeId: Number(report.theme_id) };
    if (action === 'submit')
      await notifyReport(trx, deps.audit, target, { kind: 'report_submitted', approvers: required.filter(isMinistry) });
    if (action === 'return') await notifyReport(trx, deps.audit, target, { kind: 'report_returned', comments });
    if (action === 'approve' && state === 'approved')
      await notifyReport(trx, deps.audit, target, { kind: 'report_approved' });
    return { result: version, audit };
  });
}
