/** Users, their role assignments and sessions. */
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../database.js';
import type { Actor, Role, RoleAssignment } from '../../domain/access.js';
import type { Ministry } from '../../domain/figures.js';

export type UserRow = Awaited<ReturnType<typeof findUserByUsername>>;

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();

export const findUserById = (db: Db, id: number) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

type RoleColumns = { role: string; ministry: string | null; theme_id: unknown; steering_group_id: unknown };
const toRole = (row: RoleColumns): RoleAssignment => ({
  role: row.role as Role,
  ministry: row.ministry as Ministry | null,
  themeId: row.theme_id === null ? null : Number(row.theme_id),
  steeringGroupId: row.steering_group_id === null ? null : Number(row.steering_group_id),
});

export async function roleAssignments(db: Db, userId: number): Promise<RoleAssignment[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map(toRole);
}

/**
 * A user's role assignments as one column of the statement that reads the user: a JSON array of
 * [role, ministry, theme_id, steering_group_id] in the order they were given, as text on both
 * databases. `rolesFromJson` reads it back.
 */
const rolesColumn = (db: Db) =>
  db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<string>`(select coalesce(json_agg(json_build_array(r.role, r.ministry, r.theme_id, r.steering_group_id) order by r.id), '[]')::text from role_assignments r where r.user_id = users.id)`
    : sql<string>`(select json_group_array(json_array(r.role, r.ministry, r.theme_id, r.steering_group_id) order by r.id) from role_assignments r where r.user_id = users.id)`;

const rolesFromJson = (text: string): RoleAssignment[] =>
  (JSON.parse(text) as [string, string | null, number | null, number | null][]).map(
    ([role, ministry, theme_id, steering_group_id]) => toRole({ role, ministry, theme_id, steering_group_id }),
  );

export const actorOf = (user: NonNullable<UserRow>, roles: RoleAssignment[]): Extract<Actor, { kind: 'user' }> => ({
  kind: 'user',
  userId: Number(user.id),
  username: user.username,
  displayName: user.display_name,
  roles,
});

export async function actorFor(db: Db, user: NonNullable<UserRow>): Promise<Extract<Actor, { kind: 'user' }>> {
  return actorOf(user, await roleAssignments(db, Number(user.id)));
}

export type SessionRecord = {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
};

/**
 * A session with its user and the user's roles in one statement. Every signed-in request asks this
 * first; on PostgreSQL a statement is a round trip that costs CPU on both sides of the socket
 * (docs/performance.md), so the user and the roles come with the session rather than after it.
 */
export async function findSessionWithUser(
  db: Db,
  tokenHash: string,
): Promise<{ session: SessionRecord; user: NonNullable<UserRow>; roles: RoleAssignment[] } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.token_hash as session_token_hash',
      'sessions.user_id as session_user_id',
      'sessions.csrf_token as session_csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.expires_at as session_expires_at',
      'sessions.revoked_at as session_revoked_at',
      rolesColumn(db).as('session_roles'),
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    session_token_hash,
    session_user_id,
    session_csrf_token,
    session_created_at,
    session_last_seen_at,
    session_expires_at,
    session_revoked_at,
    session_roles,
    ...user
  } = row;
  return {
    session: {
      token_hash: session_token_hash,
      user_id: Number(session_user_id),
      csrf_token: session_csrf_token,
      created_at: session_created_at,
      last_seen_at: session_last_seen_at,
      expires_at: session_expires_at,
      revoked_at: session_revoked_at,
    },
    user,
    roles: rolesFromJson(session_roles),
  };
}

/**
 * How a person who recorded or checked something is shown on public pages and in public JSON: by
 * their display name, never by their username (a username is half of a sign-in). Actors that are no
 * user (the dataset's loader, the command line, the system) are shown as their kind only.
 */
export async function publicNames(db: Db, actors: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(actors.filter((a): a is string => a !== null))];
  const names = new Map<string, string>();
  if (wanted.length === 0) return names;
  const users = await db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('username', 'in', wanted)
    .execute();
  for (const user of users) names.set(user.username, user.display_name);
  for (const actor of wanted) if (!names.has(actor)) names.set(actor, publicName(actor, null));
  return names;
}

/** One actor's public name: the user's display name, or for an actor that is no user ("import:2024"), its kind. */
export const publicName = (actor: string, displayName: string | null): string =>
  displayName ?? (actor.split(':')[0] || 'system');
