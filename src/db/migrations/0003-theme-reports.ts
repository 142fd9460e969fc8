/**
 * Theme reports: reporting periods (a cut-off date, a deadline and the themes that report), one
 * report per theme and period with its workflow state, every saved version, comments on sections
 * when a report is returned, and an outbox of reminders (recorded, not e-mailed).
 *
 * A period's kind says which template its reports follow: the yearly implementation review
 * (toteutuskatsaus) or the theme description (teemakuvaus). Report content is JSON text: the
 * sanitized sections, the links and the order/grouping of the generated project list.
 */
import { type Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  await c
    .id(db.schema.createTable('reporting_periods'))
    .addColumn('key', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title_fi', 'text', (col) => col.notNull())
    .addColumn('title_sv', 'text')
    .addColumn('title_en', 'text')
    .addColumn('cut_off', c.date)
    .addColumn('deadline', c.date)
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addColumn('updated_by', 'text')
    .addColumn('archived_at', c.timestamp)
    .execute();

  await db.schema
    .createTable('reporting_period_themes')
    .addColumn('period_id', c.ref, (col) => col.notNull().references('reporting_periods.id'))
    .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('reporting_period_themes_pk', ['period_id', 'theme_id'])
    .execute();

  await c
    .id(db.schema.createTable('theme_reports'))
    .addColumn('period_id', c.ref, (col) => col.notNull().references('reporting_periods.id'))
    .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id'))
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('draft'))
    .addColumn('content', 'text', (col) => col.notNull())
    /** The header as of the cut-off, frozen when the report is approved; null while it follows the data. */
    .addColumn('header', 'text')
    .addColumn('submissions', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('submitted_at', c.timestamp)
    .addColumn('submitted_by', 'text')
    .addColumn('approved_at', c.timestamp)
    .addColumn('approved_by', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addColumn('updated_by', 'text')
    .addColumn('archived_at', c.timestamp)
    .addUniqueConstraint('theme_reports_period_theme', ['period_id', 'theme_id'])
    .execute();

  await db.schema
    .createTable('theme_report_versions')
    .addColumn('report_id', c.ref, (col) => col.notNull().references('theme_reports.id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('saved_at', c.timestamp, (col) => col.notNull())
    .addColumn('saved_by', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('theme_report_versions_pk', ['report_id', 'version'])
    .execute();

  await c
    .id(db.schema.createTable('report_comments'))
    .addColumn('report_id', c.ref, (col) => col.notNull().references('theme_reports.id'))
    /** The version the comment was made on. */
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('section_key', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('author', 'text', (col) => col.notNull())
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('report_comments_report_idx').on('report_comments').column('report_id').execute();

  await c
    .id(db.schema.createTable('outbox'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('period_id', c.ref, (col) => col.references('reporting_periods.id'))
    .addColumn('theme_id', c.ref, (col) => col.references('themes.id'))
    .addColumn('recipient', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    /** Set by whatever delivers the message; nothing in this system sends e-mail. */
    .addColumn('sent_at', c.timestamp)
    .execute();
}
