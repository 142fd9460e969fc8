/**
 * Who may do what, scoped to records. Pure: the caller resolves a record's scope (its theme and the
 * theme's ministries, or its steering group) and asks `can`.
 *
 * | role (fi)                                   | may                                                         |
 * |---------------------------------------------|-------------------------------------------------------------|
 * | admin (hallintoviranomainen)                | everything                                                  |
 * | ministry_official (vastuuministeriö)        | read and approve everything of their ministry's themes; read the compiled review |
 * | finance_expert (ELY rahoitusasiantuntija)    | figures, calls, projects, contacts of their themes; organisations |
 * | theme_coordinator (koordinaatiohanke)       | report drafts, activity figures, content areas, contacts of their theme |
 * | finance_expert and theme_coordinator         | the facts behind their theme's key figures: entities' ministries and |
 * |                                             | shares, sectors, partners; where the theme's organisations are |
 * | steering_group_secretary (sihteeri)         | their group's membership, meetings and minutes              |
 * | steering_group_member (jäsen)               | read their group's material; the chair (a member whose      |
 * |                                             | account is linked to the chair's seat) checks the minutes   |
 * | public (signed out)                         | published data only                                         |
 */
import type { Ministry } from './figures.js';

export const ROLES = [
  'admin',
  'ministry_official',
  'finance_expert',
  'theme_coordinator',
  'steering_group_secretary',
  'steering_group_member',
] as const;
export type Role = (typeof ROLES)[number];

export type RoleAssignment = {
  role: Role;
  ministry: Ministry | null;
  themeId: number | null;
  steeringGroupId: number | null;
};

export type Actor =
  { kind: 'user'; userId: number; username: string; displayName: string; roles: RoleAssignment[] } | { kind: 'public' };

export const PUBLIC: Actor = { kind: 'public' };

export type Permission =
  | 'theme.edit'
  | 'theme.read_internal'
  | 'report.edit'
  | 'report.approve'
  | 'contact.edit'
  | 'finance.record'
  | 'call.edit'
  | 'project.edit'
  | 'organisation.edit'
  /** Updating every organisation from the organisation register at once: the managing authority. */
  | 'organisation.register_update'
  /** The facts behind a theme's key figures (ministry shares, sectors, partners, organisations' places). */
  | 'figures.facts.edit'
  | 'activity.edit'
  | 'content_area.edit'
  | 'steering_group.edit'
  | 'steering_group.read'
  | 'meeting.edit'
  | 'minutes.check'
  | 'audit.read'
  | 'users.manage'
  | 'personal_data.manage'
  /** Reporting periods, reminders, imports of old reviews: the managing authority. */
  | 'review.manage'
  /** The compiled national review and the state of every theme's report. */
  | 'review.read'
  /**
   * Changing who may see or edit a record: a group's themes (whose ministries read its material), a
   * record's theme, a member's account link. Only the managing authority moves scope; no role may
   * widen or shift its own reach (or another's) by editing a record it holds.
   */
  | 'scope.change';

/** What a record belongs to. A theme's records carry the theme and its ministries. */
export type Scope = {
  themeId?: number | null;
  themeMinistries?: readonly string[];
  /** A record shared by several themes (an organisation taking part in them): any one of them. */
  themeIds?: readonly number[];
  steeringGroupId?: number | null;
  /** For steering-group material: the ministries of the themes the group steers. */
  steeringGroupMinistries?: readonly string[];
  /** Users linked to the group's chair or vice-chair on the meeting's date. */
  chairUserIds?: readonly number[];
};

const THEME_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  finance_expert: [
    'finance.record',
    'call.edit',
    'project.edit',
    'contact.edit',
    'theme.read_internal',
    'figures.facts.edit',
  ],
  theme_coordinator: [
    'report.edit',
    'activity.edit',
    'content_area.edit',
    'contact.edit',
    'theme.read_internal',
    'figures.facts.edit',
  ],
};
const MINISTRY_PERMISSIONS: readonly Permission[] = ['theme.read_internal', 'report.approve', 'steering_group.read'];
const GROUP_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  steering_group_secretary: ['steering_group.edit', 'steering_group.read', 'meeting.edit'],
  steering_group_member: ['steering_group.read'],
};
/** Permissions a role has whatever the record: organisations are shared by every theme. */
const UNSCOPED_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  finance_expert: ['organisation.edit'],
  // The compiled review covers every ministry's themes; each ministry reads the whole of it.
  ministry_official: ['review.read'],
};

function grants(assignment: RoleAssignment, permission: Permission, scope: Scope): boolean {
  if (assignment.role === 'admin') return true;
  if (UNSCOPED_PERMISSIONS[assignment.role]?.includes(permission)) return true;
  if (THEME_PERMISSIONS[assignment.role]?.includes(permission)) {
    return (
      assignment.themeId !== null &&
      (scope.themeId === assignment.themeId || (scope.themeIds ?? []).includes(assignment.themeId))
    );
  }
  if (assignment.role === 'ministry_official' && MINISTRY_PERMISSIONS.includes(permission)) {
    const ministries = permission === 'steering_group.read' ? scope.steeringGroupMinistries : scope.themeMinistries;
    return assignment.ministry !== null && (ministries ?? []).includes(assignment.ministry);
  }
  if (GROUP_PERMISSIONS[assignment.role]?.includes(permission)) {
    return assignment.steeringGroupId !== null && scope.steeringGroupId === assignment.steeringGroupId;
  }
  return false;
}

export function can(actor: Actor, permission: Permission, scope: Scope = {}): boolean {
  if (actor.kind !== 'user') return false;
  // Checking the minutes is the chair's, a person rather than a role: a member of the group whose
  // account is linked to the chair's (or vice-chair's) seat. The secretary who wrote them cannot.
  if (permission === 'minutes.check') {
    return actor.roles.some(
      (a) =>
        a.role === 'admin' ||
        (a.role === 'steering_group_member' &&
          a.steeringGroupId !== null &&
          a.steeringGroupId === scope.steeringGroupId &&
          (scope.chairUserIds ?? []).includes(actor.userId)),
    );
  }
  return actor.roles.some((assignment) => grants(assignment, permission, scope));
}

export const isSignedIn = (actor: Actor): actor is Extract<Actor, { kind: 'user' }> => actor.kind === 'user';

/** The name the audit trail records for an actor. */
export const actorName = (actor: Actor) => (actor.kind === 'user' ? actor.username : 'public');
