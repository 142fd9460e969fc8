/**
 * An editable resource: one table whose rows people change through the write API. Each resource says
 * how to read its row, which permission guards it and on what scope, how input becomes columns and
 * how a row is shown. The use cases in this folder do the rest the same way for every resource:
 * permission, then state (version), then the change and its audit entry in one transaction.
 */
import type { z } from 'zod';
import type { Db } from '../../../db/database.js';
import type { Actor, Permission, Scope } from '../../../domain/access.js';
import type { LocalizedText } from '../../../domain/errors.js';
import type { AuditContext } from '../../../db/repositories/audit.js';
import type { EditableTableName } from '../../../db/schema.js';

export type Row = Record<string, unknown> & { id: number; version: number; archived_at: string | null };

export type EditableResource = {
  /** Entity type in the audit trail and in messages ("call"). */
  name: string;
  /** URL collection: /api/v1/{collection}/{id}. */
  collection: string;
  table: EditableTableName;
  /** How records are named in URLs: a key column (`key`, or `keyColumn`), or their numeric id. */
  identifier: 'key' | 'id';
  keyColumn?: string;
  permission: Permission;
  /** Body of POST; omit when records are not created through this resource. */
  createSchema?: z.ZodType<Record<string, unknown>>;
  /** Body of PATCH: every field optional. */
  updateSchema: z.ZodType<Record<string, unknown>>;
  /** May a record be archived (DELETE)? */
  archivable: boolean;
  /** The scope a row belongs to (its theme and the theme's ministries, or its steering group). */
  scopeOfRow: (db: Db, row: Row) => Promise<Scope>;
  /**
   * The input fields that say where a record belongs (its theme, group or meeting): what
   * `scopeOfInput` reads. A change that names one moves the record, and must be allowed there too.
   */
  placedBy?: readonly string[];
  /** The scope of a record about to be created, from its input. */
  scopeOfInput?: (db: Db, input: Record<string, unknown>) => Promise<Scope>;
  /** Input (validated) → column values; throws RuleViolationError for references that do not resolve. */
  toColumns: (
    db: Db,
    input: Record<string, unknown>,
    existing: Row | null,
    /** When and by whom: for resources that record where each value came from (organisations). */
    change?: { at: string; actor: string },
  ) => Promise<Record<string, unknown>>;
  /**
   * Changes to related rows that go with the record (members of a group project, sectors, a new
   * meeting's standard agenda…), in the same transaction; `created` tells a new record from a change.
   */
  afterWrite?: (
    db: Db,
    row: Row,
    input: Record<string, unknown>,
    at: string,
    context: { audit: AuditContext; created: boolean },
  ) => Promise<void>;
  /** What the API answers for a record (contracts/records.ts); `present` gives it, the answer is checked. */
  record: z.ZodType<Record<string, unknown>>;
  /** The record as the API shows it and as the audit trail stores it (before/after). */
  present: (db: Db, row: Row) => Promise<Record<string, unknown>>;
  /** What the audit trail stores instead of `present`, where that holds personal data. */
  auditView?: (db: Db, row: Row) => Promise<Record<string, unknown>>;
  /**
   * Fields whose change moves scope: who may see or edit this record or others (a group's themes, a
   * member's account link). Changing one is a scope change (write-record.ts); sending the value it
   * already has is not.
   */
  scopeFields?: readonly string[];
  /**
   * Who else may make a scope change here, beyond the managing authority: throws when this actor may
   * not make this change (ForbiddenError, or a RuleViolationError that must read the same for every
   * refused value, so that it tells nothing about records the actor cannot see).
   */
  checkScopeChange?: (db: Db, actor: Actor, row: Row | null, input: Record<string, unknown>) => Promise<void>;
  /**
   * The update fields that the record's search index row (db/repositories/search.ts) and search
   * text are built from. An update that names none of them (a cost estimate) leaves both as they
   * are without reading them again: six statements fewer per write on a project. Omitted: every
   * write rebuilds them. test/api/index-after-write.test.ts checks that the rest change neither.
   */
  searchedBy?: readonly string[];
  /** Why a record cannot be archived now (it is referenced), or null. */
  archiveBlocker?: (db: Db, row: Row) => Promise<LocalizedText | null>;
};

/** Scope of a row that has a theme_id column. */
export async function themeScope(db: Db, themeId: number | null | undefined): Promise<Scope> {
  if (themeId === null || themeId === undefined) return {};
  const ministries = await db
    .selectFrom('theme_ministries')
    .select('ministry')
    .where('theme_id', '=', Number(themeId))
    .execute();
  return { themeId: Number(themeId), themeMinistries: ministries.map((m) => m.ministry) };
}

/** Scope of a row that belongs to a steering group. */
export async function steeringGroupScope(db: Db, groupId: number): Promise<Scope> {
  const ministries = await db
    .selectFrom('steering_group_themes as sgt')
    .innerJoin('theme_ministries as tm', 'tm.theme_id', 'sgt.theme_id')
    .select('tm.ministry')
    .where('sgt.steering_group_id', '=', groupId)
    .execute();
  return { steeringGroupId: groupId, steeringGroupMinistries: [...new Set(ministries.map((m) => m.ministry))] };
}

/** Does this write change what the record is found by? A new record always does. */
export const changesSearch = (
  resource: Pick<EditableResource, 'searchedBy'>,
  input: Record<string, unknown>,
  created: boolean,
) => created || resource.searchedBy === undefined || resource.searchedBy.some((field) => field in input);
