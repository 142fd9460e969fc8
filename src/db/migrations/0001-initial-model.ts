/**
 * The national-themes model: programme structure, themes and their money, calls, project entities
 * and projects, organisations and geography, activity figures, steering groups and meetings.
 *
 * Typed `Kysely<any>` on purpose: a migration must not change when the app's types do.
 */
import { sql, type CreateTableBuilder, type Expression, type Kysely } from 'kysely';
import type { Columns } from './columns.js';

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  /** Columns every editable record has: a version for optimistic locking and who changed it when. */
  const tracked = <T extends string>(table: CreateTableBuilder<T, never>) =>
    table
      .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
      .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
      .addColumn('updated_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
      .addColumn('updated_by', 'text')
      .addColumn('archived_at', c.timestamp);

  // Geography: wellbeing services counties (and Helsinki) and the municipalities in them.
  await db.schema
    .createTable('counties')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name_fi', 'text', (col) => col.notNull())
    .addColumn('name_sv', 'text', (col) => col.notNull())
    .addColumn('short_name_fi', 'text', (col) => col.notNull())
    .addColumn('short_name_sv', 'text', (col) => col.notNull())
    .addColumn('population', 'integer')
    .execute();
  await db.schema
    .createTable('municipalities')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('name_fi', 'text', (col) => col.notNull())
    .addColumn('name_sv', 'text', (col) => col.notNull())
    .addColumn('county_id', 'text', (col) => col.references('counties.id'))
    .execute();

  // Programme structure.
  await db.schema
    .createTable('specific_objectives')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('priority_code', 'text', (col) => col.notNull())
    .addColumn('name_fi', 'text')
    .addColumn('name_sv', 'text')
    .addColumn('name_en', 'text')
    .execute();

  await tracked(
    c
      .id(db.schema.createTable('themes'))
      .addColumn('slug', 'text', (col) => col.notNull().unique())
      .addColumn('review_order', 'integer')
      .addColumn('name_fi', 'text', (col) => col.notNull())
      .addColumn('name_sv', 'text')
      .addColumn('name_en', 'text')
      .addColumn('short_name', 'text')
      .addColumn('period_start', 'text')
      .addColumn('period_end', 'text')
      .addColumn('period_text', 'text')
      .addColumn('intermediate_body', 'text')
      .addColumn('stated_project_count', 'integer')
      .addColumn('source', 'text'),
  ).execute();
  await db.schema
    .createTable('theme_ministries')
    .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('ministry', 'text', (col) => col.notNull().check(sqlIn('ministry', ['TEM', 'OKM', 'STM'])))
    .addPrimaryKeyConstraint('theme_ministries_pk', ['theme_id', 'ministry'])
    .execute();
  await db.schema
    .createTable('theme_specific_objectives')
    .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('code', 'text', (col) => col.notNull().references('specific_objectives.code'))
    .addPrimaryKeyConstraint('theme_specific_objectives_pk', ['theme_id', 'code'])
    .execute();
  await tracked(
    c
      .id(db.schema.createTable('contacts'))
      .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id'))
      .addColumn('role', 'text', (col) => col.notNull().check(sqlIn('role', ['coordination', 'financier', 'ministry'])))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('title', 'text')
      .addColumn('organisation', 'text')
      .addColumn('ministry', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('source', 'text'),
  ).execute();
  await db.schema.createIndex('contacts_theme_idx').on('contacts').column('theme_id').execute();
  await tracked(
    c
      .id(db.schema.createTable('content_areas'))
      .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id'))
      .addColumn('key', 'text', (col) => col.notNull())
      .addColumn('name_fi', 'text', (col) => col.notNull())
      .addColumn('name_sv', 'text')
      .addColumn('name_en', 'text')
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addUniqueConstraint('content_areas_theme_key', ['theme_id', 'key']),
  ).execute();
  await tracked(
    c
      .id(db.schema.createTable('theme_links'))
      .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id'))
      .addColumn('url', 'text', (col) => col.notNull())
      .addColumn('title', 'text')
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0)),
  ).execute();
  await db.schema.createIndex('theme_links_theme_idx').on('theme_links').column('theme_id').execute();

  // Money: dated snapshots of the four figures. Append-only: a correction is a new snapshot.
  await c
    .id(db.schema.createTable('finance_snapshots'))
    .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id'))
    .addColumn('as_of', c.date, (col) => col.notNull())
    .addColumn('frame_cents', c.cents, (col) => col.check(nonNegative('frame_cents')))
    .addColumn('frame_rounded', c.flag, (col) => col.notNull().defaultTo(0))
    .addColumn('reserved_cents', c.cents, (col) => col.check(nonNegative('reserved_cents')))
    .addColumn('reserved_rounded', c.flag, (col) => col.notNull().defaultTo(0))
    .addColumn('committed_cents', c.cents, (col) => col.check(nonNegative('committed_cents')))
    .addColumn('committed_rounded', c.flag, (col) => col.notNull().defaultTo(0))
    .addColumn('paid_cents', c.cents, (col) => col.check(nonNegative('paid_cents')))
    .addColumn('paid_rounded', c.flag, (col) => col.notNull().defaultTo(0))
    .addColumn('note', 'text')
    /** Why this snapshot was recorded: "2024 implementation review", or a correction's reason. */
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('recorded_at', c.timestamp, (col) => col.notNull().defaultTo(c.now()))
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('source', 'text')
    .execute();
  await db.schema
    .createIndex('finance_snapshots_theme_as_of_idx')
    .on('finance_snapshots')
    .columns(['theme_id', 'as_of', 'id'])
    .execute();
  await db.schema
    .createTable('frame_splits')
    .addColumn('snapshot_id', c.ref, (col) => col.notNull().references('finance_snapshots.id'))
    .addColumn('ministry', 'text', (col) => col.notNull().check(sqlIn('ministry', ['TEM', 'OKM', 'STM'])))
    .addColumn('cents', c.cents, (col) => col.notNull().check(nonNegative('cents')))
    .addColumn('rounded', c.flag, (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('frame_splits_pk', ['snapshot_id', 'ministry'])
    .execute();

  // Organisations.
  await tracked(
    c
      .id(db.schema.createTable('organisations'))
      .addColumn('key', 'text', (col) => col.notNull().unique())
      .addColumn('name_fi', 'text', (col) => col.notNull())
      .addColumn('name_sv', 'text')
      .addColumn('name_en', 'text')
      .addColumn('business_id', 'text')
      .addColumn('type', 'text')
      .addColumn('municipality_code', 'text', (col) => col.references('municipalities.code'))
      .addColumn('search_text', 'text', (col) => col.notNull())
      .addColumn('source', 'text'),
  ).execute();
  await db.schema.createIndex('organisations_name_idx').on('organisations').column('name_fi').execute();
  await db.schema.createIndex('organisations_business_id_idx').on('organisations').column('business_id').execute();

  // Calls for proposals.
  await tracked(
    c
      .id(db.schema.createTable('calls'))
      .addColumn('key', 'text', (col) => col.notNull().unique())
      .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id'))
      .addColumn('name_fi', 'text', (col) => col.notNull())
      .addColumn('name_sv', 'text')
      .addColumn('name_en', 'text')
      .addColumn('kind', 'text')
      .addColumn('opens', 'text')
      .addColumn('closes', 'text')
      .addColumn('budget_cents', c.cents)
      .addColumn('budget_rounded', c.flag, (col) => col.notNull().defaultTo(0))
      .addColumn('applications', 'integer')
      .addColumn('application_entities', 'integer')
      .addColumn('eligible_entities', 'integer')
      .addColumn('funded_entities', 'integer')
      .addColumn('granted_cents', c.cents)
      .addColumn('granted_rounded', c.flag, (col) => col.notNull().defaultTo(0))
      .addColumn('left_over_cents', c.cents)
      .addColumn('left_over_rounded', c.flag, (col) => col.notNull().defaultTo(0))
      .addColumn('note', 'text')
      .addColumn('source', 'text'),
  ).execute();
  await db.schema.createIndex('calls_theme_idx').on('calls').column('theme_id').execute();
  await db.schema
    .createTable('call_specific_objectives')
    .addColumn('call_id', c.ref, (col) => col.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('code', 'text', (col) => col.notNull().references('specific_objectives.code'))
    .addPrimaryKeyConstraint('call_specific_objectives_pk', ['call_id', 'code'])
    .execute();

  // Project entities (a single project or a group project) and their projects.
  await tracked(
    c
      .id(db.schema.createTable('project_entities'))
      .addColumn('key', 'text', (col) => col.notNull().unique())
      .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id'))
      .addColumn('kind', 'text', (col) => col.notNull().check(sqlIn('kind', ['single', 'group'])))
      .addColumn('group_code', 'text', (col) => col.unique())
      .addColumn('name_fi', 'text', (col) => col.notNull())
      .addColumn('name_sv', 'text')
      .addColumn('name_en', 'text')
      .addColumn('type', 'text')
      .addColumn('status', 'text')
      .addColumn('period_start', 'text')
      .addColumn('period_end', 'text')
      .addColumn('period_text', 'text')
      .addColumn('cost_estimate_cents', c.cents)
      .addColumn('cost_estimate_rounded', c.flag, (col) => col.notNull().defaultTo(0))
      .addColumn('website', 'text')
      .addColumn('call_id', c.ref, (col) => col.references('calls.id'))
      .addColumn('content_area_id', c.ref, (col) => col.references('content_areas.id'))
      /** Lower-cased name, codes and implementer names, for free-text search. */
      .addColumn('search_text', 'text', (col) => col.notNull())
      .addColumn('source', 'text'),
  ).execute();
  await db.schema
    .createIndex('project_entities_theme_idx')
    .on('project_entities')
    .columns(['theme_id', 'name_fi'])
    .execute();
  await db.schema
    .createIndex('project_entities_status_idx')
    .on('project_entities')
    .columns(['status', 'name_fi'])
    .execute();
  await db.schema.createIndex('project_entities_name_idx').on('project_entities').columns(['name_fi', 'id']).execute();
  await db.schema
    .createTable('project_entity_ministries')
    .addColumn('entity_id', c.ref, (col) => col.notNull().references('project_entities.id').onDelete('cascade'))
    .addColumn('ministry', 'text', (col) => col.notNull().check(sqlIn('ministry', ['TEM', 'OKM', 'STM'])))
    .addPrimaryKeyConstraint('project_entity_ministries_pk', ['entity_id', 'ministry'])
    .execute();
  await tracked(
    c
      .id(db.schema.createTable('projects'))
      .addColumn('entity_id', c.ref, (col) => col.notNull().references('project_entities.id'))
      .addColumn('code', 'text', (col) => col.unique())
      .addColumn('implementer_id', c.ref, (col) => col.notNull().references('organisations.id'))
      .addColumn('role', 'text', (col) => col.notNull().check(sqlIn('role', ['main', 'sub'])))
      .addColumn('cost_estimate_cents', c.cents)
      .addColumn('cost_estimate_rounded', c.flag, (col) => col.notNull().defaultTo(0))
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0)),
  ).execute();
  await db.schema.createIndex('projects_entity_idx').on('projects').column('entity_id').execute();
  await db.schema
    .createIndex('projects_implementer_idx')
    .on('projects')
    .columns(['implementer_id', 'entity_id'])
    .execute();
  await db.schema
    .createTable('project_entity_partners')
    .addColumn('entity_id', c.ref, (col) => col.notNull().references('project_entities.id').onDelete('cascade'))
    .addColumn('organisation_id', c.ref, (col) => col.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('project_entity_partners_pk', ['entity_id', 'organisation_id'])
    .execute();
  await db.schema
    .createIndex('project_entity_partners_org_idx')
    .on('project_entity_partners')
    .column('organisation_id')
    .execute();

  // Sectors and services (Kasvatus ja koulutus → perusopetus, …) and the entities tagged with them.
  await db.schema
    .createTable('sectors')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('parent_key', 'text', (col) => col.references('sectors.key'))
    .addColumn('name_fi', 'text', (col) => col.notNull())
    .addColumn('name_sv', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('project_entity_sectors')
    .addColumn('entity_id', c.ref, (col) => col.notNull().references('project_entities.id').onDelete('cascade'))
    .addColumn('sector_key', 'text', (col) => col.notNull().references('sectors.key'))
    .addPrimaryKeyConstraint('project_entity_sectors_pk', ['entity_id', 'sector_key'])
    .execute();

  // Activity figures a coordination project reports (events held, participants, …), each with a period.
  await tracked(
    c
      .id(db.schema.createTable('activity_figures'))
      .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id'))
      .addColumn('key', 'text', (col) => col.notNull())
      .addColumn('label_fi', 'text', (col) => col.notNull())
      .addColumn('label_sv', 'text')
      .addColumn('label_en', 'text')
      .addColumn('value', c.real, (col) => col.notNull())
      .addColumn('unit', 'text')
      .addColumn('period_start', 'text')
      .addColumn('period_end', 'text')
      .addColumn('period_text', 'text')
      .addColumn('source', 'text')
      .addUniqueConstraint('activity_figures_theme_key', ['theme_id', 'key']),
  ).execute();

  // Steering groups, their membership (with history: valid_from/valid_to) and meetings.
  await tracked(
    c
      .id(db.schema.createTable('steering_groups'))
      .addColumn('key', 'text', (col) => col.notNull().unique())
      .addColumn('name_fi', 'text', (col) => col.notNull())
      .addColumn('name_sv', 'text')
      .addColumn('name_en', 'text')
      .addColumn('diary_number', 'text')
      .addColumn('source', 'text'),
  ).execute();
  await db.schema
    .createTable('steering_group_themes')
    .addColumn('steering_group_id', c.ref, (col) => col.notNull().references('steering_groups.id').onDelete('cascade'))
    .addColumn('theme_id', c.ref, (col) => col.notNull().references('themes.id'))
    .addPrimaryKeyConstraint('steering_group_themes_pk', ['steering_group_id', 'theme_id'])
    .execute();
  await tracked(
    c
      .id(db.schema.createTable('steering_group_members'))
      .addColumn('steering_group_id', c.ref, (col) => col.notNull().references('steering_groups.id'))
      /** Members and their personal deputies share a seat number; experts and secretaries have none. */
      .addColumn('seat', 'integer')
      .addColumn('capacity', 'text', (col) =>
        col.notNull().check(sqlIn('capacity', ['member', 'deputy', 'permanent_expert', 'secretary'])),
      )
      .addColumn('position', 'text')
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('organisation', 'text')
      .addColumn('valid_from', c.date)
      .addColumn('valid_to', c.date),
  ).execute();
  await db.schema
    .createIndex('steering_group_members_group_idx')
    .on('steering_group_members')
    .columns(['steering_group_id', 'seat'])
    .execute();
  await tracked(
    c
      .id(db.schema.createTable('meetings'))
      .addColumn('key', 'text', (col) => col.notNull().unique())
      .addColumn('steering_group_id', c.ref, (col) => col.notNull().references('steering_groups.id'))
      .addColumn('number', 'text', (col) => col.notNull())
      .addColumn('date', c.date, (col) => col.notNull())
      .addColumn('start_time', 'text')
      .addColumn('end_time', 'text')
      .addColumn('room', 'text')
      .addColumn('address', 'text')
      .addColumn('online', 'text')
      .addColumn('previous_minutes', 'text')
      .addColumn('next_meeting', 'text')
      .addColumn('notes', 'text')
      .addColumn('source', 'text')
      .addUniqueConstraint('meetings_group_number', ['steering_group_id', 'number']),
  ).execute();
  await db.schema
    .createTable('meeting_attendance')
    .addColumn('meeting_id', c.ref, (col) => col.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('organisation', 'text')
    .addColumn('capacity', 'text', (col) => col.notNull())
    .addColumn('role', 'text')
    .addColumn('present', c.flag, (col) => col.notNull())
    .addColumn('standing_in_for', 'text')
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'position'])
    .execute();
  await tracked(
    c
      .id(db.schema.createTable('agenda_items'))
      .addColumn('meeting_id', c.ref, (col) => col.notNull().references('meetings.id'))
      .addColumn('number', 'integer', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('presenter', 'text')
      .addColumn('background', 'text')
      .addColumn('discussion', 'text')
      .addColumn('decision', 'text')
      .addColumn('time', 'text')
      .addColumn('source', 'text')
      .addUniqueConstraint('agenda_items_meeting_number', ['meeting_id', 'number']),
  ).execute();
  await db.schema
    .createTable('meeting_signatories')
    .addColumn('meeting_id', c.ref, (col) => col.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('organisation', 'text')
    .addColumn('role', 'text')
    .addPrimaryKeyConstraint('meeting_signatories_pk', ['meeting_id', 'position'])
    .execute();
  await db.schema
    .createTable('meeting_distribution')
    .addColumn('meeting_id', c.ref, (col) => col.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('recipient', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('meeting_distribution_pk', ['meeting_id', 'position'])
    .execute();
}

function sqlIn(column: string, values: string[]): Expression<any> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

function nonNegative(column: string): Expression<any> {
  return sql`${sql.ref(column)} >= 0`;
}
