/** Real users and real sessions for API tests: a user is created in the database and signs in over HTTP. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/database.js';
import type { ScopeKeys } from '../../src/db/repositories/role-scopes.js';
import { createUser } from '../../src/server/modules/users/create-user.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export type Session = {
  username: string;
  /** Sends a request as this user: the session cookie always, the CSRF token on writes. */
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
};

export async function signedIn(app: FastifyInstance, db: Db, username: string, roles: ScopeKeys[]): Promise<Session> {
  const audit = { actorId: null, actor: 'test', ip: null, requestId: null, at: new Date().toISOString() };
  await createUser(db, audit, { username, displayName: username, password: TEST_PASSWORD, roles });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'ts_session')!;
  const csrf = (login.json() as { csrfToken: string }).csrfToken;
  return {
    username,
    request: (options) =>
      app.inject({
        ...options,
        cookies: { ...(options.cookies ?? {}), ts_session: cookie.value },
        headers: { ...(options.headers ?? {}), ...(options.method && options.method !== 'GET' ? { 'x-csrf-token': csrf } : {}) },
      }),
  };
}
