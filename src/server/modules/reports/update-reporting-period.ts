/**
 * Changing an open reporting period (the managing authority): its title, cut-off, deadline and
 * which themes report, in review order. A theme added gets its draft report; a theme left out loses
 * its report only while nothing has been written in it (still the first draft), else the change is
 * refused naming the theme. The version is checked in the UPDATE, and one audit entry is written.
 */
import type { z } from 'zod';
import type { ZReportingPeriodUpdate } from '../../../contracts/reports.js';
import type { Db } from '../../../db/database.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import { findPeriod, periodThemes } from '../../../db/repositories/reports.js';
import {
  NotFoundError,
  RuleViolationError,
  VersionConflictError,
  VersionRequiredError,
} from '../../../domain/errors.js';
import { emptyContent } from '../../../domain/reports/report.js';
import { openFirstDraft } from './create-reporting-period.js';
import { requirePermission, type ReportDeps } from './report-access.js';

type PeriodUpdate = z.infer<typeof ZReportingPeriodUpdate>;

const snapshot = async (db: Db, period: NonNullable<Awaited<ReturnType<typeof findPeriod>>>) => ({
  title: { fi: period.title_fi, sv: period.title_sv, en: period.title_en },
  cutOff: period.cut_off,
  deadline: period.deadline,
  themes: (await periodThemes(db, Number(period.id))).map((theme) => theme.slug),
  closedAt: period.closed_at ?? null,
});

/** The period as stored, or 404. */
async function periodOr404(db: Db, key: string) {
  const period = await findPeriod(db, key);
  if (!period) throw new NotFoundError('reporting_period', key);
  return period;
}

