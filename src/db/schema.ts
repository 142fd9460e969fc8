/**
 * Table types for Kysely. Snake_case as in the database. Money columns are integer euro cents,
 * `*_rounded` and other flags are 0/1, dates are ISO strings ("2024-10-31"; partial dates such as
 * "2021" or "2021-10" in period columns), timestamps are ISO strings.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../domain/access.js';
import type { Ministry } from '../domain/figures.js';

type Id = Generated<number>;
type Timestamp = ColumnType<string, string | undefined, string>;

/** The bookkeeping columns of every editable table (optimistic locking, archiving, who and when). */
export type Tracked = {
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
  archived_at: string | null;
};

export type CountiesTable = {
  id: string;
  name_fi: string;
  name_sv: string;
  short_name_fi: string;
  short_name_sv: string;
  population: number | null;
};

export type MunicipalitiesTable = { code: string; name_fi: string; name_sv: string; county_id: string | null };

export type SpecificObjectivesTable = {
  code: string;
  priority_code: string;
  name_fi: string | null;
  name_sv: string | null;
  name_en: string | null;
};

export type ThemesTable = Tracked & {
  id: Id;
  slug: string;
  review_order: number | null;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  short_name: string | null;
  period_start: string | null;
  period_end: string | null;
  period_text: string | null;
  intermediate_body: string | null;
  stated_project_count: number | null;
  source: string | null;
  /** Who approves the theme's report: `each` responsible ministry, or the `lead` ministry for all. */
  approval_rule: Generated<string>;
  lead_ministry: string | null;
};

export type ThemeMinistriesTable = {
  theme_id: number;
  ministry: string;
  /** lead or partner where a source says so; null: not stated. */
  role: 'lead' | 'partner' | null;
  /** Why the ministry is inferred rather than stated (e.g. from the contacts' phone numbers), or null. */
  inferred_reason: string | null;
};
export type ThemeSpecificObjectivesTable = { theme_id: number; code: string };

export type ContactsTable = Tracked & {
  id: Id;
  theme_id: number;
  role: string;
  name: string;
  title: string | null;
  organisation: string | null;
  ministry: string | null;
  email: string | null;
  phone: string | null;
  position: Generated<number>;
  source: string | null;
  person_id: string | null;
  erased_at: string | null;
  /** Validity as the source gives it ("1.4.2025 lähtien" → valid_from 2025-04-01), reduced-precision ISO. */
  valid_from: string | null;
  valid_to: string | null;
  /** "virkavapaalla": on_leave; null: not absent as far as the sources say. */
  absence: 'on_leave' | null;
};

export type ContentAreasTable = Tracked & {
  id: Id;
  theme_id: number;
  key: string;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  position: Generated<number>;
};

export type ThemeLinksTable = Tracked & {
  id: Id;
  theme_id: number;
  url: string;
  title: string | null;
  position: Generated<number>;
};

export type FinanceSnapshotsTable = {
  id: Id;
  theme_id: number;
  as_of: string;
  frame_cents: number | null;
  frame_rounded: Generated<number>;
  reserved_cents: number | null;
  reserved_rounded: Generated<number>;
  committed_cents: number | null;
  committed_rounded: Generated<number>;
  paid_cents: number | null;
  paid_rounded: Generated<number>;
  note: string | null;
  reason: string;
  recorded_at: Timestamp;
  recorded_by: string;
  source: string | null;
  /** Position in the theme's chain of entries; unique per theme (migration 0006). */
  sequence: number;
  kind: Generated<'entry' | 'correction' | 'withdrawal'>;
  supersedes_id: number | null;
  confirmed_checks: string | null;
  confirmation_reason: string | null;
  frame_approximate: Generated<number>;
  frame_as_written: string | null;
  reserved_approximate: Generated<number>;
  reserved_as_written: string | null;
  committed_approximate: Generated<number>;
  committed_as_written: string | null;
  paid_approximate: Generated<number>;
  paid_as_written: string | null;
};

export type FrameSplitsTable = { snapshot_id: number; ministry: string; cents: number; rounded: Generated<number> };

export type OrganisationsTable = Tracked & {
  id: Id;
  key: string;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  business_id: string | null;
  type: string | null;
  municipality_code: string | null;
  search_text: string;
  source: string | null;
  /** Set where the county does not follow from the municipality (a wellbeing services county's own). */
  county_id: string | null;
  county_basis: string | null;
  /** JSON: field → where its value came from (migration 0015, domain/organisation-register.ts). */
  field_sources: string | null;
};

