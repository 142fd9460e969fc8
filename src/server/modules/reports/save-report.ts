/**
 * Saving a report (by hand or by the editor's autosave): only the parts sent change; HTML is reduced
 * to paragraphs, lists and links; limits are enforced; links must be web addresses; the project
 * order may only name the theme's own projects. Based on a version (If-Match): a stale save is a
 * 409 with the current report, so two editors never overwrite each other. Every save that changes
 * something is a new version; an autosave that changes nothing writes nothing.
 */
import type { z } from 'zod';
import type { ZReportUpdate } from '../../../contracts/reports.js';
import type { Db } from '../../../db/database.js';
import { parseContent, presentReport, type ReportRow } from '../../../db/repositories/reports.js';
import { RuleViolationError } from '../../../domain/errors.js';
import type { Locale } from '../../../domain/money.js';
import {
  EDITABLE_STATES,
  limitViolations,
  STATE_NAMES,
  type ReportContent,
  type Violation,
} from '../../../domain/reports/report.js';
import { safeHref, sanitizeHtml } from '../../../domain/reports/rich-text.js';
import { TEMPLATES, type DocumentKind } from '../../../domain/reports/templates.js';
import { auditedTransaction } from '../shared/audited-transaction.js';
import { requireVersion, versionedUpdate } from '../shared/versioned-update.js';
import { refuseIfPeriodClosed, reportWithAccess, type ReportDeps } from './report-access.js';

export type SaveResult = { changed: boolean; version: number };

export async function saveReport(
  deps: ReportDeps,
  id: number,
  basedOnVersion: number | null,
  input: z.infer<typeof ZReportUpdate>,
  locale: Locale,
): Promise<SaveResult> {
  return auditedTransaction<SaveResult>(deps.db, deps.audit, async (trx) => {
    const { report } = await reportWithAccess(trx, deps.actor, id, ['report.edit']);
    await refuseIfPeriodClosed(trx, Number(report.period_id));
    await requireVersion(report, basedOnVersion, () => presentReport(trx, report, locale));
    if (!EDITABLE_STATES.includes(report.state)) throw notEditable(report.state);
    const kind = (
      await trx
        .selectFrom('reporting_periods')
        .select('kind')
        .where('id', '=', Number(report.period_id))
        .executeTakeFirstOrThrow()
    ).kind as DocumentKind;
    const template = TEMPLATES[kind];
    const before = parseContent(report.content);
    const after = await applyUpdate(trx, Number(report.theme_id), kind, before, input);
    // Only what this save changes must be within its limit: an imported draft may hold an old,
    // over-long section, and the coordinator must still be able to save the others. Submitting
    // checks every section.
    const touched = new Set(Object.keys(input.sections ?? {}));
    const violations = limitViolations(template, after).filter((v) => touched.has(v.field.replace('sections.', '')));
    if (violations.length > 0) throw new RuleViolationError(violations);
    const json = JSON.stringify(after);
    if (json === JSON.stringify(before))
      return { result: { changed: false, version: Number(report.version) }, audit: null };
    const version = await writeVersion(trx, deps, report, {
      content: json,
      action: input.autosave ? 'autosave' : 'save',
    });
    return {
      result: { changed: true, version },
      audit: {
        action: 'update',
        entityType: 'theme_report',
        entityId: Number(report.id),
        before: { version: Number(report.version) },
        after: { version, changed: changedParts(before, after), autosave: input.autosave ?? false },
      },
    };
  });
}

export function notEditable(state: ReportRow['state']) {
  return new RuleViolationError([
    {
      field: 'state',
      message: {
        fi: `Raporttia ei voi muokata, kun se on tilassa "${STATE_NAMES[state].fi}".`,
        sv: `Rapporten kan inte ändras när den är "${STATE_NAMES[state].sv}".`,
        en: `The report cannot be changed while it is ${STATE_NAMES[state].en}.`,
      },
    },
  ]);
}

/** Updates the row (version + 1, only from the version read) and stores the version; returns it. */
export async function writeVersion(
  db: Db,
  deps: ReportDeps,
  report: ReportRow,
  change: { content?: string; action: string; state?: ReportRow['state']; extra?: Record<string, unknown> },
): Promise<number> {
  const state = change.state ?? report.state;
  const content = change.content ?? report.content;
  const version = await versionedUpdate(db, {
    table: 'theme_reports',
    id: Number(report.id),
    basedOnVersion: Number(report.version),
    set: { content, state, ...change.extra },
    audit: deps.audit,
  });
  await db
    .insertInto('theme_report_versions')
    .values({
      report_id: Number(report.id),
      version,
      state,
      action: change.action,
      content,
      saved_at: deps.audit.at,
      saved_by: deps.audit.actor,
    })
    .execute();
  return version;
}

