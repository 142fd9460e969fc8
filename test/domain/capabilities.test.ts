/**
 * The capabilities the web renders from are `can()` and the minutes' workflow, and nothing else:
 * per theme and group each listed permission is one `can()` grants and each one it grants is
 * listed; a meeting's steps follow its status, start, chair and quorum as the workflow refuses them.
 */
import { describe, expect, it } from 'vitest';
import { can, ROLES, type Actor, type RoleAssignment, type Scope } from '../../src/domain/access.js';
import {
  GLOBAL_CAPABILITIES,
  GROUP_CAPABILITIES,
  meetingCapabilities,
  sessionCapabilities,
  THEME_CAPABILITIES,
} from '../../src/domain/capabilities.js';
import { MINUTES_STATUSES, type MinutesStatus } from '../../src/domain/meetings.js';

const THEMES = [
  { slug: 'lanupe', scope: { themeId: 1, themeMinistries: ['STM', 'OKM'] } },
  { slug: 'kohtaanto', scope: { themeId: 2, themeMinistries: ['TEM'] } },
];
const GROUPS = [
  { key: 'lanupe-johtoryhma', scope: { steeringGroupId: 10, steeringGroupMinistries: ['STM', 'OKM'] } },
  { key: 'kohtaanto-johtoryhma', scope: { steeringGroupId: 20, steeringGroupMinistries: ['TEM'] } },
];

const user = (...roles: RoleAssignment[]): Actor => ({
  kind: 'user',
  userId: 7,
  username: 'u',
  displayName: 'U',
  roles,
});
const assignment = (role: RoleAssignment['role'], scope: Partial<RoleAssignment> = {}): RoleAssignment => ({
  role,
  ministry: null,
  themeId: null,
  steeringGroupId: null,
  ...scope,
});

/** One actor per role and scope, and one holding two roles. */
const ACTORS: [string, Actor][] = [
  ...ROLES.flatMap((role): [string, Actor][] => [
    [`${role} (theme 1, group 10, STM)`, user(assignment(role, { themeId: 1, steeringGroupId: 10, ministry: 'STM' }))],
    [`${role} (theme 2, group 20, TEM)`, user(assignment(role, { themeId: 2, steeringGroupId: 20, ministry: 'TEM' }))],
  ]),
  [
    'finance expert of 1 and secretary of 20',
    user(assignment('finance_expert', { themeId: 1 }), assignment('steering_group_secretary', { steeringGroupId: 20 })),
  ],
];

describe('session capabilities', () => {
  it.each(ACTORS)('are exactly what can() grants %s, theme by theme and group by group', (_name, actor) => {
    const capabilities = sessionCapabilities(actor, THEMES, GROUPS);
    expect(capabilities.global).toEqual(GLOBAL_CAPABILITIES.filter((p) => can(actor, p)));
    for (const { slug, scope } of THEMES)
      expect(capabilities.themes[slug] ?? []).toEqual(THEME_CAPABILITIES.filter((p) => can(actor, p, scope)));
    for (const { key, scope } of GROUPS)
      expect(capabilities.steeringGroups[key] ?? []).toEqual(GROUP_CAPABILITIES.filter((p) => can(actor, p, scope)));
  });

  it('gives the signed-out public nothing', () => {
    expect(sessionCapabilities({ kind: 'public' }, THEMES, GROUPS)).toEqual({
      global: [],
      themes: {},
      steeringGroups: {},
    });
  });
});

describe('meeting capabilities', () => {
  const group: Scope = { steeringGroupId: 10, steeringGroupMinistries: ['STM'] };
  const chairScope: Scope = { ...group, chairUserIds: [7] };
  const secretary = user(assignment('steering_group_secretary', { steeringGroupId: 10 }));
  const chair = user(assignment('steering_group_member', { steeringGroupId: 10 }));
  const member = user({ ...assignment('steering_group_member', { steeringGroupId: 10 }) });
  const ministry = user(assignment('ministry_official', { ministry: 'STM' }));
  const held = (minutesStatus: MinutesStatus, more: Partial<Parameters<typeof meetingCapabilities>[2]> = {}) => ({
    minutesStatus,
    started: true,
    chaired: true,
    quorumReached: true,
    previousMinutesStatus: null,
    ...more,
  });

  it('lets the secretary edit open minutes, ask for the check of a draft and publish approved ones', () => {
    expect(meetingCapabilities(secretary, chairScope, held('draft'))).toEqual(['edit', 'ready']);
    expect(meetingCapabilities(secretary, chairScope, held('checked'))).toEqual(['edit']);
    expect(meetingCapabilities(secretary, chairScope, held('approved'))).toEqual(['publish']);
    expect(meetingCapabilities(secretary, chairScope, held('published'))).toEqual([]);
  });

  it('lets only the chair check a draft and return checked minutes, once the meeting has started', () => {
    expect(meetingCapabilities(chair, chairScope, held('draft'))).toEqual(['check']);
    expect(meetingCapabilities(chair, chairScope, held('checked'))).toEqual(['return']);
    expect(meetingCapabilities(chair, chairScope, held('draft', { started: false }))).toEqual([]);
    // A member whose account is not linked to who chaired, and a ministry reading the material.
    expect(meetingCapabilities(member, group, held('draft'))).toEqual([]);
    expect(meetingCapabilities(ministry, chairScope, held('draft'))).toEqual([]);
  });

  it('offers no check or request for one when nobody chaired', () => {
    expect(meetingCapabilities(secretary, chairScope, held('draft', { chaired: false }))).toEqual(['edit']);
    expect(meetingCapabilities(chair, chairScope, held('draft', { chaired: false }))).toEqual([]);
  });

  it("approves the previous meeting's checked minutes only at a started meeting with a quorum", () => {
    for (const previous of MINUTES_STATUSES) {
      const offered = meetingCapabilities(secretary, chairScope, held('draft', { previousMinutesStatus: previous }));
      expect(offered.includes('approvePrevious'), previous).toBe(previous === 'checked');
    }
    const noQuorum = held('draft', { previousMinutesStatus: 'checked', quorumReached: false });
    expect(meetingCapabilities(secretary, chairScope, noQuorum)).not.toContain('approvePrevious');
    const notStarted = held('draft', { previousMinutesStatus: 'checked', started: false });
    expect(meetingCapabilities(secretary, chairScope, notStarted)).not.toContain('approvePrevious');
    const locked = held('approved', { previousMinutesStatus: 'checked' });
    expect(meetingCapabilities(secretary, chairScope, locked)).not.toContain('approvePrevious');
  });

  it('gives another group’s secretary and the public nothing', () => {
    const other = user(assignment('steering_group_secretary', { steeringGroupId: 20 }));
    expect(meetingCapabilities(other, chairScope, held('draft'))).toEqual([]);
    expect(meetingCapabilities({ kind: 'public' }, chairScope, held('draft'))).toEqual([]);
  });
});
