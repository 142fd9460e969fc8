/** Real users and real sessions for API tests: created through the use case, signed in over HTTP. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.js';
import type { ScopeKeys } from '../../src/db/repositories/role-scopes.js';
import { createUser } from '../../src/server/modules/users/create-user.js';

export type Session = { cookie: string; csrf: string; username: string };

const PASSWORD = 'correct horse battery staple 42';

export async function signedInAs(app: FastifyInstance, db: Db, username: string, roles: ScopeKeys[]): Promise<Session> {
  const audit = { actorId: null, actor: 'test', ip: null, requestId: null, at: new Date().toISOString() };
  await createUser(db, audit, { username, displayName: username, password: PASSWORD, roles });
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: response.json().csrfToken as string, username };
}

/** Headers of a request made with a session; writes carry the CSRF token. */
export const as = (session: Session | null, extra: Record<string, string> = {}) =>
  session ? { cookie: session.cookie, 'x-csrf-token': session.csrf, ...extra } : extra;
