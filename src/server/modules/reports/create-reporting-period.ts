/**
 * Opening a reporting period: its cut-off, deadline and the themes that report, each with a draft
 * report (version 1) so the state of every theme can be seen from the first day.
 */
import type { z } from 'zod';
import type { ZReportingPeriodInput } from '../../../contracts/reports.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import { DuplicateKeyError, RuleViolationError } from '../../../domain/errors.js';
import { emptyContent } from '../../../domain/reports/report.js';
import type { Db } from '../../../db/database.js';
import { requirePermission, type ReportDeps } from './report-access.js';

export async function createReportingPeriod(
  deps: ReportDeps,
  input: z.infer<typeof ZReportingPeriodInput>,
): Promise<number> {
  requirePermission(deps.actor, 'review.manage');
  return deps.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('reporting_periods').select('id').where('key', '=', input.key).executeTakeFirst()) {
      throw new DuplicateKeyError('key');
    }
    if (input.cutOff && input.deadline && input.deadline < input.cutOff) {
      throw new RuleViolationError([
        {
          field: 'deadline',
          message: {
            fi: 'Määräpäivä on ennen tarkastelupäivää.',
            sv: 'Sista dagen är före brytdagen.',
            en: 'The deadline is before the cut-off date.',
          },
        },
      ]);
    }
    const allThemes = await trx
      .selectFrom('themes')
      .select(['id', 'slug'])
      .where('archived_at', 'is', null)
      .orderBy('review_order')
      .orderBy('name_fi')
      .execute();
    const slugs = input.themes ?? allThemes.map((theme) => theme.slug);
    const themes = slugs.map((slug, index) => {
      const theme = allThemes.find((t) => t.slug === slug);
      if (!theme)
        throw new RuleViolationError([
          {
            field: `themes.${index}`,
            message: { fi: `Tuntematon teema: ${slug}.`, sv: `Okänt tema: ${slug}.`, en: `Unknown theme: ${slug}.` },
          },
        ]);
      return theme;
    });
    if (new Set(slugs).size !== slugs.length) {
      throw new RuleViolationError([
        {
          field: 'themes',
          message: {
            fi: 'Sama teema on annettu kahdesti.',
            sv: 'Samma tema har angetts två gånger.',
            en: 'A theme is given twice.',
          },
        },
      ]);
    }
    const { id } = await trx
      .insertInto('reporting_periods')
      .values({
        key: input.key,
        kind: input.kind,
        title_fi: input.title.fi,
        title_sv: input.title.sv ?? null,
        title_en: input.title.en ?? null,
        cut_off: input.cutOff ?? null,
        deadline: input.deadline ?? null,
        created_at: deps.audit.at,
        updated_at: deps.audit.at,
        updated_by: deps.audit.actor,
        archived_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const periodId = Number(id);
    const content = JSON.stringify(emptyContent());
    for (const [position, theme] of themes.entries()) {
      await trx
        .insertInto('reporting_period_themes')
        .values({ period_id: periodId, theme_id: Number(theme.id), position })
        .execute();
      await openFirstDraft(trx, deps, periodId, Number(theme.id), content);
    }
    await writeAudit(trx, deps.audit, {
      action: 'create',
      entityType: 'reporting_period',
      entityId: periodId,
      after: { ...input, themes: slugs },
    });
    return periodId;
  });
}

/**
 * A theme's report in a period starts as an empty draft with its first version: when the period is
 * opened, and when a theme is added to it later (update-reporting-period.ts).
 */
export async function openFirstDraft(
  db: Db,
  deps: ReportDeps,
  periodId: number,
  themeId: number,
  content: string,
): Promise<void> {
  const report = await db
    .insertInto('theme_reports')
    .values({
      period_id: periodId,
      theme_id: themeId,
      state: 'draft',
      content,
      header: null,
      submitted_at: null,
      submitted_by: null,
      approved_at: null,
      approved_by: null,
      created_at: deps.audit.at,
      updated_at: deps.audit.at,
      updated_by: deps.audit.actor,
      archived_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('theme_report_versions')
    .values({
      report_id: Number(report.id),
      version: 1,
      state: 'draft',
      action: 'create',
      content,
      saved_at: deps.audit.at,
      saved_by: deps.audit.actor,
    })
    .execute();
}
