/**
 * E-mail that is really delivered, and joint themes approved by each of their ministries.
 *
 * - `users.language`: the language a person's mail is written in (fi by default).
 * - `notification_opt_outs`: the kinds of mail a person has chosen not to receive (everything is
 *   sent unless opted out, so a new kind of notification reaches people without a migration).
 * - `outbox` becomes a delivery queue: who it is for (`user_id`, `language`), what it is about
 *   (`report_id`, `meeting_id`, and the `link` path to where it is done), the claim of the app server delivering it (`claimed_by`,
 *   `claimed_at`: a conditional UPDATE, so two servers never send the same row), the record of
 *   delivery (`attempts`, `next_attempt_at`, `last_error`, `sent_at`) and `failed_at` once the
 *   attempts are used up, which the administrator sees.
 * - `themes.approval_rule` (`each`: every responsible ministry approves; `lead`: `lead_ministry`
 *   approves for all) and `report_approvals`, one row per ministry and submission.
 */
import { type Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('language', 'text', (col) => col.notNull().defaultTo('fi'))
    .execute();
  await db.schema
    .createTable('notification_opt_outs')
    .addColumn('user_id', c.ref, (col) => col.notNull().references('users.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('notification_opt_outs_pk', ['user_id', 'kind'])
    .execute();

  for (const [name, type] of [
    ['user_id', c.ref],
    ['language', 'text'],
    ['report_id', c.ref],
    ['meeting_id', c.ref],
    ['link', 'text'],
    ['claimed_by', 'text'],
    ['claimed_at', c.timestamp],
    ['next_attempt_at', c.timestamp],
    ['last_error', 'text'],
    ['failed_at', c.timestamp],
  ] as const) {
    await db.schema.alterTable('outbox').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('outbox')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  // The worker's poll: unsent, not given up, due.
  await db.schema.createIndex('outbox_due').on('outbox').columns(['sent_at', 'failed_at', 'next_attempt_at']).execute();

  await db.schema
    .alterTable('themes')
    .addColumn('approval_rule', 'text', (col) => col.notNull().defaultTo('each'))
    .execute();
  await db.schema.alterTable('themes').addColumn('lead_ministry', 'text').execute();
  await db.schema
    .createTable('report_approvals')
    .addColumn('report_id', c.ref, (col) => col.notNull().references('theme_reports.id'))
    .addColumn('submission', 'integer', (col) => col.notNull())
    .addColumn('ministry', 'text', (col) => col.notNull())
    .addColumn('approved_by', 'text', (col) => col.notNull())
    .addColumn('approved_at', c.timestamp, (col) => col.notNull())
    // One approval per ministry and submission: a second click cannot count twice.
    .addPrimaryKeyConstraint('report_approvals_pk', ['report_id', 'submission', 'ministry'])
    .execute();
}