export type CallsTable = Tracked & {
  id: Id;
  key: string;
  theme_id: number;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  kind: string | null;
  opens: string | null;
  closes: string | null;
  budget_cents: number | null;
  budget_rounded: Generated<number>;
  applications: number | null;
  application_entities: number | null;
  eligible_entities: number | null;
  funded_entities: number | null;
  granted_cents: number | null;
  granted_rounded: Generated<number>;
  left_over_cents: number | null;
  left_over_rounded: Generated<number>;
  /** "noin 3,5 milj. €": approximate, with the source's words kept. */
  budget_approximate: Generated<number>;
  budget_as_written: string | null;
  granted_approximate: Generated<number>;
  granted_as_written: string | null;
  left_over_approximate: Generated<number>;
  left_over_as_written: string | null;
  note: string | null;
  source: string | null;
  confirmed_checks: string | null;
  confirmation_reason: string | null;
};

export type CallSpecificObjectivesTable = { call_id: number; code: string };

export type ProjectEntitiesTable = Tracked & {
  id: Id;
  key: string;
  theme_id: number;
  kind: 'single' | 'group';
  group_code: string | null;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  type: string | null;
  status: string | null;
  period_start: string | null;
  period_end: string | null;
  period_text: string | null;
  cost_estimate_cents: number | null;
  cost_estimate_rounded: Generated<number>;
  website: string | null;
  call_id: number | null;
  content_area_id: number | null;
  search_text: string;
  source: string | null;
  /**
   * The funding decision's date, reduced-precision ISO ("2024-11" where the source gives the month):
   * a review as of a cut-off counts the entities decided by then (null: not known, counted).
   */
  decided_on: string | null;
  /** Why the period's start is inferred rather than stated, or null. */
  period_start_inferred: string | null;
  /** Why the period's end is inferred rather than stated ("toimikausi päättyy vuoden lopussa"), or null. */
  period_end_inferred: string | null;
};

export type ProjectEntityMinistriesTable = { entity_id: number; ministry: string; share_percent: number | null };

export type ProjectsTable = Tracked & {
  id: Id;
  entity_id: number;
  code: string | null;
  implementer_id: number;
  role: 'main' | 'sub';
  /** 0 where no source states the role (the first-named implementer of a group is not thereby main). */
  role_stated: Generated<number>;
  cost_estimate_cents: number | null;
  cost_estimate_rounded: Generated<number>;
  position: Generated<number>;
};

export type ProjectStatusHistoryTable = {
  id: Id;
  entity_id: number;
  status: string;
  valid_from: string;
  source: string | null;
  recorded_at: Timestamp;
  recorded_by: string;
};

export type ProjectEntityPartnersTable = { entity_id: number; organisation_id: number };

export type SectorsTable = {
  key: string;
  parent_key: string | null;
  name_fi: string;
  name_sv: string;
  name_en: string;
  position: Generated<number>;
};

export type ProjectEntitySectorsTable = { entity_id: number; sector_key: string };

export type ActivityFiguresTable = Tracked & {
  id: Id;
  theme_id: number;
  key: string;
  label_fi: string;
  label_sv: string | null;
  label_en: string | null;
  value: number;
  unit: string | null;
  period_start: string | null;
  period_end: string | null;
  period_text: string | null;
  source: string | null;
};

export type SteeringGroupsTable = Tracked & {
  id: Id;
  key: string;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  diary_number: string | null;
  source: string | null;
  term_start: string | null;
  term_end: string | null;
  quorum: number | null;
};

export type SteeringGroupThemesTable = { steering_group_id: number; theme_id: number };

export type SteeringGroupMembersTable = Tracked & {
  id: Id;
  steering_group_id: number;
  seat: number | null;
  capacity: 'member' | 'deputy' | 'permanent_expert' | 'secretary';
  position: string | null;
  name: string;
  organisation: string | null;
  valid_from: string | null;
  valid_to: string | null;
  decision_reference: string | null;
  user_id: number | null;
};

export type MeetingsTable = Tracked & {
  id: Id;
  key: string;
  steering_group_id: number;
  number: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  room: string | null;
  address: string | null;
  online: string | null;
  previous_minutes: string | null;
  next_meeting: string | null;
  notes: string | null;
  source: string | null;
  online_url: string | null;
  minutes_status: Generated<MinutesStatus>;
  previous_meeting_id: number | null;
  minutes_checked_at: string | null;
  minutes_checked_by: string | null;
  minutes_approved_at: string | null;
  approved_in_meeting_id: number | null;
  minutes_published_at: string | null;
  minutes_returned_reason: string | null;
  minutes_returned_at: string | null;
  minutes_returned_by: string | null;
};

