/**
 * Versioned update: a change to a row is made only from the version the writer read (If-Match).
 * The version is checked twice, and only the second check decides: first against the row as read
 * (so a stale writer learns it before anything else is done, with the record as it is now), then in
 * the UPDATE's own WHERE clause, so of two writers who read the same version exactly one wins, with
 * no read-then-write gap. The editing engine, reports and minutes all write through this.
 */
import type { Generated, Kysely, Updateable } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Database, EditableTableName, Tracked } from '../../../db/schema.js';
import type { AuditContext } from '../../../db/repositories/audit.js';
import { VersionConflictError, VersionRequiredError } from '../../../domain/errors.js';

/** What the answer to a stale write carries: the record as stored now (or null when unknown). */
type Current = () => Promise<unknown> | unknown;

/**
 * The version a write is based on must be the row's: 428 without one, 409 with the current record
 * when it is stale.
 */
export async function requireVersion(
  row: { version: number | string },
  basedOnVersion: number | null,
  current: Current = () => null,
): Promise<void> {
  if (basedOnVersion === null) throw new VersionRequiredError();
  if (Number(row.version) !== basedOnVersion) throw new VersionConflictError(Number(row.version), await current());
}

/**
 * The tables are chosen at run time by the editing engine, which Kysely's table types cannot follow;
 * every editable table has these columns, so the update is typed by them (and by the table's own
 * columns where the caller names the table).
 */
type VersionedColumns = Tracked & { id: Generated<number>; [column: string]: unknown };
const versioned = (db: Db) => db as unknown as Kysely<Record<string, VersionedColumns>>;

export type VersionedUpdate<T extends EditableTableName> = {
  table: T;
  id: number;
  /** The version the change is based on (already checked with requireVersion against the row read). */
  basedOnVersion: number;
  /** The columns that change; version, updated_at and updated_by are set here. */
  set: Updateable<Database[T]> | Record<string, unknown>;
  audit: AuditContext;
  /** The record as stored now, for the 409 when another writer came first. */
  current?: Current;
};

/** UPDATE … SET version = version + 1 WHERE id = ? AND version = ?; returns the new version. */
export async function versionedUpdate<T extends EditableTableName>(
  db: Db,
  change: VersionedUpdate<T>,
): Promise<number> {
  const table: string = change.table;
  const result = await versioned(db)
    .updateTable(table)
    .set((eb) => ({
      ...change.set,
      version: eb('version', '+', 1),
      updated_at: change.audit.at,
      updated_by: change.audit.actor,
    }))
    .where('id', '=', change.id)
    .where('version', '=', change.basedOnVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const stored = await versioned(db)
      .selectFrom(table)
      .select('version')
      .where('id', '=', change.id)
      .executeTakeFirst();
    throw new VersionConflictError(
      stored ? Number(stored.version) : change.basedOnVersion + 1,
      change.current ? await change.current() : null,
    );
  }
  return change.basedOnVersion + 1;
}
