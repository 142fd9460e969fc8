/**
 * Sign-in throttling counted in the database (issue 13, classes 1–3): one row per key (an account
 * name as typed, an account from one address, an address) with its count of failures and the moment
 * the next attempt may be evaluated. Moments are epoch milliseconds so that one conditional UPDATE can
 * count an attempt and set the next delay on both databases. The old per-attempt log and the users'
 * lock columns go: a lock anyone could renew is replaced by growing delays. A temporary password
 * from the administrator must be changed before anything else (`password_change_required`).
 */
import type { Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'integer', (col) => col.notNull().defaultTo(0))
    /** No attempt is evaluated before this moment (ms since the epoch). */
    .addColumn('next_attempt_ms', c.int64, (col) => col.notNull().defaultTo(0))
    /** The last counted attempt: after a quiet day the count starts again. */
    .addColumn('last_attempt_ms', c.int64, (col) => col.notNull().defaultTo(0))
    .execute();

  // After the administrator's reset to a temporary password: the person must choose their own
  // before they may change anything.
  await db.schema
    .alterTable('users')
    .addColumn('password_change_required', c.flag, (col) => col.notNull().defaultTo(0))
    .execute();

  await db.schema.dropTable('login_attempts').execute();
  await db.schema.alterTable('users').dropColumn('failed_logins').execute();
  await db.schema.alterTable('users').dropColumn('locked_until').execute();
}