export type MinutesStatus = 'draft' | 'checked' | 'approved' | 'published';

export type MeetingDecisionsTable = Tracked & {
  id: Id;
  meeting_id: number;
  agenda_item_id: number | null;
  kind: 'decision' | 'action';
  text: string;
  owner: string | null;
  due_date: string | null;
  status: 'open' | 'done' | 'cancelled' | null;
  completed_on: string | null;
  completed_in_meeting_id: number | null;
  source: string | null;
  /** The record's Swedish text for a bilingual group (0016). */
  text_sv: string | null;
};

export type MeetingAttendanceTable = {
  meeting_id: number;
  position: number;
  name: string;
  organisation: string | null;
  capacity: string;
  role: string | null;
  present: number;
  standing_in_for: string | null;
  seat: number | null;
  member_id: number | null;
  standing_in_for_member_id: number | null;
  acting_chair: Generated<number>;
};

export type AgendaItemsTable = Tracked & {
  id: Id;
  meeting_id: number;
  number: number;
  kind: string;
  title: string;
  presenter: string | null;
  background: string | null;
  discussion: string | null;
  decision: string | null;
  time: string | null;
  source: string | null;
  title_sv: string | null;
  proposal: string | null;
  /** Swedish content for bilingual groups (0016); null where none is written. */
  background_sv: string | null;
  proposal_sv: string | null;
  discussion_sv: string | null;
  decision_sv: string | null;
  reference_type: 'theme' | 'call' | 'project' | 'report' | null;
  reference_key: string | null;
};

export type MeetingSignatoriesTable = {
  meeting_id: number;
  position: number;
  name: string;
  organisation: string | null;
  role: string | null;
};

export type MeetingDistributionTable = { meeting_id: number; position: number; recipient: string };

