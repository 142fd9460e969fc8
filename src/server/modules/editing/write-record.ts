/**
 * The three writes every editable resource has: create, update (only from the version it is based
 * on) and archive (records are not deleted; a referenced one is refused with a reason). Each checks
 * permission, then state, then writes the change and exactly one audit entry in one transaction.
 */
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Tracked } from '../../../db/schema.js';
import type { AuditContext } from '../../../db/repositories/audit.js';
import { reindexAfterWrite } from '../../../db/repositories/search.js';
import { can, type Actor } from '../../../domain/access.js';
import { ForbiddenError, NotFoundError, NotSignedInError, RuleViolationError } from '../../../domain/errors.js';
import { auditedTransaction } from '../shared/audited-transaction.js';
import { requireVersion, versionedUpdate } from '../shared/versioned-update.js';
import { changesSearch, type EditableResource, type Row } from './resource.js';

const auditView = (db: Db, resource: EditableResource, row: Row) => (resource.auditView ?? resource.present)(db, row);
/** The audit trail's view of a row just written: the answer itself, unless the resource keeps another. */
const afterView = (db: Db, resource: EditableResource, row: Row, presented: Record<string, unknown>) =>
  resource.auditView ? resource.auditView(db, row) : presented;

export type WriteDeps = { db: Db; actor: Actor; audit: AuditContext };
export type Written = { data: Record<string, unknown>; version: number; id: number };

/**
 * The engine picks its table at run time (`resource.table`), which Kysely's table types cannot
 * follow; it touches only the columns every editable table has (plus the key column and what the
 * resource's `toColumns` returns), so it sees each table as those columns. `EditableTableName` keeps
 * `resource.table` to tables that really have them.
 */
type EditableColumns = Tracked & { id: Generated<number>; [column: string]: unknown };
type EditableDb = Kysely<Record<string, EditableColumns>>;
const editable = (db: Db): EditableDb => db as unknown as EditableDb;

function requireSignedIn(actor: Actor): void {
  if (actor.kind !== 'user') throw new NotSignedInError();
}

async function findRow(db: Db, resource: EditableResource, identifier: string): Promise<Row | undefined> {
  let query = editable(db).selectFrom(resource.table).selectAll();
  if (resource.identifier === 'id') {
    if (!/^\d{1,15}$/.test(identifier)) return undefined;
    query = query.where('id', '=', Number(identifier));
  } else {
    query = query.where(resource.keyColumn ?? 'key', '=', identifier);
  }
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const archivedAt = typeof row.archived_at === 'string' ? row.archived_at : null;
  return { ...row, id: Number(row.id), version: Number(row.version), archived_at: archivedAt };
}

/** The record as it stands, for a form: its data and version. */
export async function readRecord(deps: WriteDeps, resource: EditableResource, identifier: string): Promise<Written> {
  requireSignedIn(deps.actor);
  const row = await findRow(deps.db, resource, identifier);
  if (!row) throw new NotFoundError(resource.name, identifier);
  if (!can(deps.actor, resource.permission, await resource.scopeOfRow(deps.db, row)))
    throw new ForbiddenError(resource.permission);
  return { data: await resource.present(deps.db, row), version: row.version, id: row.id };
}

