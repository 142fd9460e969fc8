/** Translating role scopes between API keys (theme slug, group key) and database ids. */
import type { Db } from '../database.js';
import type { RoleAssignment, Scope } from '../../domain/access.js';
import { RuleViolationError } from '../../domain/errors.js';

export type ScopeKeys = {
  role: RoleAssignment['role'];
  ministry?: RoleAssignment['ministry'];
  theme?: string | null;
  steeringGroup?: string | null;
};

const SCOPE_OF: Record<RoleAssignment['role'], 'none' | 'ministry' | 'theme' | 'steeringGroup'> = {
  admin: 'none',
  ministry_official: 'ministry',
  finance_expert: 'theme',
  theme_coordinator: 'theme',
  steering_group_secretary: 'steeringGroup',
  steering_group_member: 'steeringGroup',
};

export async function resolveRoleScopes(db: Db, assignments: ScopeKeys[]): Promise<RoleAssignment[]> {
  const result: RoleAssignment[] = [];
  for (const [index, a] of assignments.entries()) {
    const scope = SCOPE_OF[a.role];
    const field = `roles.${index}`;
    const missing = (what: { fi: string; sv: string; en: string }) =>
      new RuleViolationError([{ field, message: what }]);
    let themeId: number | null = null;
    let steeringGroupId: number | null = null;
    if (scope === 'ministry' && !a.ministry)
      throw missing({
        fi: 'Roolille on annettava ministeriö.',
        sv: 'Rollen kräver ett ministerium.',
        en: 'This role needs a ministry.',
      });
    if (scope === 'theme') {
      const theme = a.theme
        ? await db.selectFrom('themes').select('id').where('slug', '=', a.theme).executeTakeFirst()
        : undefined;
      if (!theme)
        throw missing({
          fi: 'Roolille on annettava olemassa oleva teema.',
          sv: 'Rollen kräver ett befintligt tema.',
          en: 'This role needs an existing theme.',
        });
      themeId = Number(theme.id);
    }
    if (scope === 'steeringGroup') {
      const group = a.steeringGroup
        ? await db.selectFrom('steering_groups').select('id').where('key', '=', a.steeringGroup).executeTakeFirst()
        : undefined;
      if (!group)
        throw missing({
          fi: 'Roolille on annettava olemassa oleva johtoryhmä.',
          sv: 'Rollen kräver en befintlig styrgrupp.',
          en: 'This role needs an existing steering group.',
        });
      steeringGroupId = Number(group.id);
    }
    result.push({
      role: a.role,
      ministry: scope === 'ministry' ? (a.ministry ?? null) : null,
      themeId,
      steeringGroupId,
    });
  }
  return result;
}

/** Role assignments with their scopes as API keys, for many users at once. */
export async function describeRoles(db: Db, userIds: number[]) {
  if (userIds.length === 0)
    return new Map<
      number,
      {
        role: RoleAssignment['role'];
        ministry: RoleAssignment['ministry'];
        theme: string | null;
        steeringGroup: string | null;
      }[]
    >();
  const rows = await db
    .selectFrom('role_assignments as r')
    .leftJoin('themes as t', 't.id', 'r.theme_id')
    .leftJoin('steering_groups as g', 'g.id', 'r.steering_group_id')
    .select(['r.user_id', 'r.role', 'r.ministry', 't.slug', 'g.key'])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.id')
    .execute();
  const byUser = new Map<
    number,
    {
      role: RoleAssignment['role'];
      ministry: RoleAssignment['ministry'];
      theme: string | null;
      steeringGroup: string | null;
    }[]
  >();
  for (const row of rows) {
    const list = byUser.get(Number(row.user_id)) ?? [];
    list.push({
      role: row.role,
      ministry: row.ministry,
      theme: row.slug,
      steeringGroup: row.key,
    });
    byUser.set(Number(row.user_id), list);
  }
  return byUser;
}

/**
 * Every theme and steering group with the scope `can()` is asked about (domain/access.ts Scope):
 * a theme with its ministries, a group with the ministries of the themes it steers. Two queries
 * each, whatever the number of themes or groups.
 */
export async function listRecordScopes(db: Db): Promise<{
  themes: { slug: string; scope: Scope }[];
  groups: { key: string; scope: Scope }[];
}> {
  const [themes, themeMinistries, groups, groupMinistries] = await Promise.all([
    db.selectFrom('themes').select(['id', 'slug']).where('archived_at', 'is', null).orderBy('id').execute(),
    db.selectFrom('theme_ministries').select(['theme_id', 'ministry']).execute(),
    db.selectFrom('steering_groups').select(['id', 'key']).where('archived_at', 'is', null).orderBy('id').execute(),
    db
      .selectFrom('steering_group_themes as sgt')
      .innerJoin('theme_ministries as tm', 'tm.theme_id', 'sgt.theme_id')
      .select(['sgt.steering_group_id', 'tm.ministry'])
      .execute(),
  ]);
  const ministriesOf = (rows: { id: number; ministry: string }[], id: number) => [
    ...new Set(rows.filter((row) => row.id === id).map((row) => row.ministry)),
  ];
  const byTheme = themeMinistries.map((row) => ({ id: Number(row.theme_id), ministry: row.ministry }));
  const byGroup = groupMinistries.map((row) => ({ id: Number(row.steering_group_id), ministry: row.ministry }));
  return {
    themes: themes.map((theme) => ({
      slug: theme.slug,
      scope: { themeId: Number(theme.id), themeMinistries: ministriesOf(byTheme, Number(theme.id)) },
    })),
    groups: groups.map((group) => ({
      key: group.key,
      scope: {
        steeringGroupId: Number(group.id),
        steeringGroupMinistries: ministriesOf(byGroup, Number(group.id)),
      },
    })),
  };
}
