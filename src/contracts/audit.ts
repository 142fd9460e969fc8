/** The audit trail as the managing authority reads it: filters, one page of entries, the CSV's columns. */
import { z } from 'zod';
import { ZCalendarDate } from './input.js';

export const ZAuditFilter = z
  .object({
    actor: z.string().trim().max(200).optional().describe('Part of who made the change ("user:…"), any case'),
    action: z.string().trim().max(60).optional().describe('create, update, archive, close, export, …'),
    entityType: z.string().trim().max(60).optional().describe('The kind of record (project, organisation, …)'),
    entityId: z.string().trim().max(200).optional().describe('The record’s id as the trail stores it'),
    from: ZCalendarDate.optional().describe('From this day (Helsinki), inclusive'),
    to: ZCalendarDate.optional().describe('To this day (Helsinki), inclusive'),
  })
  .strict();

export const ZAuditPageQuery = ZAuditFilter.extend({
  before: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('The next page: entries older than this id'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

export const ZAuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string().describe('Who made the change: a username, or the kind of actor ("dataset:2024", "cli")'),
    actorName: z.string().describe("Who made the change as pages show it: the user's display name"),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const ZAuditPage = z
  .object({ items: z.array(ZAuditEntry), next: z.number().int().nullable().describe('`before` of the next page') })
  .meta({ id: 'AuditPage' });

export type AuditFilterInput = z.infer<typeof ZAuditFilter>;
export type AuditEntry = z.infer<typeof ZAuditEntry>;