export async function createRecord(
  deps: WriteDeps,
  resource: EditableResource,
  input: Record<string, unknown>,
): Promise<Written> {
  requireSignedIn(deps.actor);
  const scope = resource.scopeOfInput ? await resource.scopeOfInput(deps.db, input) : {};
  if (!can(deps.actor, resource.permission, scope)) throw new ForbiddenError(resource.permission);
  return auditedTransaction(deps.db, deps.audit, async (trx) => {
    await requireScopeChange(trx, deps.actor, resource, null, input);
    const columns = await resource.toColumns(trx, input, null, { at: deps.audit.at, actor: deps.audit.actor });
    const inserted = await editable(trx)
      .insertInto(resource.table)
      .values({ ...columns, updated_by: deps.audit.actor, created_at: deps.audit.at, updated_at: deps.audit.at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = (await findRow(trx, { ...resource, identifier: 'id' }, String(inserted.id)))!;
    await resource.afterWrite?.(trx, row, input, deps.audit.at, { audit: deps.audit, created: true });
    await reindexAfterWrite(trx, resource.table, row);
    const data = await resource.present(trx, row);
    return {
      result: { data, version: row.version, id: row.id },
      audit: {
        action: 'create',
        entityType: resource.name,
        entityId: row.id,
        after: await afterView(trx, resource, row, data),
      },
    };
  });
}

export async function updateRecord(
  deps: WriteDeps,
  resource: EditableResource,
  identifier: string,
  basedOnVersion: number | null,
  input: Record<string, unknown>,
): Promise<Written> {
  requireSignedIn(deps.actor);
  return auditedTransaction(deps.db, deps.audit, async (trx) => {
    const row = await findRow(trx, resource, identifier);
    if (!row || row.archived_at) throw new NotFoundError(resource.name, identifier);
    if (!can(deps.actor, resource.permission, await resource.scopeOfRow(trx, row)))
      throw new ForbiddenError(resource.permission);
    await requireVersion(row, basedOnVersion, () => resource.present(trx, row));
    const before = await auditView(trx, resource, row);
    // A record may not be moved to a scope the user has no right to either.
    if (resource.scopeOfInput && movesScope(resource, input)) {
      if (!can(deps.actor, resource.permission, await resource.scopeOfInput(trx, input)))
        throw new ForbiddenError(resource.permission);
    }
    await requireScopeChange(trx, deps.actor, resource, row, input);
    const columns = await resource.toColumns(trx, input, row, { at: deps.audit.at, actor: deps.audit.actor });
    await versionedUpdate(trx, {
      table: resource.table,
      id: row.id,
      basedOnVersion: row.version,
      set: columns,
      audit: deps.audit,
      current: async () => {
        const current = await findRow(trx, resource, identifier);
        return current ? resource.present(trx, current) : null;
      },
    });
    const updated = (await findRow(trx, { ...resource, identifier: 'id' }, String(row.id)))!;
    await resource.afterWrite?.(trx, updated, input, deps.audit.at, { audit: deps.audit, created: false });
    if (changesSearch(resource, input, false)) await reindexAfterWrite(trx, resource.table, updated);
    const data = await resource.present(trx, updated);
    return {
      result: { data, version: updated.version, id: row.id },
      audit: {
        action: 'update',
        entityType: resource.name,
        entityId: row.id,
        before,
        after: await afterView(trx, resource, updated, data),
      },
    };
  });
}

/** A value as compared for a scope change: keys and usernames ignore case, lists their order. */
const comparable = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(comparable).map(String).sort()
    : typeof value === 'string'
      ? value.trim().toLowerCase()
      : (value ?? null);

/**
 * A write that changes a scope field (resource.scopeFields) is a scope change: the managing
 * authority's (`scope.change`), or whom the resource's own check lets through.
 */
async function requireScopeChange(
  db: Db,
  actor: Actor,
  resource: EditableResource,
  row: Row | null,
  input: Record<string, unknown>,
): Promise<void> {
  const fields = (resource.scopeFields ?? []).filter((field) => field in input);
  if (fields.length === 0) return;
  const current = row ? await resource.present(db, row) : {};
  const changed = fields.filter(
    (field) => JSON.stringify(comparable(input[field])) !== JSON.stringify(comparable(current[field])),
  );
  if (changed.length === 0 || can(actor, 'scope.change')) return;
  if (resource.checkScopeChange) return resource.checkScopeChange(db, actor, row, input);
  throw new ForbiddenError('scope.change');
}

/** An input that names where the record belongs (the resource's `placedBy` fields) would move it. */
function movesScope(resource: EditableResource, input: Record<string, unknown>): boolean {
  return (resource.placedBy ?? []).some((field) => field in input);
}

export async function archiveRecord(
  deps: WriteDeps,
  resource: EditableResource,
  identifier: string,
  basedOnVersion: number | null,
): Promise<void> {
  requireSignedIn(deps.actor);
  await auditedTransaction(deps.db, deps.audit, async (trx) => {
    const row = await findRow(trx, resource, identifier);
    if (!row || row.archived_at) throw new NotFoundError(resource.name, identifier);
    if (!can(deps.actor, resource.permission, await resource.scopeOfRow(trx, row)))
      throw new ForbiddenError(resource.permission);
    if (!resource.archivable) {
      throw new RuleViolationError([
        {
          field: resource.name,
          message: {
            fi: 'Tätä tietoa ei voi poistaa.',
            sv: 'Denna uppgift kan inte tas bort.',
            en: 'This record cannot be removed.',
          },
        },
      ]);
    }
    await requireVersion(row, basedOnVersion, () => resource.present(trx, row));
    const before = await auditView(trx, resource, row);
    const blocker = await resource.archiveBlocker?.(trx, row);
    if (blocker) throw new RuleViolationError([{ field: resource.name, message: blocker }]);
    await versionedUpdate(trx, {
      table: resource.table,
      id: row.id,
      basedOnVersion: row.version,
      set: { archived_at: deps.audit.at },
      audit: deps.audit,
    });
    await reindexAfterWrite(trx, resource.table, row);
    return { result: undefined, audit: { action: 'archive', entityType: resource.name, entityId: row.id, before } };
  });
}