function changedParts(before: ReportContent, after: ReportContent): string[] {
  const keys = new Set([...Object.keys(before.sections), ...Object.keys(after.sections)]);
  const changed = [...keys].filter(
    (key) => JSON.stringify(before.sections[key] ?? []) !== JSON.stringify(after.sections[key] ?? []),
  );
  if (JSON.stringify(before.links) !== JSON.stringify(after.links)) changed.push('links');
  if (JSON.stringify(before.projectOrder) !== JSON.stringify(after.projectOrder)) changed.push('projectOrder');
  return changed.sort();
}

async function applyUpdate(
  db: Db,
  themeId: number,
  kind: DocumentKind,
  current: ReportContent,
  input: z.infer<typeof ZReportUpdate>,
): Promise<ReportContent> {
  const template = TEMPLATES[kind];
  const violations: Violation[] = [];
  const next: ReportContent = {
    sections: { ...current.sections },
    links: current.links,
    projectOrder: current.projectOrder,
    // A description's header as imported: editing the sections keeps it.
    ...(current.description ? { description: current.description } : {}),
  };
  for (const [key, value] of Object.entries(input.sections ?? {})) {
    const section = template.sections.find((s) => s.key === key && s.kind === 'rich');
    if (!section) {
      violations.push({
        field: `sections.${key}`,
        message: {
          fi: 'Pohjassa ei ole tällaista tekstiosiota.',
          sv: 'Mallen har inget sådant textavsnitt.',
          en: 'The template has no such text section.',
        },
      });
      continue;
    }
    next.sections[key] = sanitizeHtml(value.html);
  }
  if (input.links !== undefined) {
    if (!template.sections.some((s) => s.kind === 'links')) {
      violations.push({
        field: 'links',
        message: {
          fi: 'Tässä asiakirjassa ei ole linkkiosiota.',
          sv: 'Detta dokument har inget länkavsnitt.',
          en: 'This document has no links section.',
        },
      });
    }
    next.links = input.links.map((link, index) => {
      const href = safeHref(link.url);
      if (!href || !/^https?:\/\/[^/]+\.[a-z]{2,}/i.test(href)) {
        violations.push({
          field: `links.${index}.url`,
          message: {
            fi: 'Linkin on oltava verkko-osoite (https://…).',
            sv: 'Länken måste vara en webbadress (https://…).',
            en: 'The link must be a web address (https://…).',
          },
        });
      }
      return { url: href ?? link.url, title: link.title || null };
    });
  }
  if (input.projectOrder !== undefined) {
    if (kind !== 'review') {
      violations.push({
        field: 'projectOrder',
        message: {
          fi: 'Tässä asiakirjassa ei ole hankelistaa.',
          sv: 'Detta dokument har ingen projektförteckning.',
          en: 'This document has no project list.',
        },
      });
    } else if (input.projectOrder !== null) {
      const [entities, areas] = await Promise.all([
        db
          .selectFrom('project_entities')
          .select('key')
          .where('theme_id', '=', themeId)
          .where('archived_at', 'is', null)
          .execute(),
        db
          .selectFrom('content_areas')
          .select('key')
          .where('theme_id', '=', themeId)
          .where('archived_at', 'is', null)
          .execute(),
      ]);
      const entityKeys = new Set(entities.map((e) => e.key));
      const areaKeys = new Set(areas.map((a) => a.key));
      const seen = new Set<string>();
      input.projectOrder.groups.forEach((group, g) => {
        if (group.contentArea !== null && !areaKeys.has(group.contentArea)) {
          violations.push({
            field: `projectOrder.groups.${g}.contentArea`,
            message: {
              fi: 'Teemalla ei ole tätä sisältöaluetta.',
              sv: 'Temat har inte detta innehållsområde.',
              en: 'The theme has no such content area.',
            },
          });
        }
        group.entities.forEach((key, e) => {
          if (!entityKeys.has(key) || seen.has(key)) {
            violations.push({
              field: `projectOrder.groups.${g}.entities.${e}`,
              message: seen.has(key)
                ? {
                    fi: 'Hanke on listassa kahdesti.',
                    sv: 'Projektet finns två gånger i listan.',
                    en: 'The project is in the list twice.',
                  }
                : {
                    fi: 'Hanke ei kuulu tähän teemaan.',
                    sv: 'Projektet hör inte till temat.',
                    en: 'The project does not belong to this theme.',
                  },
            });
          }
          seen.add(key);
        });
      });
    }
    next.projectOrder =
      input.projectOrder === null
        ? null
        : {
            groups: input.projectOrder.groups.map((g) => ({
              contentArea: g.contentArea,
              title: g.title ?? null,
              entities: g.entities,
            })),
          };
  }
  if (violations.length > 0) throw new RuleViolationError(violations);
  return next;
}
