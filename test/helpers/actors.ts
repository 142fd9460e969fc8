/**
 * People to test access with: one user per role scoped to the LANUPE theme and its steering group, and
 * the same roles scoped elsewhere ("the wrong theme"). Each is created through the real user use case
 * and signed in through the real sign-in route, so the test holds a real session cookie and CSRF token.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/database.js';
import type { ScopeKeys } from '../../src/db/repositories/role-scopes.js';
import { createUser } from '../../src/server/modules/users/create-user.js';
import { SESSION_COOKIE } from '../../src/server/modules/auth/sessions.js';

export const TEST_PASSWORD = 'Testisalasana-2024!';
export const THEME = 'lanupe';
export const OTHER_THEME = 'tyomarkkinoiden-kohtaanto';
export const GROUP = 'lanupe-johtoryhma';

export const ACTOR_ROLES = {
  admin: [{ role: 'admin' }],
  /** LANUPE is funded by STM and OKM. */
  ministry: [{ role: 'ministry_official', ministry: 'STM' }],
  ministryOther: [{ role: 'ministry_official', ministry: 'TEM' }],
  finance: [{ role: 'finance_expert', theme: THEME }],
  financeOther: [{ role: 'finance_expert', theme: OTHER_THEME }],
  coordinator: [{ role: 'theme_coordinator', theme: THEME }],
  coordinatorOther: [{ role: 'theme_coordinator', theme: OTHER_THEME }],
  secretary: [{ role: 'steering_group_secretary', steeringGroup: GROUP }],
  member: [{ role: 'steering_group_member', steeringGroup: GROUP }],
} satisfies Record<string, ScopeKeys[]>;

export type SignedInActor = keyof typeof ACTOR_ROLES;
export type Who = SignedInActor | 'public';
export const SIGNED_IN_ACTORS = Object.keys(ACTOR_ROLES) as SignedInActor[];
export const EVERYONE: Who[] = ['public', ...SIGNED_IN_ACTORS];

export type Session = { cookie: string; csrf: string };

const SYSTEM = { actorId: null, actor: 'test-setup', ip: null, requestId: null, at: '2026-11-23T09:00:00.000Z' };

/** Creates the user (if needed) with the given roles. */
export async function ensureUser(db: Db, username: string, roles: ScopeKeys[]): Promise<void> {
  const existing = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!existing) await createUser(db, SYSTEM, { username, displayName: username, password: TEST_PASSWORD, roles });
}

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrf: (response.json() as { csrfToken: string }).csrfToken };
}

/** Creates every actor of ACTOR_ROLES and signs each in. */
export async function signInEveryone(app: FastifyInstance, db: Db): Promise<Record<SignedInActor, Session>> {
  const sessions = {} as Record<SignedInActor, Session>;
  for (const actor of SIGNED_IN_ACTORS) {
    await ensureUser(db, `test-${actor.toLowerCase()}`, ACTOR_ROLES[actor]);
    sessions[actor] = await signIn(app, `test-${actor.toLowerCase()}`);
  }
  return sessions;
}

/** A request as a signed-in user: the session cookie and, for writes, the CSRF token. */
export function as(
  app: FastifyInstance,
  session: Session | null,
  options: InjectOptions,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({ ...options, headers });
}
