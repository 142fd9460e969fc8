/**
 * The audit trail: every change says who made it, when, from where, and what it was before and
 * after. Written in the same transaction as the change. The database refuses updates and deletes of
 * these rows (migration 0002).
 */
import { sql } from 'kysely';
import type { Db } from '../database.js';
import { publicNames } from './users.js';

export type AuditContext = {
  actorId: number | null;
  actor: string;
  ip: string | null;
  requestId: string | null;
  at: string;
};

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

export async function writeAudit(db: Db, context: AuditContext, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: context.at,
      actor_id: context.actorId,
      actor: context.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
      ip: context.ip,
      request_id: context.requestId,
    })
    .execute();
}

export type AuditRecord = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
};

const toRecord = (row: {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  ip: string | null;
}): AuditRecord => ({
  id: Number(row.id),
  at: row.at,
  actor: row.actor,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  before: row.before === null ? null : JSON.parse(row.before),
  after: row.after === null ? null : JSON.parse(row.after),
  reason: row.reason,
  ip: row.ip,
});

/** An entry as a page shows it: with who made it by their display name (the username stays in `actor`). */
export type NamedAuditRecord = AuditRecord & { actorName: string };

async function withNames(db: Db, records: AuditRecord[]): Promise<NamedAuditRecord[]> {
  const names = await publicNames(
    db,
    records.map((record) => record.actor),
  );
  return records.map((record) => ({ ...record, actorName: names.get(record.actor) ?? record.actor }));
}

export async function auditOf(db: Db, entityType: string, entityId: string): Promise<NamedAuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'before', 'after', 'reason', 'ip'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return withNames(db, rows.map(toRecord));
}

/** The whole trail, oldest first, a batch at a time (for export). */
export async function* auditLogBatches(db: Db, batchSize = 1000): AsyncGenerator<AuditRecord> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .select(['id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'before', 'after', 'reason', 'ip'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of rows) yield toRecord(row);
    if (rows.length < batchSize) return;
    after = Number(rows.at(-1)!.id);
  }
}

/** What the administrator narrows the trail to: who, what (action, kind of record), which record, when. */
export type AuditFilter = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Instants (ISO, UTC): from inclusive, until exclusive. */
  from?: string;
  until?: string;
};

const filtered = (db: Db, filter: AuditFilter) => {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'before', 'after', 'reason', 'ip']);
  // The actor is matched as part of the name, case-insensitively: "lahtinen" finds "user:mlahtinen".
  if (filter.actor) {
    const pattern = `%${escapeLike(filter.actor.toLowerCase())}%`;
    query = query.where(sql<boolean>`lower(actor) like ${pattern} escape '\\'`);
  }
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.until) query = query.where('at', '<', filter.until);
  return query;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the filtered trail, newest first, before the entry with id `before`. */
export async function auditPage(
  db: Db,
  filter: AuditFilter,
  options: { before?: number; limit: number },
): Promise<{ items: NamedAuditRecord[]; next: number | null }> {
  let query = filtered(db, filter);
  if (options.before) query = query.where('id', '<', options.before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const items = await withNames(db, rows.slice(0, options.limit).map(toRecord));
  return { items, next: rows.length > options.limit ? (items.at(-1)?.id ?? null) : null };
}

/** The filtered trail, oldest first, a batch at a time (for the CSV download). */
export async function* filteredAuditBatches(
  db: Db,
  filter: AuditFilter,
  batchSize = 1000,
): AsyncGenerator<AuditRecord> {
  let after = 0;
  for (;;) {
    const rows = await filtered(db, filter).where('id', '>', after).orderBy('id').limit(batchSize).execute();
    for (const row of rows) yield toRecord(row);
    if (rows.length < batchSize) return;
    after = Number(rows.at(-1)!.id);
  }
}
