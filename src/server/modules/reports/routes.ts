/**
 * Reporting periods, theme reports and their workflow, the compiled review and review imports.
 * Handlers stay thin: each calls one use case or repository read; every route checks access.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZProblem } from '../../../contracts/api.js';
import {
  ZImportConfirm,
  ZImportPreview,
  ZImportResult,
  ZImportUpload,
  ZOutboxMessage,
  ZPeriodStatus,
  ZReminderInput,
  ZReport,
  ZReportDiff,
  ZReportingPeriod,
  ZReportingPeriodInput,
  ZReportingPeriodUpdate,
  ZReportTransition,
  ZReportUpdate,
  ZReportVersions,
} from '../../../contracts/reports.js';
import {
  findPeriod,
  parseContent,
  periodThemes,
  presentPeriod,
  presentReport,
  type ReportRow,
} from '../../../db/repositories/reports.js';
import { publicNames } from '../../../db/repositories/users.js';
import { can, type Scope } from '../../../domain/access.js';
import { reportCapabilities } from '../../../domain/reports/capabilities.js';
import { NotFoundError } from '../../../domain/errors.js';
import {
  limitViolations,
  completenessViolations,
  type ReportAction,
  type ReportState,
} from '../../../domain/reports/report.js';
import { TEMPLATES } from '../../../domain/reports/templates.js';
import { countCharacters } from '../../../domain/reports/rich-text.js';
import { renderReviewHtml } from '../../../documents/review/review-html.js';
import { createDocxCache } from '../../../documents/review/docx-cache.js';
import { compileReview } from '../../../documents/review/review-model.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { requestLocale } from '../../i18n.js';
import { auditContext } from '../../request-context.js';
import { themeScope } from '../editing/resource.js';
import { basedOnVersion } from '../editing/routes.js';
import { changeReportState } from './change-report-state.js';
import { compareReportVersions } from './compare-report-versions.js';
import { createReportingPeriod } from './create-reporting-period.js';
import { setReportingPeriodClosed, updateReportingPeriod } from './update-reporting-period.js';
import { confirmImport, importCheckReport, MAX_IMPORT_BYTES, previewImport } from './import-review.js';
import {
  checkReportFilename,
  renderCheckReportHtml,
  renderCheckReportXlsx,
} from '../../../documents/review/check-report.js';
import { READ_REPORT, reportWithAccess, requirePermission, requireSignedIn } from './report-access.js';
import { saveReport } from './save-report.js';
import { sendReminders } from './send-reminders.js';

const tags = ['reports'];
const errors = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZProblem,
  422: ZProblem,
  428: ZProblem,
};
const ZPeriodParams = z.object({ period: z.string().max(60) });
const ZReportParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const ZSaved = z
  .object({
    version: z.number().int(),
    changed: z.boolean(),
    sections: z.array(z.object({ key: z.string(), characters: z.number().int(), limit: z.number().int().nullable() })),
  })
  .meta({ id: 'ReportSaved' });
/**
 * A report's save carries whole sections of HTML, more than the default limit for a record: 2 MB is
 * far beyond any report within its character limits, and still bounded.
 */
const REPORT_BODY_LIMIT = 2 * 1024 * 1024;
/** Base64 makes a file a third larger; the JSON around it is small. */
const IMPORT_BODY_LIMIT = Math.ceil(MAX_IMPORT_BYTES * 1.4) + 65_536;

