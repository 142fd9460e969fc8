/**
 * What the signed-in person may do, as the web needs to know it to offer an action: per theme, per
 * steering group and whatever the record. Computed from `can()` (access.ts) only, so the web keeps
 * no copy of the role rules; the server still decides on every write.
 */
import { can, type Actor, type Permission, type Scope } from './access.js';
import { minutesLocked, minutesStepProblem, type MinutesStatus } from './meetings.js';

/** Permissions scoped to a theme that the web offers actions for. */
export const THEME_CAPABILITIES = [
  'theme.edit',
  'theme.read_internal',
  'finance.record',
  'call.edit',
  'project.edit',
  'contact.edit',
  'activity.edit',
  'content_area.edit',
  'figures.facts.edit',
  'report.edit',
  'report.approve',
] as const satisfies readonly Permission[];
export type ThemeCapability = (typeof THEME_CAPABILITIES)[number];

/** Permissions scoped to a steering group. */
export const GROUP_CAPABILITIES = [
  'steering_group.read',
  'steering_group.edit',
  'meeting.edit',
] as const satisfies readonly Permission[];
export type GroupCapability = (typeof GROUP_CAPABILITIES)[number];

/** Permissions that do not depend on a record (organisations are shared by every theme). */
export const GLOBAL_CAPABILITIES = [
  'organisation.edit',
  'organisation.register_update',
  'users.manage',
  'audit.read',
  'review.manage',
  'review.read',
  'personal_data.manage',
] as const satisfies readonly Permission[];
export type GlobalCapability = (typeof GLOBAL_CAPABILITIES)[number];

export type SessionCapabilities = {
  global: GlobalCapability[];
  /** By theme slug; a theme with nothing allowed is left out. */
  themes: Record<string, ThemeCapability[]>;
  /** By steering group key; a group with nothing allowed is left out. */
  steeringGroups: Record<string, GroupCapability[]>;
};

export function sessionCapabilities(
  actor: Actor,
  themes: readonly { slug: string; scope: Scope }[],
  groups: readonly { key: string; scope: Scope }[],
): SessionCapabilities {
  const result: SessionCapabilities = { global: [], themes: {}, steeringGroups: {} };
  if (actor.kind !== 'user') return result;
  result.global = GLOBAL_CAPABILITIES.filter((permission) => can(actor, permission));
  for (const { slug, scope } of themes) {
    const allowed = THEME_CAPABILITIES.filter((permission) => can(actor, permission, scope));
    if (allowed.length > 0) result.themes[slug] = allowed;
  }
  for (const { key, scope } of groups) {
    const allowed = GROUP_CAPABILITIES.filter((permission) => can(actor, permission, scope));
    if (allowed.length > 0) result.steeringGroups[key] = allowed;
  }
  return result;
}

/**
 * What the person may do with one meeting now: `edit` (the meeting, its attendance, agenda and
 * minutes, while the minutes are open), and the minutes' steps: tell the chair the draft is
 * `ready`, `check` or `return` them (the chair), `approvePrevious` (the previous meeting's checked
 * minutes, at a started meeting with a quorum) and `publish` approved minutes. The same conditions
 * the workflow (server/modules/meetings/minutes-workflow.ts) refuses a step on.
 */
export const MEETING_CAPABILITIES = ['edit', 'ready', 'check', 'return', 'approvePrevious', 'publish'] as const;
export type MeetingCapability = (typeof MEETING_CAPABILITIES)[number];

export function meetingCapabilities(
  actor: Actor,
  /** The group's scope with `chairUserIds`: the account linked to the seat of who chaired. */
  scope: Scope,
  meeting: {
    minutesStatus: MinutesStatus;
    started: boolean;
    chaired: boolean;
    quorumReached: boolean;
    /** The previous meeting's minutes status, or null when there is none. */
    previousMinutesStatus: MinutesStatus | null;
  },
): MeetingCapability[] {
  if (actor.kind !== 'user') return [];
  const editor = can(actor, 'meeting.edit', scope);
  const chair = meeting.chaired && can(actor, 'minutes.check', scope);
  const status = meeting.minutesStatus;
  const capabilities: MeetingCapability[] = [];
  if (editor && !minutesLocked(status)) capabilities.push('edit');
  if (editor && !chair && meeting.started && meeting.chaired && !minutesStepProblem('check', status))
    capabilities.push('ready');
  if (chair && meeting.started && !minutesStepProblem('check', status)) capabilities.push('check');
  if (chair && meeting.started && !minutesStepProblem('return', status)) capabilities.push('return');
  if (
    editor &&
    meeting.started &&
    meeting.quorumReached &&
    !minutesLocked(status) &&
    meeting.previousMinutesStatus !== null &&
    !minutesStepProblem('approve', meeting.previousMinutesStatus)
  )
    capabilities.push('approvePrevious');
  if (editor && !minutesStepProblem('publish', status)) capabilities.push('publish');
  return capabilities;
}