/** The UPDATE that wins only on the version the change is based on. */
async function bumpVersion(db: Db, deps: ReportDeps, id: number, basedOn: number, set: Record<string, unknown>) {
  const result = await db
    .updateTable('reporting_periods')
    .set({ ...set, version: basedOn + 1, updated_at: deps.audit.at, updated_by: deps.audit.actor })
    .where('id', '=', id)
    .where('version', '=', basedOn)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateReportingPeriod(
  deps: ReportDeps,
  key: string,
  basedOn: number | null,
  input: PeriodUpdate,
): Promise<void> {
  requirePermission(deps.actor, 'review.manage');
  await deps.db.transaction().execute(async (trx) => {
    const period = await periodOr404(trx, key);
    if (basedOn === null) throw new VersionRequiredError();
    const before = await snapshot(trx, period);
    const cutOff = input.cutOff === undefined ? period.cut_off : input.cutOff;
    const deadline = input.deadline === undefined ? period.deadline : input.deadline;
    if (cutOff && deadline && deadline < cutOff) {
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
    const set: Record<string, unknown> = {};
    if (input.title) {
      set.title_fi = input.title.fi;
      set.title_sv = input.title.sv ?? null;
      set.title_en = input.title.en ?? null;
    }
    if (input.cutOff !== undefined) set.cut_off = input.cutOff;
    if (input.deadline !== undefined) set.deadline = input.deadline;
    if (!(await bumpVersion(trx, deps, Number(period.id), basedOn, set))) {
      throw new VersionConflictError(Number(period.version), before);
    }
    if (input.themes) await replaceThemes(trx, deps, Number(period.id), input.themes);
    const after = await snapshot(trx, await periodOr404(trx, key));
    await writeAudit(trx, deps.audit, {
      action: 'update',
      entityType: 'reporting_period',
      entityId: Number(period.id),
      before,
      after,
    });
  });
}

async function replaceThemes(db: Db, deps: ReportDeps, periodId: number, slugs: string[]): Promise<void> {
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
  const allThemes = await db.selectFrom('themes').select(['id', 'slug']).where('archived_at', 'is', null).execute();
  const wanted = slugs.map((slug, index) => {
    const theme = allThemes.find((t) => t.slug === slug);
    if (!theme)
      throw new RuleViolationError([
        {
          field: `themes.${index}`,
          message: { fi: `Tuntematon teema: ${slug}.`, sv: `Okänt tema: ${slug}.`, en: `Unknown theme: ${slug}.` },
        },
      ]);
    return { id: Number(theme.id), slug };
  });
  const current = await db
    .selectFrom('reporting_period_themes as pt')
    .innerJoin('themes as t', 't.id', 'pt.theme_id')
    .select(['pt.theme_id', 't.slug'])
    .where('pt.period_id', '=', periodId)
    .execute();
  const keep = new Set(wanted.map((theme) => theme.id));
  for (const gone of current.filter((row) => !keep.has(Number(row.theme_id)))) {
    const report = await db
      .selectFrom('theme_reports')
      .select(['id', 'state', 'version'])
      .where('period_id', '=', periodId)
      .where('theme_id', '=', Number(gone.theme_id))
      .executeTakeFirst();
    if (report && (report.state !== 'draft' || Number(report.version) > 1)) {
      throw new RuleViolationError([
        {
          field: 'themes',
          code: 'report_written',
          message: {
            fi: `Teeman ${gone.slug} raporttiin on jo kirjoitettu; teemaa ei voi poistaa kaudelta.`,
            sv: `Temats ${gone.slug} rapport har redan skrivits; temat kan inte tas bort från perioden.`,
            en: `The report of ${gone.slug} has already been written in; the theme cannot be removed from the period.`,
          },
        },
      ]);
    }
    if (report) {
      // Still the untouched first draft the opening created: nothing of anyone's work goes with it.
      await db.deleteFrom('theme_report_versions').where('report_id', '=', Number(report.id)).execute();
      await db.deleteFrom('theme_reports').where('id', '=', Number(report.id)).execute();
    }
  }
  await db.deleteFrom('reporting_period_themes').where('period_id', '=', periodId).execute();
  const content = JSON.stringify(emptyContent());
  for (const [position, theme] of wanted.entries()) {
    await db
      .insertInto('reporting_period_themes')
      .values({ period_id: periodId, theme_id: theme.id, position })
      .execute();
    const exists = await db
      .selectFrom('theme_reports')
      .select('id')
      .where('period_id', '=', periodId)
      .where('theme_id', '=', theme.id)
      .executeTakeFirst();
    if (exists) continue;
    await openFirstDraft(db, deps, periodId, theme.id, content);
  }
}

/** Closing (no report changes any more) or reopening a period, on the version the asker saw. */
export async function setReportingPeriodClosed(
  deps: ReportDeps,
  key: string,
  basedOn: number | null,
  closed: boolean,
): Promise<void> {
  requirePermission(deps.actor, 'review.manage');
  await deps.db.transaction().execute(async (trx) => {
    const period = await periodOr404(trx, key);
    if (basedOn === null) throw new VersionRequiredError();
    if (Boolean(period.closed_at) === closed) {
      throw new RuleViolationError([
        {
          field: 'period',
          message: closed
            ? { fi: 'Kausi on jo suljettu.', sv: 'Perioden är redan stängd.', en: 'The period is already closed.' }
            : { fi: 'Kausi on jo auki.', sv: 'Perioden är redan öppen.', en: 'The period is already open.' },
        },
      ]);
    }
    const before = await snapshot(trx, period);
    const set = closed
      ? { closed_at: deps.audit.at, closed_by: deps.audit.actor }
      : { closed_at: null, closed_by: null };
    if (!(await bumpVersion(trx, deps, Number(period.id), basedOn, set))) {
      throw new VersionConflictError(Number(period.version), before);
    }
    await writeAudit(trx, deps.audit, {
      action: closed ? 'close' : 'reopen',
      entityType: 'reporting_period',
      entityId: Number(period.id),
      before,
      after: await snapshot(trx, await periodOr404(trx, key)),
    });
  });
}
