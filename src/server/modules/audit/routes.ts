/**
 * The audit trail for the managing authority: filtered pages for reading, the filtered trail as
 * CSV and the whole trail as JSON lines. Each download is itself written to the trail first (who,
 * when, which filters), in its own transaction: the Information Management Act (906/2019) §17 asks
 * that use and disclosure of the information be logged, and a download is a disclosure.
 */
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { ZProblem } from '../../../contracts/api.js';
import { ZAuditFilter, ZAuditPage, ZAuditPageQuery, type AuditFilterInput } from '../../../contracts/audit.js';
import {
  auditLogBatches,
  auditPage,
  filteredAuditBatches,
  writeAudit,
  type AuditFilter,
  type AuditRecord,
} from '../../../db/repositories/audit.js';
import { can } from '../../../domain/access.js';
import { ForbiddenError } from '../../../domain/errors.js';
import { addCalendarDays, helsinkiDate, helsinkiDayStart } from '../../../domain/helsinki-time.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { requireUser } from '../../plugins/auth.js';
import { auditContext } from '../../request-context.js';

const errors = { 400: ZProblem, 401: ZProblem, 403: ZProblem };

/** Helsinki days → instants: `to` is inclusive, so the trail is cut at the start of the day after. */
export function toAuditFilter(input: AuditFilterInput): AuditFilter {
  return {
    ...(input.actor ? { actor: input.actor } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.from ? { from: helsinkiDayStart(input.from) } : {}),
    ...(input.to ? { until: helsinkiDayStart(addCalendarDays(input.to, 1)) } : {}),
  };
}

const CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'reason', 'ip', 'before', 'after'];

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break; a field that a
 * spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with an apostrophe.
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (entry: AuditRecord) =>
  `${[
    entry.id,
    entry.at,
    entry.actor,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.reason,
    entry.ip,
    entry.before,
    entry.after,
  ]
    .map(csvField)
    .join(',')}\r\n`;

export function auditRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  const requireAuditReader = (request: FastifyRequest) => {
    const actor = requireUser(request);
    if (!can(actor, 'audit.read')) throw new ForbiddenError('audit.read');
  };
  /** The download's own entry, committed before the first byte goes out. */
  const logDownload = (request: FastifyRequest, format: string, filter: AuditFilterInput) =>
    db.transaction().execute((trx) =>
      writeAudit(trx, auditContext(request, clock()), {
        action: 'export',
        entityType: 'audit_log',
        entityId: format,
        after: { format, filter },
      }),
    );

  app.get(
    '/api/v1/admin/audit',
    {
      schema: {
        tags: ['access'],
        summary: 'The whole audit trail as JSON lines, oldest first (the download is itself logged)',
      },
    },
    async (request, reply) => {
      requireAuditReader(request);
      await logDownload(request, 'ndjson', {});
      async function* lines() {
        for await (const entry of auditLogBatches(db)) yield `${JSON.stringify(entry)}\n`;
      }
      return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
    },
  );

  app.get(
    '/api/v1/admin/audit/entries',
    {
      schema: {
        tags: ['access'],
        summary: 'The audit trail filtered by who, what, when and which record; newest first, a page at a time',
        querystring: ZAuditPageQuery,
        response: { 200: ZAuditPage, ...errors },
      },
    },
    async (request) => {
      requireAuditReader(request);
      const { before, limit, ...filter } = request.query;
      return auditPage(db, toAuditFilter(filter), { ...(before ? { before } : {}), limit });
    },
  );

  app.get(
    '/api/v1/admin/audit.csv',
    {
      schema: {
        tags: ['access'],
        summary: 'The filtered audit trail as CSV (UTF-8 with BOM), oldest first; the download is itself logged',
        querystring: ZAuditFilter,
      },
    },
    async (request, reply) => {
      requireAuditReader(request);
      await logDownload(request, 'csv', request.query);
      const filter = toAuditFilter(request.query);
      async function* lines() {
        // The BOM lets spreadsheet programs read the file as UTF-8 (ä, ö, å).
        yield `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
        for await (const entry of filteredAuditBatches(db, filter)) yield csvLine(entry);
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-trail-${helsinkiDate(clock())}.csv"`)
        .send(Readable.from(lines()));
    },
  );
}