export function reportRoutes(app: TypedApp, { db, clock, pdf }: AppDeps): void {
  const deps = (request: FastifyRequest) => ({ db, actor: request.actor, audit: auditContext(request, clock()) });
  const periodOr404 = async (key: string) => {
    const period = await findPeriod(db, key);
    if (!period) throw new NotFoundError('reporting_period', key);
    return period;
  };
  /** The report with what the asker may do with it now. */
  const forActor = async (request: FastifyRequest, report: ReportRow, scope: Scope) => {
    const presented = await presentReport(db, report, requestLocale(request));
    return { ...presented, capabilities: reportCapabilities(request.actor, scope, presented) };
  };
  /** A period as the asker may see it: report ids only of themes whose report they may read. */
  const visiblePeriod = async (request: FastifyRequest, key: string) => {
    const period = await periodOr404(key);
    const themes = await periodThemes(db, Number(period.id));
    const visible = [];
    for (const theme of themes) {
      const scope = await themeScope(db, theme.themeId);
      visible.push(
        READ_REPORT.some((p) => can(request.actor, p, scope)) || can(request.actor, 'review.read')
          ? theme
          : { ...theme, reportId: null },
      );
    }
    return presentPeriod(period, visible);
  };

  app.get(
    '/api/v1/reporting-periods',
    {
      schema: {
        tags,
        summary: 'Reporting periods (signed-in users)',
        response: { 200: z.object({ items: z.array(ZReportingPeriod) }), 401: ZProblem },
      },
    },
    async (request) => {
      requireSignedIn(request.actor);
      const rows = await db
        .selectFrom('reporting_periods')
        .select('key')
        .where('archived_at', 'is', null)
        .orderBy('id', 'desc')
        .execute();
      const items = [];
      for (const row of rows) items.push(await visiblePeriod(request, row.key));
      return { items };
    },
  );

  app.post(
    '/api/v1/reporting-periods',
    {
      schema: {
        tags,
        summary: 'Open a reporting period; a draft report is created for each of its themes',
        body: ZReportingPeriodInput,
        response: { 201: ZReportingPeriod, ...errors },
      },
    },
    async (request, reply) => {
      const input = request.body;
      await createReportingPeriod(deps(request), input);
      return reply.status(201).send(await visiblePeriod(request, input.key));
    },
  );

  app.get(
    '/api/v1/reporting-periods/:period',
    {
      schema: {
        tags,
        summary: 'A reporting period: cut-off, deadline, themes and the template',
        params: ZPeriodParams,
        response: { 200: ZReportingPeriod, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.actor);
      return visiblePeriod(request, request.params.period);
    },
  );

  app.patch(
    '/api/v1/reporting-periods/:period',
    {
      schema: {
        tags,
        summary:
          'Change a period (If-Match: its version): title, cut-off, deadline, themes in review order (a theme added gets a draft report)',
        params: ZPeriodParams,
        body: ZReportingPeriodUpdate,
        response: { 200: ZReportingPeriod, ...errors },
      },
    },
    async (request) => {
      await updateReportingPeriod(deps(request), request.params.period, basedOnVersion(request), request.body);
      return visiblePeriod(request, request.params.period);
    },
  );

  for (const step of ['close', 'reopen'] as const) {
    app.post(
      `/api/v1/reporting-periods/:period/${step}`,
      {
        schema: {
          tags,
          summary:
            step === 'close'
              ? 'Close a period (If-Match): its reports no longer change until it is reopened'
              : 'Reopen a closed period (If-Match)',
          params: ZPeriodParams,
          response: { 200: ZReportingPeriod, ...errors },
        },
      },
      async (request) => {
        await setReportingPeriodClosed(deps(request), request.params.period, basedOnVersion(request), step === 'close');
        return visiblePeriod(request, request.params.period);
      },
    );
  }

  app.get(
    '/api/v1/reporting-periods/:period/status',
    {
      schema: {
        tags,
        summary: "Every theme's report state at a glance (managing authority, ministries)",
        params: ZPeriodParams,
        response: { 200: ZPeriodStatus, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, 'review.read');
      const period = await periodOr404(request.params.period);
      const template = TEMPLATES[period.kind];
      const themes = await periodThemes(db, Number(period.id));
      const reminders = await db
        .selectFrom('outbox')
        .select(['theme_id', 'created_at'])
        .where('period_id', '=', Number(period.id))
        .where('kind', '=', 'reminder')
        .orderBy('id', 'desc')
        .execute();
      const counts: Record<ReportState, number> = { draft: 0, submitted: 0, returned: 0, approved: 0 };
      for (const theme of themes) if (theme.state) counts[theme.state]++;
      return {
        period: period.key,
        deadline: period.deadline,
        counts,
        themes: themes.map((theme) => ({
          slug: theme.slug,
          name: theme.name,
          reportId: theme.reportId,
          state: theme.state,
          version: theme.version,
          submissions: theme.submissions,
          updatedAt: theme.updatedAt,
          sectionsOverLimit: theme.content
            ? limitViolations(template, theme.content).map((v) => v.field.replace('sections.', ''))
            : [],
          sectionsEmpty: theme.content
            ? completenessViolations(template, theme.content).map((v) => v.field.replace('sections.', ''))
            : [],
          lastReminderAt: reminders.find((r) => Number(r.theme_id) === theme.themeId)?.created_at ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/reporting-periods/:period/reminders',
    {
      schema: {
        tags,
        summary: 'Remind themes whose report is not in (by e-mail, through the outbox)',
        params: ZPeriodParams,
        body: ZReminderInput,
        response: { 201: z.object({ messages: z.array(ZOutboxMessage) }), ...errors },
      },
    },
    async (request, reply) => {
      const ids = await sendReminders(deps(request), request.params.period, request.body);
      return reply.status(201).send({ messages: await outbox(ids) });
    },
  );

  app.get(
    '/api/v1/reporting-periods/:period/outbox',
    {
      schema: {
        tags,
        summary: 'Reminders queued for the period',
        params: ZPeriodParams,
        response: { 200: z.object({ messages: z.array(ZOutboxMessage) }), ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, 'review.manage');
      const period = await periodOr404(request.params.period);
      const rows = await db
        .selectFrom('outbox')
        .select('id')
        .where('period_id', '=', Number(period.id))
        .orderBy('id')
        .execute();
      return { messages: await outbox(rows.map((r) => Number(r.id))) };
    },
  );

  async function outbox(ids: number[]) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('outbox')
      .leftJoin('themes', 'themes.id', 'outbox.theme_id')
      .select([
        'outbox.id',
        'themes.slug',
        'outbox.recipient',
        'outbox.subject',
        'outbox.body',
        'outbox.created_at',
        'outbox.created_by',
        'outbox.sent_at',
      ])
      .where('outbox.id', 'in', ids)
      .orderBy('outbox.id')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      theme: r.slug ?? null,
      recipient: r.recipient,
      subject: r.subject,
      body: r.body,
      createdAt: r.created_at,
      createdBy: r.created_by,
      sentAt: r.sent_at,
    }));
  }

  const reviewFormats = [
    { format: 'html', type: 'text/html; charset=utf-8', summary: 'The compiled review as HTML' },
    {
      format: 'docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      summary: 'The compiled review as a Word document',
    },
    { format: 'pdf', type: 'application/pdf', summary: 'The compiled review as a tagged, bookmarked PDF' },
  ] as const;
  // Finished DOCX files by their model (docx-cache.ts): the page layout is the slow part.
  const docxCache = createDocxCache();
  for (const { format, type, summary } of reviewFormats) {
    app.get(
      `/api/v1/reporting-periods/:period/review.${format}`,
      {
        schema: {
          tags,
          summary: `${summary}: cover, contents, summary table with totals, then each approved theme report in the fixed order (a period of theme descriptions: each description in seed 002's shape, no summary)`,
          params: ZPeriodParams,
          querystring: z.object({
            lang: z.enum(['fi', 'sv']).default('fi').describe('The review in Finnish or in Swedish'),
          }),
          // HTML is text, DOCX and PDF bytes (Fastify sends bytes as they are, past the serializer).
          response: { 200: z.union([z.string(), z.instanceof(Buffer)]).describe(type), ...errors },
        },
      },
      async (request, reply) => {
        requirePermission(request.actor, 'review.read');
        const language = request.query.lang;
        const model = await compileReview(db, request.params.period, language);
        const html = () => renderReviewHtml(model);
        // Loaded on first use: docx holds megabytes of code and tables that an idle server
        // should not carry (docs/performance.md, *Start and memory*).
        const body =
          format === 'html'
            ? html()
            : format === 'docx'
              ? await docxCache.get(model, async (m) =>
                  (await import('../../../documents/review/review-docx.js')).renderReviewDocx(m),
                )
              : await pdf.render(html(), { title: model.title, language, pageReferences: true });
        const name =
          model.kind === 'description'
            ? language === 'sv'
              ? 'temabeskrivningar'
              : 'teemakuvaukset'
            : language === 'sv'
              ? 'genomforandeoversikt'
              : 'toteutuskatsaus';
        if (format !== 'html')
          reply.header('content-disposition', `attachment; filename="${name}-${request.params.period}.${format}"`);
        return reply.type(type).send(body);
      },
    );
  }

  app.get(
    '/api/v1/reporting-periods/:period/themes/:slug/report',
    {
      schema: {
        tags,
        summary: "A theme's report in the period",
        params: ZPeriodParams.extend({ slug: z.string().max(100) }),
        response: { 200: ZReport, ...errors },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.actor);
      const { period, slug } = request.params;
      const periodRow = await periodOr404(period);
      const theme = (await periodThemes(db, Number(periodRow.id))).find((t) => t.slug === slug);
      if (!theme?.reportId) throw new NotFoundError('report', `${period}/${slug}`);
      const { report, scope } = await reportWithAccess(db, request.actor, theme.reportId, READ_REPORT);
      return reply.header('etag', `"${report.version}"`).send(await forActor(request, report, scope));
    },
  );

  app.get(
    '/api/v1/reports/:id',
    {
      schema: {
        tags,
        summary:
          'A theme report: header as of the cut-off, sections with counts and limits, links, project list, comments',
        params: ZReportParams,
        response: { 200: ZReport, ...errors },
      },
    },
    async (request, reply) => {
      const { report, scope } = await reportWithAccess(db, request.actor, request.params.id, READ_REPORT);
      return reply.header('etag', `"${report.version}"`).send(await forActor(request, report, scope));
    },
  );

  app.patch(
    '/api/v1/reports/:id',
    {
      bodyLimit: REPORT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Save changed parts of a draft (If-Match: the version it is based on; stale → 409 with the current report). Cheap enough for autosave.',
        params: ZReportParams,
        body: ZReportUpdate,
        response: { 200: ZSaved, ...errors },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const { version: _version, ...input } = request.body;
      const result = await saveReport(deps(request), id, basedOnVersion(request), input, requestLocale(request));
      const row = await db.selectFrom('theme_reports').select('content').where('id', '=', id).executeTakeFirstOrThrow();
      const period = await db
        .selectFrom('theme_reports as r')
        .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
        .select('p.kind')
        .where('r.id', '=', id)
        .executeTakeFirstOrThrow();
      const content = parseContent(row.content);
      const sections = TEMPLATES[period.kind].sections
        .filter((s) => s.kind === 'rich')
        .map((s) => ({ key: s.key, characters: countCharacters(content.sections[s.key] ?? []), limit: s.limit }));
      return reply.header('etag', `"${result.version}"`).send({ ...result, sections });
    },
  );

  const actions: { action: ReportAction; summary: string }[] = [
    {
      action: 'submit',
      summary:
        'Submit the report to the ministry (again after a return); every section must be written and within its limit',
    },
    { action: 'return', summary: "Return the report with comments on the sections concerned (the theme's ministry)" },
    { action: 'approve', summary: "Approve the report (the theme's ministry); the header is frozen as of the cut-off" },
  ];
  for (const { action, summary } of actions) {
    app.post(
      `/api/v1/reports/:id/${action}`,
      {
        schema: {
          tags,
          summary,
          params: ZReportParams,
          body: ZReportTransition,
          response: { 200: ZReport, ...errors },
        },
      },
      async (request, reply) => {
        const id = request.params.id;
        const body = request.body;
        await changeReportState(
          deps(request),
          id,
          action,
          basedOnVersion(request),
          { comments: body.comments },
          requestLocale(request),
        );
        const { report, scope } = await reportWithAccess(db, request.actor, id, READ_REPORT);
        return reply.header('etag', `"${report.version}"`).send(await forActor(request, report, scope));
      },
    );
  }

  app.get(
    '/api/v1/reports/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every saved version of the report, oldest first',
        params: ZReportParams,
        response: { 200: ZReportVersions, ...errors },
      },
    },
    async (request) => {
      const { report } = await reportWithAccess(db, request.actor, request.params.id, READ_REPORT);
      const rows = await db
        .selectFrom('theme_report_versions')
        .select(['version', 'state', 'action', 'saved_at', 'saved_by'])
        .where('report_id', '=', Number(report.id))
        .orderBy('version')
        .execute();
      const names = await publicNames(
        db,
        rows.map((r) => r.saved_by),
      );
      return {
        items: rows.map((r) => ({
          version: Number(r.version),
          state: r.state as ReportState,
          action: r.action,
          savedAt: r.saved_at,
          savedBy: names.get(r.saved_by) ?? r.saved_by,
        })),
      };
    },
  );

  app.get(
    '/api/v1/reports/:id/diff',
    {
      schema: {
        tags,
        summary: 'Compare any two versions of the report, section by section',
        params: ZReportParams,
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).strict(),
        response: { 200: ZReportDiff, ...errors },
      },
    },
    async (request) => {
      const { report } = await reportWithAccess(db, request.actor, request.params.id, READ_REPORT);
      const period = await db
        .selectFrom('reporting_periods')
        .select('kind')
        .where('id', '=', Number(report.period_id))
        .executeTakeFirstOrThrow();
      const { from, to } = request.query;
      return compareReportVersions(db, Number(report.id), period.kind, from, to);
    },
  );

  app.post(
    '/api/v1/reporting-periods/:period/imports/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Read an existing review (text or .docx, at most 8 MB): themes, sections, figures, project codes and a check report per theme. Writes nothing.',
        params: ZPeriodParams,
        body: ZImportUpload,
        response: { 200: ZImportPreview, ...errors },
      },
    },
    async (request) => previewImport(deps(request), request.params.period, request.body, requestLocale(request)),
  );

  const checkReportFormats = [
    { format: 'html', type: 'text/html; charset=utf-8' },
    { format: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  ] as const;
  for (const { format, type } of checkReportFormats) {
    app.post(
      `/api/v1/reporting-periods/:period/imports/check-report.${format}`,
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: `The preview's check report as ${format.toUpperCase()} (the same upload): the findings grouped by theme, in the language asked, for sending to the coordination projects. Writes nothing.`,
          params: ZPeriodParams,
          body: ZImportUpload,
          response: { 200: z.union([z.string(), z.instanceof(Buffer)]).describe(type), ...errors },
        },
      },
      async (request, reply) => {
        const locale = requestLocale(request);
        const report = await importCheckReport(deps(request), request.params.period, request.body);
        const body =
          format === 'html' ? renderCheckReportHtml(report, locale) : await renderCheckReportXlsx(report, locale);
        return reply
          .header('content-disposition', `attachment; filename="${checkReportFilename(report.period, format)}"`)
          .type(type)
          .send(body);
      },
    );
  }

  app.post(
    '/api/v1/reporting-periods/:period/imports/confirm',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Write the previewed review into the reports (the same file and its digest)',
        params: ZPeriodParams,
        body: ZImportConfirm,
        response: { 200: ZImportResult, ...errors },
      },
    },
    async (request) => confirmImport(deps(request), request.params.period, request.body),
  );
}
