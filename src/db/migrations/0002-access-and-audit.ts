/**
 * Access and the audit trail: users, role assignments scoped to records, server-side sessions, login
 * attempts for throttling, OpenID Connect sign-in state, the append-only audit log (enforced by
 * triggers in the database, not only in code) and the personal-data vault that lets a contact's data
 * be erased while the trail stays consistent.
 */
import { sql, type Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  await c
    .id(db.schema.createTable('users'))
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    /** argon2id PHC string; null for users who sign in only through single sign-on. */
    .addColumn('password_hash', 'text')
    .addColumn('password_changed_at', c.timestamp)
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .addColumn('is_demo', c.flag, (col) => col.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', c.timestamp)
    .addColumn('disabled_at', c.timestamp)
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addUniqueConstraint('users_oidc_identity', ['oidc_issuer', 'oidc_subject'])
    .execute();

  await c
    .id(db.schema.createTable('role_assignments'))
    .addColumn('user_id', c.ref, (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`role in ('admin', 'ministry_official', 'finance_expert', 'theme_coordinator', 'steering_group_secretary', 'steering_group_member')`,
        ),
    )
    /** Scope: a ministry (ministry official), a theme (finance expert, coordinator) or a steering group. */
    .addColumn('ministry', 'text')
    .addColumn('theme_id', c.ref, (col) => col.references('themes.id'))
    .addColumn('steering_group_id', c.ref, (col) => col.references('steering_groups.id'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addColumn('created_by', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('role_assignments_user_idx').on('role_assignments').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    /** SHA-256 of the session token: a stolen database does not hand out sessions. */
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', c.ref, (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('last_seen_at', c.timestamp, (col) => col.notNull())
    .addColumn('expires_at', c.timestamp, (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('revoked_at', c.timestamp)
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await c
    .id(db.schema.createTable('login_attempts'))
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('ip', 'text', (col) => col.notNull())
    .addColumn('at', c.timestamp, (col) => col.notNull())
    .addColumn('success', c.flag, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_ip_at_idx').on('login_attempts').columns(['ip', 'at']).execute();
  await db.schema
    .createIndex('login_attempts_username_at_idx')
    .on('login_attempts')
    .columns(['username', 'at'])
    .execute();

  await db.schema
    .createTable('oidc_flows')
    .addColumn('state', 'text', (col) => col.primaryKey())
    .addColumn('nonce', 'text', (col) => col.notNull())
    .addColumn('code_verifier', 'text', (col) => col.notNull())
    .addColumn('return_to', 'text')
    .addColumn('expires_at', c.timestamp, (col) => col.notNull())
    .execute();

  await c
    .id(db.schema.createTable('audit_log'))
    .addColumn('at', c.timestamp, (col) => col.notNull())
    .addColumn('actor_id', c.ref)
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('reason', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema
    .createIndex('audit_log_entity_idx')
    .on('audit_log')
    .columns(['entity_type', 'entity_id', 'id'])
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at']).execute();

  // The trail cannot be changed or removed by any path that goes through the database.
  if (c.dialect === 'postgres') {
    await sql`
      create function audit_log_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only: % is not allowed', tg_op;
      end $$`.execute(db);
    await sql`create trigger audit_log_no_update_or_delete before update or delete on audit_log
      for each row execute function audit_log_is_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_is_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only: UPDATE is not allowed'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only: DELETE is not allowed'); end`.execute(db);
  }

  // Personal data of contacts lives in a vault keyed by a pseudonym; the contact and the audit trail
  // refer to the pseudonym. Erasing a person deletes their vault rows; the trail stays intact.
  await db.schema
    .createTable('personal_data')
    .addColumn('person_id', 'text', (col) => col.notNull())
    .addColumn('revision', 'integer', (col) => col.notNull())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('recorded_at', c.timestamp, (col) => col.notNull())
    .addPrimaryKeyConstraint('personal_data_pk', ['person_id', 'revision'])
    .execute();
  await db.schema.alterTable('contacts').addColumn('person_id', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('erased_at', c.timestamp).execute();
}