export type UsersTable = {
  id: Id;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  password_changed_at: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  is_demo: Generated<number>;
  disabled_at: string | null;
  password_change_required: Generated<number>;
  /** The language of the person's e-mail: fi, sv or en. */
  language: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type RoleAssignmentsTable = {
  id: Id;
  user_id: number;
  role: Role;
  ministry: Ministry | null;
  theme_id: number | null;
  steering_group_id: number | null;
  created_at: Timestamp;
  created_by: string;
};

export type SessionsTable = {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
};

/** Migration 0006: failures and the next allowed attempt per throttling key (times in epoch ms). */
export type SignInThrottleTable = {
  key: string;
  failures: Generated<number>;
  next_attempt_ms: Generated<number>;
  last_attempt_ms: Generated<number>;
};

export type OidcFlowsTable = {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  expires_at: string;
};

export type AuditLogTable = {
  id: Id;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  ip: string | null;
  request_id: string | null;
};

export type PersonalDataTable = {
  person_id: string;
  revision: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  recorded_at: string;
};

export type ReportingPeriodsTable = Tracked & {
  id: Id;
  key: string;
  kind: 'review' | 'description';
  title_fi: string;
  title_sv: string | null;
  title_en: string | null;
  cut_off: string | null;
  deadline: string | null;
  /** Set while the period is closed (migration 0012): its reports no longer change. */
  closed_at: string | null;
  closed_by: string | null;
};

export type ReportingPeriodThemesTable = { period_id: number; theme_id: number; position: number };

export type ThemeReportsTable = Tracked & {
  id: Id;
  period_id: number;
  theme_id: number;
  state: 'draft' | 'submitted' | 'returned' | 'approved';
  /** JSON: ReportContent. */
  content: string;
  /** JSON: ReportHeader, frozen at approval. */
  header: string | null;
  submissions: Generated<number>;
  submitted_at: string | null;
  submitted_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
};

export type ThemeReportVersionsTable = {
  report_id: number;
  version: number;
  state: string;
  action: string;
  content: string;
  saved_at: string;
  saved_by: string;
};

export type ReportCommentsTable = {
  id: Id;
  report_id: number;
  version: number;
  section_key: string;
  body: string;
  author: string;
  created_at: string;
};

export type OutboxTable = {
  id: Id;
  kind: string;
  period_id: number | null;
  theme_id: number | null;
  recipient: string;
  subject: string;
  body: string;
  created_at: string;
  created_by: string;
  sent_at: string | null;
  user_id: number | null;
  language: string | null;
  report_id: number | null;
  meeting_id: number | null;
  /** Where the thing is done, below the site: /fi/reports/2024/lanupe. */
  link: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
  next_attempt_at: string | null;
  last_error: string | null;
  failed_at: string | null;
  attempts: Generated<number>;
};

export type NotificationOptOutsTable = { user_id: number; kind: string };

export type ReportApprovalsTable = {
  report_id: number;
  submission: number;
  ministry: string;
  approved_by: string;
  approved_at: string;
};

/** One row (id 1): raised by triggers on every change to the published data (migration 0005). */
export type DataVersionTable = { id: number; version: number };

/** What each change touched, by scope (`theme:<slug>`, `overview`, …; migration 0014). */
export type DataScopesTable = { scope: string; version: number };

/** A theme's key figures as last computed, under the versions of their scopes (migration 0018). */
export type ThemeFiguresTable = {
  theme_id: number;
  /** `<figures:slug version>.<national version>` when they were computed. */
  versions: string;
  /** The figures' JSON, as `GET /api/v1/themes/:slug/figures` answers them. */
  body: string;
  computed_at: Timestamp;
};

/** One row per searchable record, written with the record's own writes (migration 0010). */
export type SearchDocumentsTable = {
  id: Id;
  kind: 'theme' | 'project' | 'organisation' | 'call' | 'minutes';
  record_id: number;
  /** What the record's address is made of: a theme's slug, a project's or a meeting's key. */
  key: string;
  /** The theme a call belongs to (its address is on the theme's calls). */
  theme_key: string | null;
  title_fi: string;
  title_sv: string | null;
  body: string;
};

export type Database = {
  data_version: DataVersionTable;
  data_scopes: DataScopesTable;
  theme_figures: ThemeFiguresTable;
  search_documents: SearchDocumentsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  sign_in_throttle: SignInThrottleTable;
  oidc_flows: OidcFlowsTable;
  audit_log: AuditLogTable;
  personal_data: PersonalDataTable;
  counties: CountiesTable;
  municipalities: MunicipalitiesTable;
  specific_objectives: SpecificObjectivesTable;
  themes: ThemesTable;
  theme_ministries: ThemeMinistriesTable;
  theme_specific_objectives: ThemeSpecificObjectivesTable;
  contacts: ContactsTable;
  content_areas: ContentAreasTable;
  theme_links: ThemeLinksTable;
  finance_snapshots: FinanceSnapshotsTable;
  project_status_history: ProjectStatusHistoryTable;
  frame_splits: FrameSplitsTable;
  organisations: OrganisationsTable;
  calls: CallsTable;
  call_specific_objectives: CallSpecificObjectivesTable;
  project_entities: ProjectEntitiesTable;
  project_entity_ministries: ProjectEntityMinistriesTable;
  projects: ProjectsTable;
  project_entity_partners: ProjectEntityPartnersTable;
  sectors: SectorsTable;
  project_entity_sectors: ProjectEntitySectorsTable;
  activity_figures: ActivityFiguresTable;
  steering_groups: SteeringGroupsTable;
  steering_group_themes: SteeringGroupThemesTable;
  steering_group_members: SteeringGroupMembersTable;
  meetings: MeetingsTable;
  meeting_attendance: MeetingAttendanceTable;
  agenda_items: AgendaItemsTable;
  meeting_signatories: MeetingSignatoriesTable;
  meeting_distribution: MeetingDistributionTable;
  reporting_periods: ReportingPeriodsTable;
  reporting_period_themes: ReportingPeriodThemesTable;
  theme_reports: ThemeReportsTable;
  theme_report_versions: ThemeReportVersionsTable;
  report_comments: ReportCommentsTable;
  outbox: OutboxTable;
  notification_opt_outs: NotificationOptOutsTable;
  report_approvals: ReportApprovalsTable;
  meeting_decisions: MeetingDecisionsTable;
};

export type ThemeRow = Selectable<ThemesTable>;
export type NewTheme = Insertable<ThemesTable>;

/** Tables edited through the write API: tracked, with a numeric id. */
export type EditableTableName = {
  [T in keyof Database]: Database[T] extends Tracked & { id: Generated<number> } ? T : never;
}[keyof Database];
